// Fleets against a real database and the provider sandbox: creation that never goes out of step with
// Plugsurfing (faults, timeouts, retries, races), rename, members and the last admin, costs, fleet pricing,
// and the action wrappers' access checks with a mocked session.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";

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
const { createFleet, FLEET_ID_TAKEN } = await import("@/lib/fleets/create-fleet");
const { renameFleet } = await import("@/lib/fleets/rename-fleet");
const { listMembers, removeMember, setMemberRole, LAST_ADMIN_MESSAGE } = await import("@/lib/fleets/members");
const { getFleetOverview, listAdminFleets } = await import("@/lib/fleets/fleet-overview");
const { getFleetPrice } = await import("@/lib/fleets/fleet-price");
const { listPlugsurfingCodes } = await import("@/lib/invitations/invitation-codes");
const actions = await import("@/lib/actions/fleets");
const { createFleetInput } = await import("@/lib/fleets/schemas");
const { syncProvidersOf } = await import("@/lib/provider-sync/providers");

const SANDBOX = process.env.SANDBOX_URL!;
/** The sandbox lives for the whole run: ids are unique to this file. */
const RUN = Math.random().toString(36).slice(2, 8);
const id = (name: string) => `it-${RUN}-${name}`;

// Short timeouts and no retries, so fault tests are quick and every request is counted.
const testProviders = createProviders(providerConfig(), { timeoutMs: 1_500, retry: { maxAttempts: 1 } });
const plugsurfing = testProviders.get("PLUGSURFING");
const providers = syncProvidersOf(testProviders);

async function faults(config: unknown) {
  const response = await fetch(`${SANDBOX}/_sandbox/faults`, {
    method: config === null ? "DELETE" : "PUT",
    headers: { "Content-Type": "application/json" },
    body: config === null ? undefined : JSON.stringify(config),
  });
  expect(response.ok).toBe(true);
}

const CREATE_FLEET = { pattern: "/plugsurfing/drive/emp/v1/fleets", method: "POST" };

let adminId = "";
let organizationId = "";

function values(plugsurfingFleetId: string, extra: Record<string, string> = {}) {
  return createFleetInput.parse({ plugsurfingFleetId, ...extra });
}

async function existsAtPlugsurfing(fleetId: string): Promise<boolean> {
  try {
    await plugsurfing.renameFleet(fleetId, "probe");
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Integration org" } });
  organizationId = org.id;
  const home = await db.fleet.create({ data: { organizationId, name: "Home", plugsurfingFleetId: id("home") } });
  adminId = (await db.user.create({ data: { email: `admin-${RUN}@test.local`, name: "Admin", passwordHash: "x" } })).id;
  await db.membership.create({ data: { userId: adminId, fleetId: home.id, role: "ADMIN" } });
});

afterEach(async () => {
  await faults(null);
});

// The app's own pools (provider rate limits) must close before the test database is dropped.
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

