// The session and key syncs against the provider sandbox: a driver's real paged history, idempotence,
// resuming after the sandbox starts failing mid-pass, and the fleet's EMP keys.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { providerConfig } from "@/lib/env";
import { createProviders } from "@/lib/providers/create-providers";
import { syncFleetKeys, syncFleetKeysFromAll, type KeySource } from "@/lib/keys/sync-keys";
import { sessionCursorKey, syncAccountSessions, syncDriverSessions, type SessionSourceAdapter } from "./sync";

const sandboxUrl = inject("sandboxUrl");
const providers = createProviders(providerConfig(), { retry: { maxAttempts: 1 } });
const plugsurfing = providers.get("PLUGSURFING");

async function setFaults(config: object | null) {
  await fetch(`${sandboxUrl}/_sandbox/faults`, {
    method: config ? "PUT" : "DELETE",
    headers: { "Content-Type": "application/json" },
    body: config ? JSON.stringify(config) : undefined,
  });
}

let fleetId: string;
const drivers: Record<string, { driverId: string; fleetId: string; providerUserId: string }> = {};

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Sandbox sync org" } });
  const fleet = await db.fleet.create({
    data: { organizationId: org.id, name: "Sandbox fleet", plugsurfingFleetId: `sync-fleet-${Date.now()}` },
  });
  fleetId = fleet.id;
  await plugsurfing.createFleet({ fleetId: fleet.plugsurfingFleetId, fleetName: fleet.name });
  for (const name of ["a", "b"]) {
    const plugsurfingUserId = `sync-it-${name}-${Date.now()}`;
    const user = await db.user.create({
      data: { email: `${plugsurfingUserId}@test.local`, name: `Driver ${name}`, passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: user.id, fleetId, role: "DRIVER" } });
    await db.providerIdentity.create({
      data: { userId: user.id, kind: "PLUGSURFING_USER_ID", value: plugsurfingUserId },
    });
    await plugsurfing.ensureUser(plugsurfingUserId);
    drivers[name] = { driverId: user.id, fleetId, providerUserId: plugsurfingUserId };
  }
});

describe("session sync against the sandbox", () => {
  it("stores the driver's whole history, and a second run changes nothing", async () => {
    const expected = await plugsurfing.allSessions(drivers.a.providerUserId, { statuses: ["COMPLETE"] });
    expect(expected.length).toBeGreaterThan(20);

    const first = await syncDriverSessions(db, plugsurfing, drivers.a, { pageSize: 20 });
    expect(first.pages).toBeGreaterThan(1);
    expect(first.changed).toBe(expected.length);
    const stored = await db.chargingSession.findMany({
      where: { driverId: drivers.a.driverId },
      orderBy: { providerSessionId: "asc" },
    });
    expect(stored.map((s) => s.providerSessionId)).toEqual(expected.map((s) => s.sessionId).sort());
    for (const s of stored) {
      expect(Number.isInteger(s.priceInclVatMinor)).toBe(true);
      expect(s.priceInclVatMinor! - s.priceExclVatMinor!).toBeGreaterThanOrEqual(0);
    }

    const second = await syncDriverSessions(db, plugsurfing, drivers.a, { pageSize: 20 });
    expect(second.changed).toBe(0);
    const after = await db.chargingSession.findMany({
      where: { driverId: drivers.a.driverId },
      orderBy: { providerSessionId: "asc" },
    });
    expect(after).toEqual(stored);
  });

  it("resumes at the saved cursor after the provider fails mid-pass", async () => {
    const expected = await plugsurfing.allSessions(drivers.b.providerUserId, { statuses: ["COMPLETE"] });
    let calls = 0;
    // After two pages, the sandbox starts answering 500 to every history request.
    const failingAfterTwoPages: SessionSourceAdapter = {
      name: plugsurfing.name,
      sessionScope: plugsurfing.sessionScope,
      async completedSessions(query, options) {
        calls += 1;
        if (calls === 3)
          await setFaults({ endpoints: [{ pattern: "/plugsurfing/drive/v1/users/*/sessions/history", errorRate: 1 }] });
        return plugsurfing.completedSessions(query, options);
      },
    };
    try {
      await expect(syncDriverSessions(db, failingAfterTwoPages, drivers.b, { pageSize: 15 })).rejects.toThrow();
    } finally {
      await setFaults(null);
    }
    const cursor = await db.syncCursor.findUniqueOrThrow({
      where: { key: sessionCursorKey("PLUGSURFING", "incremental", drivers.b.providerUserId) },
    });
    expect(cursor.cursor).toBeTruthy();
    expect(cursor.lastError).toBeTruthy();
    expect(await db.chargingSession.count({ where: { driverId: drivers.b.driverId } })).toBe(30);

    const resumed = await syncDriverSessions(db, plugsurfing, drivers.b, { pageSize: 15 });
    expect(resumed.resumed).toBe(true);
    expect(resumed.received).toBe(expected.length - 30);
    expect(await db.chargingSession.count({ where: { driverId: drivers.b.driverId } })).toBe(expected.length);
  });
});

