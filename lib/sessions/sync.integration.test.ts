// The session sync against a real, throwaway PostgreSQL: incremental, idempotent, resumable mid-pass.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ChargingSession, SessionRecord } from "@/lib/domain";
import { toSessionRecord } from "@/lib/providers/plugsurfing/transform";
import type { CompletedSessionsPage, CompletedSessionsQuery } from "@/lib/providers/types";
import { sessionCursorKey, syncDriverSessions, syncSessionSource, type SessionSourceAdapter } from "./sync";

/**
 * A per-driver session source with Plugsurfing's paging rules (sorted by start, since = at/after, cursor
 * absent on the last page) and a switch to fail a chosen call, like a network drop mid-pass.
 */
class ScriptedSource implements SessionSourceAdapter {
  readonly name = "PLUGSURFING" as const;
  readonly sessionScope = "driver" as const;
  sessions: ChargingSession[] = [];
  calls: Array<{ cursor?: string; since?: Date }> = [];
  failOnCall: number | null = null;

  async completedSessions(query: CompletedSessionsQuery): Promise<CompletedSessionsPage> {
    this.calls.push({ cursor: query.cursor, since: query.since });
    if (this.failOnCall === this.calls.length) throw new Error("connection reset");
    const matching = this.sessions
      .filter((s) => !query.since || new Date(s.startTime) >= query.since)
      .sort((a, b) => a.startTime.localeCompare(b.startTime));
    const offset = query.cursor ? Number(query.cursor.replace("page-", "")) : 0;
    const limit = query.limit ?? 50;
    const page = matching.slice(offset, offset + limit);
    return {
      sessions: page.map(toSessionRecord),
      cursor: offset + limit < matching.length ? `page-${offset + limit}` : undefined,
    };
  }
}

function session(n: number, startTime: string, overrides: Partial<ChargingSession> = {}): ChargingSession {
  return {
    provider: "PLUGSURFING",
    sessionId: `sess-${n}`,
    status: "COMPLETE",
    balanceStatus: "PAID",
    startTime,
    durationSeconds: 1800,
    energyWh: 10_000 + n,
    price: {
      currency: "EUR",
      exclVatMinor: 1000 + n,
      inclVatMinor: Math.round((1000 + n) * 1.19),
      vatRateBasisPoints: 1900,
    },
    receiptAvailable: true,
    evseId: `DE*PLS*E${n}*1`,
    chargerName: `Charger ${n}`,
    ...overrides,
  };
}

function day(d: number): string {
  return new Date(Date.UTC(2026, 2, 1 + d, 8, 0, 0)).toISOString();
}

let driverId: string;
let fleetId: string;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Sync test org" } });
  const fleet = await db.fleet.create({
    data: { organizationId: org.id, name: "Sync fleet", plugsurfingFleetId: "sync-fleet" },
  });
  const driver = await db.user.create({
    data: { email: "sync-driver@test.local", name: "Sync Driver", passwordHash: "x" },
  });
  await db.membership.create({ data: { userId: driver.id, fleetId: fleet.id, role: "DRIVER" } });
  await db.providerIdentity.create({
    data: { userId: driver.id, kind: "PLUGSURFING_USER_ID", value: "ps-sync-driver" },
  });
  driverId = driver.id;
  fleetId = fleet.id;
});

const driver = () => ({ driverId, fleetId, providerUserId: "ps-sync-driver" });
const cursorKey = () => sessionCursorKey("PLUGSURFING", "incremental", "ps-sync-driver");

async function storedIds(): Promise<string[]> {
  const rows = await db.chargingSession.findMany({
    where: { driverId },
    orderBy: { startTime: "asc" },
    select: { providerSessionId: true },
  });
  return rows.map((r) => r.providerSessionId);
}