describe("createFleet", () => {
  it("creates the fleet at Plugsurfing and here, with the creator as ADMIN in their organisation", async () => {
    const { fleet, atPlugsurfing } = await createFleet(
      values(id("new"), {
        name: "New fleet",
        petitMondeFleetGroupId: "group_x",
        spendingLimitMonthly: "1000",
        spendingLimitSession: "50",
      }),
      adminId,
      plugsurfing,
    );
    expect(atPlugsurfing).toBe("created");
    expect(fleet).toMatchObject({
      organizationId,
      name: "New fleet",
      plugsurfingFleetId: id("new"),
      petitMondeFleetGroupId: "group_x",
      spendingLimitMonthlyMinor: 100_000,
      spendingLimitSessionMinor: 5_000,
      spendingLimitCurrency: "EUR",
    });
    const membership = await db.membership.findUnique({
      where: { userId_fleetId: { userId: adminId, fleetId: fleet.id } },
    });
    expect(membership?.role).toBe("ADMIN");
    expect(await existsAtPlugsurfing(id("new"))).toBe(true);
  });

  it("rejects an id already used here, before asking Plugsurfing", async () => {
    await expect(createFleet(values(id("home")), adminId, plugsurfing)).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { plugsurfingFleetId: [FLEET_ID_TAKEN] },
    });
  });

  it("leaves nothing here when Plugsurfing fails, and a retry then succeeds", async () => {
    await faults({ endpoints: [{ ...CREATE_FLEET, errorRate: 1 }] });
    const before = await db.fleet.count();
    await expect(createFleet(values(id("fails")), adminId, plugsurfing)).rejects.toMatchObject({
      name: "ProviderError",
    });
    expect(await db.fleet.count()).toBe(before);
    expect(await db.fleet.findUnique({ where: { plugsurfingFleetId: id("fails") } })).toBeNull();
    expect(await db.membership.count({ where: { userId: adminId } })).toBe(2); // home + "new"
    expect(await existsAtPlugsurfing(id("fails"))).toBe(false);

    await faults(null);
    const { fleet, atPlugsurfing } = await createFleet(values(id("fails")), adminId, plugsurfing);
    expect(atPlugsurfing).toBe("created");
    expect(fleet.plugsurfingFleetId).toBe(id("fails"));
  });

  it("adopts the fleet when Plugsurfing created it but the answer never arrived", async () => {
    // The sandbox creates the fleet, then hangs: our client times out not knowing the outcome.
    await faults({ endpoints: [{ ...CREATE_FLEET, timeoutRate: 1 }] });
    const { fleet, atPlugsurfing } = await createFleet(
      values(id("timeout"), { name: "Timed out" }),
      adminId,
      plugsurfing,
    );
    expect(atPlugsurfing).toBe("adopted");
    expect(fleet.name).toBe("Timed out");
    expect(await db.fleet.count({ where: { plugsurfingFleetId: id("timeout") } })).toBe(1);
  });

  it("adopts a fleet left at Plugsurfing by an attempt whose local commit failed (retry is safe)", async () => {
    await plugsurfing.createFleet({ fleetId: id("orphan"), fleetName: "Orphan" });
    const { fleet, atPlugsurfing } = await createFleet(
      values(id("orphan"), { name: "Recovered" }),
      adminId,
      plugsurfing,
    );
    expect(atPlugsurfing).toBe("adopted");
    expect(fleet.name).toBe("Recovered");
  });

  it("lets only one of two simultaneous creations with the same id win", async () => {
    const results = await Promise.allSettled([
      createFleet(values(id("race")), adminId, plugsurfing),
      createFleet(values(id("race")), adminId, plugsurfing),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.fleet.count({ where: { plugsurfingFleetId: id("race") } })).toBe(1);
  });

  it("refuses users who are not ADMIN of any fleet", async () => {
    const driver = await db.user.create({ data: { email: `driver-${RUN}@test.local`, name: "D", passwordHash: "x" } });
    await expect(createFleet(values(id("by-driver")), driver.id, plugsurfing)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await existsAtPlugsurfing(id("by-driver"))).toBe(false);
  });
});

describe("renameFleet", () => {
  it("renames at Plugsurfing and here; the id stays", async () => {
    const { fleet } = await createFleet(values(id("rename"), { name: "Before" }), adminId, plugsurfing);
    const { before, after } = await renameFleet(fleet.id, "After", { providers });
    expect(before.name).toBe("Before");
    expect(after).toMatchObject({ name: "After", plugsurfingFleetId: id("rename") });
  });

  it("changes nothing here when Plugsurfing does not know the fleet", async () => {
    const local = await db.fleet.create({
      data: { organizationId, name: "Local only", plugsurfingFleetId: id("local-only") },
    });
    await expect(renameFleet(local.id, "Other", { providers })).rejects.toMatchObject({ code: "PROVIDER" });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: local.id } })).name).toBe("Local only");
  });
});

