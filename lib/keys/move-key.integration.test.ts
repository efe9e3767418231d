// A key stays in the fleet it is in, against a real database and the sandbox: a refresh of another fleet
// the driver also belongs to leaves her keys where they are, and only an admin of both fleets moves a key
// (keys.move), with an audit entry in each fleet's log.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { db } = await import("@/lib/db");
const { providerConfig } = await import("@/lib/env");
const { createProviders } = await import("@/lib/providers");
const keys = await import("@/lib/actions/keys");

const RUN = Math.random().toString(36).slice(2, 8);
const plugsurfing = createProviders(providerConfig(), { retry: { maxAttempts: 1 } }).get("PLUGSURFING");

let organizationId = "";
let home = { id: "", name: "Home" };
let other = { id: "", name: "Other" };
let driverId = "";

async function fleet(name: string) {
  const row = await db.fleet.create({
    data: { organizationId, name, plugsurfingFleetId: `mk-${name.toLowerCase()}-${RUN}` },
  });
  await plugsurfing.createFleet({ fleetId: row.plugsurfingFleetId, fleetName: name });
  return { id: row.id, name };
}

async function signInWith(memberships: Array<{ fleet: { id: string; name: string }; role: Role }>) {
  const user = await db.user.create({
    data: { email: `actor-${Math.random().toString(36).slice(2, 8)}@test.local`, name: "Actor", passwordHash: "x" },
  });
  for (const m of memberships)
    await db.membership.create({ data: { userId: user.id, fleetId: m.fleet.id, role: m.role } });
  session.user = {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: memberships.map((m) => ({ fleetId: m.fleet.id, fleetName: m.fleet.name, role: m.role })),
  };
  return user.id;
}

async function fleetKey(keyId: string, assignedDriverId: string | null = null) {
  return db.chargingKey.create({
    data: { provider: "PLUGSURFING", keyId, fleetId: home.id, type: "RFID_CARD", source: "EMP", assignedDriverId },
  });
}

beforeAll(async () => {
  organizationId = (await db.organization.create({ data: { name: "Keys org" } })).id;
  home = await fleet("Home");
  other = await fleet("Other");
  // A driver of both fleets, with her own key at Plugsurfing.
  const providerUserId = `mk-driver-${RUN}`;
  const driver = await db.user.create({
    data: { email: `${providerUserId}@test.local`, name: "Dana Driver", passwordHash: "x" },
  });
  driverId = driver.id;
  await db.providerIdentity.create({ data: { userId: driverId, kind: "PLUGSURFING_USER_ID", value: providerUserId } });
  await plugsurfing.ensureUser(providerUserId);
  await db.membership.create({ data: { userId: driverId, fleetId: home.id, role: "DRIVER" } });
});

afterAll(async () => {
  const pools = globalThis as unknown as {
    providerRateLimitPool?: { end(): Promise<void> };
    pgPool?: { end(): Promise<void> };
  };
  await pools.providerRateLimitPool?.end();
  await pools.pgPool?.end();
  delete pools.providerRateLimitPool;
  delete pools.pgPool;
});

describe("keys.refresh", () => {
  it("leaves a driver's key in its fleet when another fleet she joined is refreshed", async () => {
    await signInWith([{ fleet: home, role: "ADMIN" }]);
    const first = await keys.refreshKeysAction({ fleetId: home.id });
    expect(first).toMatchObject({ ok: true, data: { inOtherFleets: 0 } });
    const own = await db.chargingKey.findMany({ where: { assignedDriverId: driverId, source: "USER" } });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((k) => k.fleetId === home.id)).toBe(true);

    // She joins the other fleet too; its dispatcher refreshes its keys.
    await db.membership.create({ data: { userId: driverId, fleetId: other.id, role: "DRIVER" } });
    await signInWith([{ fleet: other, role: "DISPATCHER" }]);
    const second = await keys.refreshKeysAction({ fleetId: other.id });
    expect(second).toMatchObject({ ok: true, data: { userKeys: 0, inOtherFleets: own.length } });
    const after = await db.chargingKey.findMany({ where: { id: { in: own.map((k) => k.id) } } });
    expect(after.map((k) => [k.fleetId, k.assignedDriverId])).toEqual(own.map(() => [home.id, driverId]));

    // Refreshing her own fleet again still updates them there.
    await signInWith([{ fleet: home, role: "MANAGER" }]);
    expect(await keys.refreshKeysAction({ fleetId: home.id })).toMatchObject({
      ok: true,
      data: { userKeys: own.length, inOtherFleets: 0 },
    });
  });
});