describe("per-driver session sync", () => {
  it("pulls every page, attributes sessions to the driver and fleet, and keeps money in minor units", async () => {
    const history = new ScriptedSource();
    history.sessions = Array.from({ length: 7 }, (_, i) => session(i + 1, day(i)));
    const result = await syncDriverSessions(db, history, driver(), { pageSize: 3 });

    expect(result).toMatchObject({ pages: 3, received: 7, changed: 7, resumed: false });
    expect(await storedIds()).toEqual(["sess-1", "sess-2", "sess-3", "sess-4", "sess-5", "sess-6", "sess-7"]);
    const first = await db.chargingSession.findFirstOrThrow({ where: { providerSessionId: "sess-1" } });
    expect(first).toMatchObject({
      source: "PLUGSURFING_SESSION",
      fleetId,
      driverId,
      priceExclVatMinor: 1001,
      priceInclVatMinor: 1191,
      vatRateBasisPoints: 1900,
      currency: "EUR",
      energyWh: 10_001,
      country: "DE",
      operatorName: "DE*PLS",
    });
    expect(first.endTime?.toISOString()).toBe(new Date(Date.parse(day(0)) + 1_800_000).toISOString());
    const cursor = await db.syncCursor.findUniqueOrThrow({
      where: { key: cursorKey() },
    });
    expect(cursor.cursor).toBeNull();
    expect(cursor.lastStartTime?.toISOString()).toBe(day(6));
  });

  it("is idempotent: a second run with nothing new changes no row", async () => {
    const before = await db.chargingSession.findMany({ where: { driverId }, orderBy: { providerSessionId: "asc" } });
    const history = new ScriptedSource();
    history.sessions = Array.from({ length: 7 }, (_, i) => session(i + 1, day(i)));
    const result = await syncDriverSessions(db, history, driver(), { pageSize: 3 });

    expect(result.changed).toBe(0);
    const after = await db.chargingSession.findMany({ where: { driverId }, orderBy: { providerSessionId: "asc" } });
    expect(after).toEqual(before);
  });

  it("is incremental: the next run asks only from shortly before the newest session it has", async () => {
    const history = new ScriptedSource();
    history.sessions = [
      ...Array.from({ length: 7 }, (_, i) => session(i + 1, day(i))),
      session(8, day(9)),
      session(9, day(10)),
    ];
    const result = await syncDriverSessions(db, history, driver(), { pageSize: 3 });

    // The filter starts 24 h before the newest known start (day 6), so day 5 and older are not read again.
    expect(history.calls[0].since?.toISOString()).toBe(day(5));
    expect(result.received).toBe(4); // days 5, 6 (again, unchanged), 9 and 10
    expect(result.changed).toBe(2);
    expect(await storedIds()).toHaveLength(9);
  });

  it("takes a price correction of an already stored session", async () => {
    const history = new ScriptedSource();
    history.sessions = [
      session(9, day(10), {
        balanceStatus: "REFUND",
        price: { currency: "EUR", exclVatMinor: 0, inclVatMinor: 0, vatRateBasisPoints: 1900 },
      }),
    ];
    const result = await syncDriverSessions(db, history, driver());
    expect(result.changed).toBe(1);
    const row = await db.chargingSession.findFirstOrThrow({ where: { providerSessionId: "sess-9" } });
    expect(row).toMatchObject({ balanceStatus: "REFUND", priceInclVatMinor: 0 });
  });

  it("resumes after a failure mid-pass at the page after the last saved one", async () => {
    const history = new ScriptedSource();
    history.sessions = Array.from({ length: 10 }, (_, i) => session(100 + i, day(20 + i)));
    history.failOnCall = 3; // pages 1 and 2 succeed, page 3 fails

    await expect(syncDriverSessions(db, history, driver(), { pageSize: 3 })).rejects.toThrow("connection reset");
    const key = cursorKey();
    const interrupted = await db.syncCursor.findUniqueOrThrow({ where: { key } });
    expect(interrupted.cursor).toBe("page-6");
    expect(interrupted.lastError).toContain("connection reset");
    // The start filter of the interrupted pass is kept (not moved to the pages already stored).
    expect(interrupted.lastStartTime?.toISOString()).toBe(day(10));
    // Pages 1 and 2 (days 20–25) were stored with their cursor; nothing of page 3 was.
    const afterFailure = await db.chargingSession.count({ where: { driverId, startTime: { gte: new Date(day(20)) } } });
    expect(afterFailure).toBe(6);

    history.failOnCall = null;
    const callsBefore = history.calls.length;
    const resumed = await syncDriverSessions(db, history, driver(), { pageSize: 3 });
    expect(resumed.resumed).toBe(true);
    expect(history.calls[callsBefore].cursor).toBe("page-6");
    expect(history.calls[callsBefore].since?.toISOString()).toBe(day(9));
    expect(resumed.pages).toBe(2);
    const all = await db.chargingSession.count({ where: { driverId, startTime: { gte: new Date(day(20)) } } });
    expect(all).toBe(10);
    const done = await db.syncCursor.findUniqueOrThrow({ where: { key } });
    expect(done).toMatchObject({ cursor: null, lastError: null });
    expect(done.lastStartTime?.toISOString()).toBe(day(29));
  });

  it("links a session to the stored charging key it was charged with", async () => {
    const key = await db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: "27b89043",
        fleetId,
        type: "RFID_TAG",
        source: "USER",
        assignedDriverId: driverId,
      },
    });
    const history = new ScriptedSource();
    history.sessions = [
      { ...session(700, day(40)), chargingKeyId: "27b89043" } as ReturnType<typeof session>,
      session(701, day(41)),
    ];
    await syncDriverSessions(db, history, driver());
    const rows = await db.chargingSession.findMany({
      where: { providerSessionId: { in: ["sess-700", "sess-701"] } },
      orderBy: { providerSessionId: "asc" },
    });
    expect(rows.map((r) => r.chargingKeyId)).toEqual([key.id, null]);
  });

  it("a full re-pull finds a session the incremental pull could no longer see, and one driver's failure does not stop the rest", async () => {
    const history = new ScriptedSource();
    // A session that started long before the newest one and completed late.
    history.sessions = [session(500, day(2), { durationSeconds: 3 * 86_400 })];
    const incremental = await syncSessionSource(db, history, { fleetId });
    expect(incremental.passes[0].received).toBe(0);
    const full = await syncSessionSource(db, history, { fleetId, mode: "full" });
    expect(full.failures).toEqual([]);
    expect(full.passes[0].changed).toBe(1);
    expect(await db.chargingSession.count({ where: { providerSessionId: "sess-500" } })).toBe(1);

    const failing: SessionSourceAdapter = {
      name: "PLUGSURFING",
      sessionScope: "driver",
      completedSessions: async () => Promise.reject(new Error("HTTP 500")),
    };
    const summary = await syncSessionSource(db, failing, { fleetId });
    expect(summary.failures).toEqual([{ provider: "PLUGSURFING", driverId, error: "HTTP 500" }]);
  });
});