describe("Plugsurfing invitation codes", () => {
  it("treats Plugsurfing's 404 as 'no active codes'", async () => {
    const local = await db.fleet.create({
      data: { organizationId, name: "Unknown there", plugsurfingFleetId: id("no-codes") },
    });
    expect(await listPlugsurfingCodes(local.id, plugsurfing)).toEqual([]);
  });

  it("lists the codes Plugsurfing holds", async () => {
    const { fleet } = await createFleet(values(id("codes")), adminId, plugsurfing);
    await fetch(`${SANDBOX}/_sandbox/plugsurfing/fleets/${id("codes")}/invitation-codes`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: "FLEET2026ABC" }),
    });
    expect(await listPlugsurfingCodes(fleet.id, plugsurfing)).toContain("FLEET2026ABC");
  });
});

describe("members", () => {
  let fleetId = "";
  beforeAll(async () => {
    fleetId = (await db.fleet.create({ data: { organizationId, name: "Members", plugsurfingFleetId: id("members") } }))
      .id;
    await db.membership.create({ data: { userId: adminId, fleetId, role: "ADMIN" } });
  });

  // Invitations by email (consent, the same answer for every address) are in invitations.integration.test.ts.
  it("lists the members with their roles", async () => {
    for (const [name, role] of [
      ["nina", "DISPATCHER"],
      ["olaf", "DRIVER"],
    ] as const) {
      const user = await db.user.create({ data: { email: `${name}-${RUN}@test.local`, name, passwordHash: "x" } });
      await db.membership.create({ data: { userId: user.id, fleetId, role } });
    }
    const members = await listMembers(fleetId);
    expect(members.map((m) => m.role).sort()).toEqual(["ADMIN", "DISPATCHER", "DRIVER"]);
  });

  it("never removes or demotes the last admin", async () => {
    await expect(removeMember(fleetId, adminId, { disableKeys: false })).rejects.toMatchObject({
      code: "CONFLICT",
      text: LAST_ADMIN_MESSAGE,
    });
    await expect(setMemberRole(fleetId, adminId, "DRIVER")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      (await db.membership.findUniqueOrThrow({ where: { userId_fleetId: { userId: adminId, fleetId } } })).role,
    ).toBe("ADMIN");
  });

  it("serialises two admins demoting each other at once: one admin always remains", async () => {
    const second = await db.user.create({
      data: { email: `second-${RUN}@test.local`, name: "Second", passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: second.id, fleetId, role: "ADMIN" } });
    const results = await Promise.allSettled([
      setMemberRole(fleetId, adminId, "MANAGER"),
      setMemberRole(fleetId, second.id, "MANAGER"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { fleetId, role: "ADMIN" } })).toBe(1);
    // Restore: the test admin stays admin for the next tests.
    const admin = await db.membership.findFirstOrThrow({ where: { fleetId, role: "ADMIN" } });
    if (admin.userId !== adminId) {
      await db.membership.update({ where: { userId_fleetId: { userId: adminId, fleetId } }, data: { role: "ADMIN" } });
      await db.membership.delete({ where: { id: admin.id } });
    } else {
      await db.membership.delete({ where: { userId_fleetId: { userId: second.id, fleetId } } });
    }
  });

  it("removes a driver and disables their keys in this fleet at the provider and here", async () => {
    const driver = await db.user.create({ data: { email: `keys-${RUN}@test.local`, name: "Kai", passwordHash: "x" } });
    await db.membership.create({ data: { userId: driver.id, fleetId, role: "DRIVER" } });
    const other = await db.fleet.create({ data: { organizationId, name: "Other", plugsurfingFleetId: id("other") } });
    const key = (keyId: string, provider: "PLUGSURFING" | "PETITMONDE", inFleet = fleetId) =>
      db.chargingKey.create({
        data: {
          provider,
          keyId,
          fleetId: inFleet,
          type: "RFID_CARD",
          enabled: true,
          assignedDriverId: driver.id,
          source: "EMP",
        },
      });
    await plugsurfing.createFleet({ fleetId: id("members") });
    await plugsurfing.createFleetKey({ keyIdentifier: `k1-${RUN}`, visualNumber: "V1", fleetId: id("members") });
    await key(`k1-${RUN}`, "PLUGSURFING");
    await key(`k2-${RUN}`, "PETITMONDE");
    await key(`k3-${RUN}`, "PLUGSURFING", other.id);
    const result = await removeMember(fleetId, driver.id, { disableKeys: true, providers });
    expect(result).toMatchObject({ disabledKeys: [`k1-${RUN}`], keysLeftEnabled: [`k2-${RUN}`], syncing: false });
    const listed = (await plugsurfing.listFleetKeys(id("members"), { pageSize: 100 })).keys;
    expect(listed.find((k) => k.keyId === `k1-${RUN}`)?.enabled).toBe(false);
    const keys = await db.chargingKey.findMany({ where: { assignedDriverId: driver.id }, orderBy: { keyId: "asc" } });
    expect(keys.map((k) => [k.keyId, k.enabled])).toEqual([
      [`k1-${RUN}`, false],
      [`k2-${RUN}`, true],
      [`k3-${RUN}`, true], // another fleet's key is not touched
    ]);
    expect(await db.membership.findUnique({ where: { userId_fleetId: { userId: driver.id, fleetId } } })).toBeNull();
  });

  it("keeps the member when the provider refuses to disable a key (retry is safe)", async () => {
    const driver = await db.user.create({ data: { email: `keys2-${RUN}@test.local`, name: "Kim", passwordHash: "x" } });
    await db.membership.create({ data: { userId: driver.id, fleetId, role: "DRIVER" } });
    await db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: `k4-${RUN}`,
        fleetId,
        type: "RFID_TAG",
        assignedDriverId: driver.id,
        source: "EMP",
      },
    });
    // Plugsurfing does not know the key: it refuses, so nothing changes anywhere.
    await expect(removeMember(fleetId, driver.id, { disableKeys: true, providers })).rejects.toMatchObject({
      name: "ProviderError",
      code: "NOT_FOUND",
    });
    expect(
      await db.membership.findUnique({ where: { userId_fleetId: { userId: driver.id, fleetId } } }),
    ).not.toBeNull();
  });
});