describe("key sync against the sandbox", () => {
  it("pages through the fleet's EMP keys and takes each driver's own keys", async () => {
    const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId } });
    for (let i = 0; i < 12; i++) {
      await plugsurfing.createFleetKey({
        keyIdentifier: `0A0B0C${String(i).padStart(2, "0")}`,
        visualNumber: `DE-IT-${i}`,
        fleetId: fleet.plugsurfingFleetId,
      });
    }
    const result = await syncFleetKeys(db, plugsurfing, fleetId, { pageSize: 10 });
    expect(result.fleetKeys).toBe(12);
    expect(result.userKeys).toBeGreaterThanOrEqual(2); // at least each driver's virtual key
    expect(await db.chargingKey.count({ where: { fleetId, source: "EMP" } })).toBe(12);
    const own = await db.chargingKey.findMany({ where: { fleetId, source: "USER" } });
    expect(new Set(own.map((k) => k.assignedDriverId))).toEqual(new Set([drivers.a.driverId, drivers.b.driverId]));

    // A disabled key at the provider shows disabled after the next sync; a local assignment is kept.
    const key = await db.chargingKey.findFirstOrThrow({ where: { fleetId, keyId: "0A0B0C03" } });
    await db.chargingKey.update({ where: { id: key.id }, data: { assignedDriverId: drivers.a.driverId } });
    await plugsurfing.setKeyEnabled("0A0B0C03", false);
    await syncFleetKeys(db, plugsurfing, fleetId, { pageSize: 10 });
    expect(await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      enabled: false,
      assignedDriverId: drivers.a.driverId,
    });
  });
});

describe("a key refresh with one provider down", () => {
  it("refreshes the others, keeps the failing one's keys as they were and names it; all down is a failure", async () => {
    const down: KeySource = {
      name: "PETITMONDE",
      listKeys: async () => {
        throw new Error("Petit Monde is down");
      },
    } as unknown as KeySource;
    const before = await db.chargingKey.count({ where: { fleetId } });
    const result = await syncFleetKeysFromAll(db, [down, plugsurfing], fleetId, { pageSize: 10 });
    expect(result.providersFailed).toEqual(["Petit Monde"]);
    expect(result.fleetKeys).toBeGreaterThanOrEqual(12);
    expect(await db.chargingKey.count({ where: { fleetId } })).toBe(before);
    await expect(syncFleetKeysFromAll(db, [down], fleetId)).rejects.toThrow("Petit Monde is down");
  });
});

describe("depot transactions against the sandbox", () => {
  it("stores every transaction of the last 90 days once, as costs, and a rerun changes nothing", async () => {
    const depot = providers.get("DEPOTFINITY");
    const first = await depot.transactions({ page: 1, limit: 1 });
    expect(first.total).toBeGreaterThan(50); // more than one page
    const result = await syncAccountSessions(db, depot, { pageSize: 50 });
    expect(result.pages).toBeGreaterThan(1);
    expect(result.received).toBe(first.total);
    expect(await db.chargingSession.count({ where: { source: "DEPOT_TRANSACTION" } })).toBe(first.total);
    const again = await syncAccountSessions(db, depot, { pageSize: 50 });
    expect(again.changed).toBe(0);
    const sample = await db.chargingSession.findFirst({
      where: { source: "DEPOT_TRANSACTION", priceInclVatMinor: { not: null } },
    });
    if (sample) expect(sample.currency).toBe("EUR");
  });
});