describe("keys.move", () => {
  it("moves a key for an admin of both fleets, audited in each with the fleet before and after", async () => {
    const key = await fleetKey(`MOVE1-${RUN}`, driverId);
    const adminId = await signInWith([
      { fleet: home, role: "ADMIN" },
      { fleet: other, role: "ADMIN" },
    ]);
    const moved = await keys.moveKeyAction({ fleetId: home.id, keyId: key.id, toFleetId: other.id });
    expect(moved).toEqual({
      ok: true,
      data: { id: key.id, fromFleetId: home.id, toFleetId: other.id, toFleetName: "Other", unassigned: false },
    });
    // Dana drives for both fleets: the key stays hers.
    expect(await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      fleetId: other.id,
      assignedDriverId: driverId,
    });
    const entries = await db.auditLog.findMany({ where: { action: "keys.move", objectId: key.id } });
    expect(entries.map((e) => e.fleetId).sort()).toEqual([home.id, other.id].sort());
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorId: adminId,
        objectType: "ChargingKey",
        before: { fleetId: home.id, fleetName: "Home" },
        after: { fleetId: other.id, fleetName: "Other" },
      });
    }
    // It is no longer the first fleet's to move.
    expect(await keys.moveKeyAction({ fleetId: home.id, keyId: key.id, toFleetId: other.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });

  it("is refused to an admin of only one of the two fleets", async () => {
    const key = await fleetKey(`MOVE2-${RUN}`);
    // Admin where the key is, dispatcher where it would go.
    await signInWith([
      { fleet: home, role: "ADMIN" },
      { fleet: other, role: "DISPATCHER" },
    ]);
    expect(await keys.moveKeyAction({ fleetId: home.id, keyId: key.id, toFleetId: other.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: "You can move a key only to a fleet you are an admin of." },
    });
    session.user = { ...session.user!, locale: "de" };
    expect(await keys.moveKeyAction({ fleetId: home.id, keyId: key.id, toFleetId: other.id })).toMatchObject({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "Sie können eine Ladekarte nur in eine Flotte verschieben, deren Admin Sie sind.",
      },
    });
    // Admin where it would go only, naming the key's fleet.
    await signInWith([{ fleet: other, role: "ADMIN" }]);
    expect(await keys.moveKeyAction({ fleetId: home.id, keyId: key.id, toFleetId: other.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    // …or naming her own fleet: the key is not there.
    expect(await keys.moveKeyAction({ fleetId: other.id, keyId: key.id, toFleetId: other.id })).toMatchObject({
      ok: false,
    });
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).fleetId).toBe(home.id);
    expect(await db.auditLog.count({ where: { action: "keys.move", objectId: key.id } })).toBe(0);
  });

  it("unassigns a fleet key whose driver is not a driver there, and keeps a driver's own key with her", async () => {
    const outsider = await db.user.create({
      data: { email: `solo-${RUN}@test.local`, name: "Solo", passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: outsider.id, fleetId: home.id, role: "DRIVER" } });
    const key = await fleetKey(`MOVE3-${RUN}`, outsider.id);
    const own = await db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: `OWN-${RUN}`,
        fleetId: home.id,
        type: "VIRTUAL",
        source: "USER",
        assignedDriverId: outsider.id,
      },
    });
    await signInWith([
      { fleet: home, role: "ADMIN" },
      { fleet: other, role: "ADMIN" },
    ]);
    expect(await keys.moveKeyAction({ fleetId: home.id, keyId: key.id, toFleetId: other.id })).toMatchObject({
      ok: true,
      data: { unassigned: true },
    });
    expect(await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      fleetId: other.id,
      assignedDriverId: null,
    });
    expect(await keys.moveKeyAction({ fleetId: home.id, keyId: own.id, toFleetId: other.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: own.id } })).fleetId).toBe(home.id);
  });
});