describe("fleet overview", () => {
  it("counts members by role, active keys, open bookings, and this month's cost per currency", async () => {
    const fleet = await db.fleet.create({
      data: { organizationId, name: "Overview", plugsurfingFleetId: id("overview") },
    });
    await db.membership.create({ data: { userId: adminId, fleetId: fleet.id, role: "ADMIN" } });
    const now = new Date("2026-11-15T12:00:00Z");
    const session = (n: number, startTime: string, priceInclVatMinor: number | null, currency: string | null) =>
      db.chargingSession.create({
        data: {
          source: "PLUGSURFING_SESSION",
          providerSessionId: `s${n}-${RUN}`,
          fleetId: fleet.id,
          status: "COMPLETE",
          startTime: new Date(startTime),
          priceInclVatMinor,
          currency,
        },
      });
    await session(1, "2026-11-01T00:00:00Z", 1000, "EUR");
    await session(2, "2026-11-30T23:59:59Z", 250, "EUR");
    await session(3, "2026-11-10T10:00:00Z", 15000, "NOK");
    await session(4, "2026-10-31T23:59:59Z", 9999, "EUR"); // last month
    await session(5, "2026-12-01T00:00:00Z", 9999, "EUR"); // next month
    await session(6, "2026-11-05T00:00:00Z", null, null); // no price yet
    const keyData = { provider: "PLUGSURFING" as const, fleetId: fleet.id, type: "RFID_CARD" as const, source: "EMP" };
    await db.chargingKey.createMany({
      data: [
        { ...keyData, keyId: `ov1-${RUN}` },
        { ...keyData, keyId: `ov2-${RUN}`, enabled: false },
        { ...keyData, keyId: `ov3-${RUN}`, validTo: new Date("2026-11-01T00:00:00Z") },
      ],
    });
    const booking = (n: number, status: "CONFIRMED" | "COMPLETED" | "REQUESTED") =>
      db.booking.create({
        data: {
          fleetId: fleet.id,
          provider: "PETITMONDE",
          externalId: `ov-${n}-${RUN}`,
          status,
          locationId: "l",
          evseUid: "e",
          locationSnapshot: {},
          windowStart: now,
          windowEnd: now,
          tokenStrategy: "GROUP_TOKEN",
          createdById: adminId,
        },
      });
    await booking(1, "CONFIRMED");
    await booking(2, "REQUESTED");
    await booking(3, "COMPLETED");

    const overview = await getFleetOverview(fleet.id, now);
    expect(overview).toMatchObject({
      membersByRole: { ADMIN: 1, DISPATCHER: 0, MANAGER: 0, DRIVER: 0 },
      activeKeys: 1,
      openBookings: 2,
      monthCost: [
        { currency: "EUR", amountMinor: 1250 },
        { currency: "NOK", amountMinor: 15000 },
      ],
    });
    const listed = await listAdminFleets(adminId, now);
    expect(listed.map((f) => f.id)).toContain(fleet.id);
    expect(listed.every((f) => f.membersByRole.ADMIN >= 1)).toBe(true);
  });
});

