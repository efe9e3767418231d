// Refusals are recorded under the actor, never in a fleet the actor does not belong to, and not endlessly.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { LIMITS } from "@/lib/rate-limit";
import { recordDenial } from "./denials";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let fleetA = "";
let fleetB = "";
let outsider: CurrentUser;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Denials org" } });
  fleetA = (await db.fleet.create({ data: { organizationId: org.id, name: "A", plugsurfingFleetId: "den-a" } })).id;
  fleetB = (await db.fleet.create({ data: { organizationId: org.id, name: "B", plugsurfingFleetId: "den-b" } })).id;
  const user = await db.user.create({ data: { email: "outsider@test.local", name: "Outsider", passwordHash: "x" } });
  outsider = {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: [{ fleetId: fleetB, role: "DRIVER", fleetName: "B" }],
  };
});

describe("refusals in the audit trail", () => {
  it("files a refusal in the actor's own fleet, and one aimed at another fleet under the actor only", async () => {
    await recordDenial({ user: outsider, fleetId: fleetB, objectType: "Action", endpoint: "fleets.rename" });
    await recordDenial({ user: outsider, fleetId: fleetA, objectType: "Action", endpoint: "fleets.rename" });
    expect(await db.auditLog.count({ where: { fleetId: fleetA } })).toBe(0);
    expect(await db.auditLog.count({ where: { fleetId: fleetB, action: "auth.denied" } })).toBe(1);
    const aimed = await db.auditLog.findFirstOrThrow({ where: { actorId: outsider.id, fleetId: null } });
    expect(aimed.after).toEqual({ requestedFleetId: fleetA });
  });

  it("writes at most the limit per actor and minute, however many refusals come", async () => {
    for (let i = 0; i < LIMITS.deniedPerActor.points + 10; i++) {
      await recordDenial({ user: outsider, fleetId: fleetA, objectType: "Route", endpoint: "keys.list" });
    }
    expect(await db.auditLog.count({ where: { actorId: outsider.id, action: "auth.denied" } })).toBe(
      LIMITS.deniedPerActor.points,
    );
  });
});
