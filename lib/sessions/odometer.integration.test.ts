// Odometer readings through their action: plain field errors for a value that is not a reading, one that runs
// backwards against the vehicle's other readings, or a session without a vehicle; only admins and dispatchers of
// the session's own fleet; each change audited with its before and after.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";

const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => signedIn.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-fleet-peer-address": "203.0.113.5" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { db } = await import("@/lib/db");
const { setOdometerAction } = await import("@/lib/actions/sessions");

const RUN = Math.random().toString(36).slice(2, 8);
let fleetId = "";
let otherFleetId = "";
let userId = "";
let vanId = "";
const sessions: Record<string, string> = {};

function as(role: Role, fleet = fleetId) {
  signedIn.user = {
    id: userId,
    email: `odo-${RUN}@test.local`,
    name: "Odo",
    memberships: [{ fleetId: fleet, role, fleetName: fleet }],
  };
}

const set = (sessionId: string, odometerKm: unknown, fleet = fleetId) =>
  setOdometerAction({ fleetId: fleet, sessionId, odometerKm });
const reading = async (id: string) => (await db.chargingSession.findUniqueOrThrow({ where: { id } })).odometerKm;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: `Odometer org ${RUN}` } });
  const fleet = (name: string) =>
    db.fleet.create({ data: { organizationId: org.id, name, plugsurfingFleetId: `odo-${name}-${RUN}` } });
  fleetId = (await fleet("a")).id;
  otherFleetId = (await fleet("b")).id;
  userId = (await db.user.create({ data: { email: `odo-${RUN}@test.local`, name: "Odo", passwordHash: "x" } })).id;
  vanId = (
    await db.vehicle.create({
      data: { fleetId, plate: "B-ODO 1", plateKey: "BODO1", batteryKwh: 60, connectorStandards: [] },
    })
  ).id;
  const session = async (name: string, at: string, extra: { vehicleId?: string | null; fleetId?: string } = {}) => {
    sessions[name] = (
      await db.chargingSession.create({
        data: {
          source: "PLUGSURFING_SESSION",
          providerSessionId: `odo-${RUN}-${name}`,
          fleetId,
          vehicleId: vanId,
          status: "COMPLETE",
          startTime: new Date(at),
          ...extra,
        },
      })
    ).id;
  };
  await session("first", "2026-03-01T08:00:00Z");
  await session("middle", "2026-03-10T08:00:00Z");
  await session("last", "2026-03-20T08:00:00Z");
  await session("unlinked", "2026-03-11T08:00:00Z", { vehicleId: null });
  await session("foreign", "2026-03-11T08:00:00Z", { vehicleId: null, fleetId: otherFleetId });
});

describe("entering an odometer reading", () => {
  it("stores it, audited with what it was before, and removes it when emptied", async () => {
    as("DISPATCHER");
    expect(await set(sessions.first, "48210")).toEqual({
      ok: true,
      data: { sessionId: sessions.first, odometerKm: 48_210 },
    });
    expect(await reading(sessions.first)).toBe(48_210);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "sessions.set-odometer", objectId: sessions.first },
      orderBy: { at: "desc" },
    });
    expect([entry.fleetId, entry.actorId, entry.objectType, entry.before, entry.after, entry.ip]).toEqual([
      fleetId,
      userId,
      "ChargingSession",
      { odometerKm: null },
      { odometerKm: 48_210 },
      "203.0.113.5",
    ]);
    as("ADMIN");
    expect((await set(sessions.last, 49_000)).ok).toBe(true);
    expect((await set(sessions.last, "")).ok).toBe(true);
    expect(await reading(sessions.last)).toBeNull();
    const removal = await db.auditLog.findFirstOrThrow({
      where: { action: "sessions.set-odometer", objectId: sessions.last },
      orderBy: { at: "desc" },
    });
    expect([removal.before, removal.after]).toEqual([{ odometerKm: 49_000 }, { odometerKm: null }]);
  });

  it("refuses what is not a reading beside the field, and changes nothing", async () => {
    as("ADMIN");
    for (const bad of ["-5", "abc", "12.5", 2_000_001]) {
      const answer = await set(sessions.middle, bad);
      expect(answer.ok, String(bad)).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code).toBe("VALIDATION");
      expect(answer.error.fieldErrors?.odometerKm?.[0], String(bad)).toMatch(/odometer reading/);
    }
    expect(await reading(sessions.middle)).toBeNull();
  });

  it("refuses a reading below an earlier one or above a later one of the vehicle, saying the reading", async () => {
    as("ADMIN");
    expect((await set(sessions.last, 50_000)).ok).toBe(true);
    const below = await set(sessions.middle, 48_000);
    expect(below.ok ? null : below.error.fieldErrors?.odometerKm).toEqual([
      "An earlier session of this vehicle already reads 48,210 km: enter at least that much.",
    ]);
    const above = await set(sessions.middle, 50_001);
    expect(above.ok ? null : above.error.fieldErrors?.odometerKm).toEqual([
      "A later session of this vehicle reads 50,000 km: enter at most that much.",
    ]);
    expect(await reading(sessions.middle)).toBeNull();
    expect((await set(sessions.middle, 49_500)).ok).toBe(true);
    expect(await reading(sessions.middle)).toBe(49_500);
  });

  it("refuses a session without a vehicle, in plain words", async () => {
    as("DISPATCHER");
    const answer = await set(sessions.unlinked, 100);
    expect(answer.ok ? null : [answer.error.code, answer.error.fieldErrors?.odometerKm?.[0]]).toEqual([
      "VALIDATION",
      "This session is not linked to a vehicle, so an odometer reading cannot be kept for it.",
    ]);
  });

  it("is refused to managers and drivers, and never reaches another fleet's session", async () => {
    for (const role of ["MANAGER", "DRIVER"] as const) {
      as(role);
      const answer = await set(sessions.middle, 49_600);
      expect(answer.ok ? null : answer.error.code, role).toBe("FORBIDDEN");
    }
    // An admin of this fleet naming another fleet's session: not found here.
    as("ADMIN");
    const elsewhere = await set(sessions.foreign, 10);
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe("NOT_FOUND");
    // An admin of this fleet naming the other fleet: not a member there.
    const other = await set(sessions.foreign, 10, otherFleetId);
    expect(other.ok ? null : other.error.code).toBe("FORBIDDEN");
    expect(await reading(sessions.foreign)).toBeNull();
    expect(await reading(sessions.middle)).toBe(49_500);
  });
});