describe("getFleetPrice", () => {
  it("returns the fleet's own Plugsurfing price, and null where there is none", async () => {
    const { fleet } = await createFleet(values(id("pricing")), adminId, plugsurfing);
    const [location] = await plugsurfing.search({ latitude: 52.52, longitude: 13.405, radiusM: 20_000, limit: 5 });
    expect(location).toBeDefined();
    const price = await getFleetPrice(fleet.id, "PLUGSURFING", location.id, plugsurfing);
    expect(price?.fleetSpecific).toBe(true);
    if (location.price?.tariff && price?.tariff)
      expect(price.tariff.perKwhMinor).toBeLessThan(location.price.tariff.perKwhMinor);
    expect(await getFleetPrice(fleet.id, "PETITMONDE", location.id)).toBeNull();
    expect(await getFleetPrice("no-such-fleet", "PLUGSURFING", location.id, plugsurfing)).toBeNull();
  });
});

describe("actions (mocked session)", () => {
  function signedIn(memberships: CurrentUser["memberships"]): void {
    session.user = { id: adminId, email: `admin-${RUN}@test.local`, name: "Admin", memberships };
  }

  it("refuses an admin of fleet A renaming fleet B, and audits the refusal", async () => {
    const a = await db.fleet.create({ data: { organizationId, name: "A", plugsurfingFleetId: id("a") } });
    const b = await db.fleet.create({ data: { organizationId, name: "B", plugsurfingFleetId: id("b") } });
    signedIn([{ fleetId: a.id, fleetName: "A", role: "ADMIN" }]);
    const result = await actions.renameFleetAction({ fleetId: b.id, name: "Taken over" });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const removal = await actions.removeMemberAction({ fleetId: b.id, userId: adminId });
    expect(removal).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: b.id } })).name).toBe("B");
    // Recorded under the actor, not in fleet B's log, which an outsider must not be able to write into.
    expect(await db.auditLog.count({ where: { fleetId: b.id } })).toBe(0);
    const refusals = await db.auditLog.findMany({ where: { action: "auth.denied", actorId: adminId, fleetId: null } });
    const aimedAtB = refusals.filter(
      (r) => (r.after as { requestedFleetId?: string } | null)?.requestedFleetId === b.id,
    );
    expect(aimedAtB).toHaveLength(2);
  });

  it("sets the session limit for an admin, audited; refuses one out of 1–168 hours and a dispatcher", async () => {
    const fleet = await db.fleet.create({ data: { organizationId, name: "Limits", plugsurfingFleetId: id("limits") } });
    signedIn([{ fleetId: fleet.id, fleetName: "Limits", role: "ADMIN" }]);
    expect(await actions.setSessionLimitAction({ fleetId: fleet.id, sessionLimitHours: 24 })).toMatchObject({
      ok: true,
      data: { sessionLimitHours: 24 },
    });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).sessionLimitHours).toBe(24);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "fleets.session-limit", fleetId: fleet.id } });
    expect(entry).toMatchObject({ before: { sessionLimitHours: 12 }, after: { sessionLimitHours: 24 } });
    for (const hours of [0, 169, 1.5])
      expect(await actions.setSessionLimitAction({ fleetId: fleet.id, sessionLimitHours: hours })).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", fieldErrors: { sessionLimitHours: [expect.any(String)] } },
      });
    signedIn([{ fleetId: fleet.id, fleetName: "Limits", role: "DISPATCHER" }]);
    expect(await actions.setSessionLimitAction({ fleetId: fleet.id, sessionLimitHours: 2 })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).sessionLimitHours).toBe(24);
  });

  it("refuses fleet creation to a user who is no fleet's admin, and shows field errors", async () => {
    signedIn([{ fleetId: "x", fleetName: "X", role: "DISPATCHER" }]);
    expect(await actions.createFleetAction({ plugsurfingFleetId: id("nope") })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    signedIn([{ fleetId: "x", fleetName: "X", role: "ADMIN" }]);
    const tooLong = await actions.createFleetAction({ plugsurfingFleetId: "a".repeat(101) });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { plugsurfingFleetId: ["Use at most 100 characters"] } },
    });
    expect(await actions.checkFleetIdAction({ plugsurfingFleetId: id("home") })).toMatchObject({
      ok: true,
      data: { valid: true, available: false },
    });
    expect(await actions.checkFleetIdAction({ plugsurfingFleetId: "Bad Id" })).toMatchObject({
      ok: true,
      data: { valid: false },
    });
  });

  it("creates through the action with an audit entry, and reports the last-admin rule in plain words", async () => {
    const home = await db.membership.findFirstOrThrow({
      where: { userId: adminId, role: "ADMIN" },
      include: { fleet: true },
    });
    signedIn([{ fleetId: home.fleetId, fleetName: home.fleet.name, role: "ADMIN" }]);
    const created = await actions.createFleetAction({ plugsurfingFleetId: id("via-action"), name: "Via action" });
    expect(created).toMatchObject({ ok: true, data: { plugsurfingFleetId: id("via-action") } });
    if (!created.ok) return;
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "fleets.create", fleetId: created.data.fleetId },
    });
    expect(entry.after).toMatchObject({ name: "Via action", plugsurfingFleetId: id("via-action") });

    signedIn([{ fleetId: created.data.fleetId, fleetName: "Via action", role: "ADMIN" }]);
    const removal = await actions.removeMemberAction({ fleetId: created.data.fleetId, userId: adminId });
    expect(removal).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "A fleet needs at least one admin. Make another member admin first." },
    });
    // The same rule in the words of an admin who reads German.
    session.user = { ...session.user!, locale: "de" };
    expect(await actions.removeMemberAction({ fleetId: created.data.fleetId, userId: adminId })).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "Eine Flotte braucht mindestens einen Admin. Machen Sie zuerst ein anderes Mitglied zum Admin.",
      },
    });
    session.user = { ...session.user!, locale: null };
    const rename = await actions.renameFleetAction({ fleetId: created.data.fleetId, name: "Renamed" });
    expect(rename).toMatchObject({ ok: true, data: { name: "Renamed" } });
    const renameEntry = await db.auditLog.findFirstOrThrow({
      where: { action: "fleets.rename", fleetId: created.data.fleetId },
    });
    expect(renameEntry).toMatchObject({ before: { name: "Via action" }, after: { name: "Renamed" } });
  });
});