describe("account-wide session sync", () => {
  const charge = (n: number, rfid: string): SessionRecord => ({
    source: "DEPOT_TRANSACTION",
    providerSessionId: `depot-${n}`,
    status: "COMPLETE",
    balanceStatus: null,
    startTime: new Date(day(60 + n)),
    endTime: null,
    durationSeconds: null,
    energyWh: 1000,
    priceExclVatMinor: null,
    priceInclVatMinor: 300,
    vatRateBasisPoints: null,
    currency: "EUR",
    paymentMethod: "DEPOT",
    receiptAvailable: false,
    evseId: null,
    connectorId: null,
    chargerName: null,
    site: null,
    operatorName: null,
    country: null,
    attribution: { driverIdentity: rfid },
  });
  const depot: SessionSourceAdapter = {
    name: "DEPOTFINITY",
    sessionScope: "account",
    completedSessions: async () => ({ sessions: [charge(1, "04aa11"), charge(2, "FFFF00")] }),
  };

  it("attributes a charge to whoever holds the identity it was authorised with, and skips a per-fleet refresh", async () => {
    await db.providerIdentity.create({ data: { userId: driverId, kind: "DEPOT_RFID", value: "04AA11" } });
    expect(await syncSessionSource(db, depot, { fleetId })).toEqual({
      provider: "DEPOTFINITY",
      passes: [],
      failures: [],
    });
    const summary = await syncSessionSource(db, depot);
    expect(summary.passes).toMatchObject([{ provider: "DEPOTFINITY", received: 2, changed: 2 }]);
    const rows = await db.chargingSession.findMany({
      where: { source: "DEPOT_TRANSACTION" },
      orderBy: { providerSessionId: "asc" },
    });
    expect(rows.map((r) => [r.providerSessionId, r.driverId, r.fleetId])).toEqual([
      ["depot-1", driverId, fleetId],
      ["depot-2", null, null],
    ]);
  });

  it("pulls a quota-bound account no more often than its interval, resumes a broken pass, and always runs the full pull", async () => {
    let pulls = 0;
    const petitMonde: SessionSourceAdapter = {
      name: "PETITMONDE",
      sessionScope: "account",
      incrementalSyncMinutes: 60,
      completedSessions: async () => {
        pulls++;
        return { sessions: [] };
      },
    };
    const key = sessionCursorKey("PETITMONDE", "incremental");
    await db.syncCursor.deleteMany({ where: { key } });
    await syncSessionSource(db, petitMonde);
    expect(pulls).toBe(1);
    // Five minutes later (the job's cadence): not asked.
    expect((await syncSessionSource(db, petitMonde)).passes).toEqual([]);
    expect(pulls).toBe(1);
    await syncSessionSource(db, petitMonde, { mode: "full" });
    expect(pulls).toBe(2);
    // A pass that failed is tried again at the next run, whatever the interval.
    await db.syncCursor.update({ where: { key }, data: { lastError: "HTTP 500" } });
    await syncSessionSource(db, petitMonde);
    expect(pulls).toBe(3);
    // An hour after the last pull: asked again.
    await db.syncCursor.update({ where: { key }, data: { lastRunAt: new Date(Date.now() - 61 * 60_000) } });
    await syncSessionSource(db, petitMonde);
    expect(pulls).toBe(4);
  });
});
