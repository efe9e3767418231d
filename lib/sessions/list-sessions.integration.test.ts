// The session history's totals in PostgreSQL: over every page of the filtered sessions, per currency, with the
// sessions without a price counted apart, and never another fleet's or (for a driver) another driver's; read from
// the sessions' rollup, the same as counted over the sessions.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MIX_RANGE, seedSessionMix } from "@/tests/support/session-mix";
import { listSessions, sessionTotals, sessionTotalsFromSessions, sessionWhere } from "./list-sessions";
import { listSessionsInput } from "./schemas";

let fleetId: string;
let dora: string;
let erik: string;

function input(filters: Record<string, unknown>) {
  return listSessionsInput.parse({ fleetId, pageSize: 5, ...filters });
}

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Totals org" } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Totals", plugsurfingFleetId: "totals-fleet" } })
  ).id;
  const otherFleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Other", plugsurfingFleetId: "totals-other" } })
  ).id;
  dora = (await db.user.create({ data: { email: "dora@totals.test", name: "Dora", passwordHash: "x" } })).id;
  erik = (await db.user.create({ data: { email: "erik@totals.test", name: "Erik", passwordHash: "x" } })).id;
  const base = { source: "PLUGSURFING_SESSION" as const, status: "COMPLETE", fleetId };
  const march = (day: number) => new Date(Date.UTC(2026, 2, day, 10));
  await db.chargingSession.createMany({
    data: [
      // Eight euro sessions of Dora's, more than a page of five; one written in lower case by its provider.
      ...Array.from({ length: 8 }, (_, i) => ({
        ...base,
        providerSessionId: `eur-${i}`,
        driverId: dora,
        startTime: march(i + 1),
        energyWh: 10_000,
        priceInclVatMinor: 1190,
        currency: i === 0 ? "eur" : "EUR",
      })),
      {
        ...base,
        providerSessionId: "nok",
        driverId: erik,
        startTime: march(10),
        energyWh: 5_000,
        priceInclVatMinor: 50_000,
        currency: "NOK",
      },
      {
        ...base,
        providerSessionId: "jpy",
        driverId: erik,
        startTime: march(11),
        energyWh: 1_000,
        priceInclVatMinor: 1200,
        currency: "JPY",
      },
      // Without a price: a failed start, and a running session whose currency is known but not its cost yet.
      { ...base, providerSessionId: "failed", driverId: dora, status: "FAILED", startTime: march(12) },
      {
        ...base,
        providerSessionId: "running",
        driverId: erik,
        status: "STARTED",
        startTime: march(13),
        energyWh: 2_000,
        currency: "EUR",
      },
      // Another fleet's session never counts.
      {
        ...base,
        fleetId: otherFleetId,
        providerSessionId: "other",
        driverId: dora,
        startTime: march(5),
        energyWh: 99_000,
        priceInclVatMinor: 9_999,
        currency: "EUR",
      },
    ],
  });
});

describe("session history totals", () => {
  it("adds up every page of the fleet's sessions, each currency on its own", async () => {
    const page = await listSessions(input({}));
    expect(page.rows).toHaveLength(5);
    expect(page.total).toBe(12);
    expect(page.totals).toEqual({
      sessions: 12,
      energyWh: 8 * 10_000 + 5_000 + 1_000 + 2_000,
      costs: [
        { currency: "EUR", sessions: 8, inclVatMinor: 8 * 1190 },
        { currency: "JPY", sessions: 1, inclVatMinor: 1200 },
        { currency: "NOK", sessions: 1, inclVatMinor: 50_000 },
      ],
      unpriced: 2,
    });
  });

  it("totals only what the filters leave, on any page", async () => {
    const erikOnly = await listSessions(input({ driverId: erik, page: 1 }));
    expect(erikOnly.totals).toEqual({
      sessions: 3,
      energyWh: 8_000,
      costs: [
        { currency: "JPY", sessions: 1, inclVatMinor: 1200 },
        { currency: "NOK", sessions: 1, inclVatMinor: 50_000 },
      ],
      unpriced: 1,
    });
    const secondPage = await listSessions(input({ status: "COMPLETE", to: "2026-03-08", page: 2 }));
    expect(secondPage.rows).toHaveLength(3);
    expect(secondPage.totals.costs).toEqual([{ currency: "EUR", sessions: 8, inclVatMinor: 8 * 1190 }]);
    expect(secondPage.totals.unpriced).toBe(0);
  });

  it("gives a driver the totals of their own sessions only, whatever the filter says", async () => {
    const own = await listSessions(input({ driverId: erik }), dora);
    expect(own.totals.sessions).toBe(9);
    expect(own.totals.costs).toEqual([{ currency: "EUR", sessions: 8, inclVatMinor: 8 * 1190 }]);
    expect(own.totals.unpriced).toBe(1);
  });

  it("has nothing to add up when nothing matches", async () => {
    const none = await listSessions(input({ from: "2030-01-01" }));
    expect(none.totals).toEqual({ sessions: 0, energyWh: 0, costs: [], unpriced: 0 });
  });

  it("shows deep pages read from the oldest end just as pages read from the newest", async () => {
    // Two more sessions at one start time, so that the order of equal start times counts.
    const at = new Date(Date.UTC(2026, 2, 6, 10));
    await db.chargingSession.createMany({
      data: ["tie-b", "tie-a"].map((id) => ({
        id,
        source: "PLUGSURFING_SESSION" as const,
        providerSessionId: id,
        status: "COMPLETE",
        fleetId,
        startTime: at,
      })),
    });
    try {
      for (const filters of [{}, { driverId: dora }, { status: "COMPLETE", pageSize: 6 }]) {
        for (let page = 1; page <= 4; page++) {
          const newest = await listSessions(input({ ...filters, page }), undefined, Number.MAX_SAFE_INTEGER);
          const deep = await listSessions(input({ ...filters, page }), undefined, 0);
          expect(deep.rows.map((r) => r.id)).toEqual(newest.rows.map((r) => r.id));
          expect(deep.total).toBe(newest.total);
        }
      }
      const last = await listSessions(input({ page: 3 }), undefined, 0);
      expect(last.rows.map((r) => r.providerSessionId)).toEqual(["eur-3", "eur-2", "eur-1", "eur-0"]);
    } finally {
      await db.chargingSession.deleteMany({ where: { id: { in: ["tie-a", "tie-b"] } } });
    }
  });
});

describe("session history totals from the rollup", () => {
  let mixFleet: string;

  beforeAll(async () => {
    const org = await db.organization.create({ data: { name: "Mix org" } });
    mixFleet = (
      await db.fleet.create({ data: { organizationId: org.id, name: "Mix", plugsurfingFleetId: "mix-totals" } })
    ).id;
    const other = (
      await db.fleet.create({ data: { organizationId: org.id, name: "Mix other", plugsurfingFleetId: "mix-totals-2" } })
    ).id;
    await seedSessionMix(mixFleet, other, [dora, erik]);
  });

  it("are the totals counted over the sessions themselves, for every filter in any time zone", async () => {
    const dates = [
      {},
      MIX_RANGE,
      { from: "2026-03-01" },
      { to: "2026-03-31" },
      { from: "2026-03-01", to: "2026-03-01" },
      { from: "2026-02-28", to: "2026-04-01" },
    ];
    const filters = [
      {},
      { status: "COMPLETE" },
      { status: "FAILED" },
      { operator: "DE*ABC", country: "de" },
      { country: "NL" },
      { source: "DEPOT_TRANSACTION" },
      { operator: "NO*SUCH" },
    ];
    let compared = 0;
    for (const timeZone of ["Europe/Berlin", "UTC", "Asia/Kolkata", "America/New_York"]) {
      for (const range of dates) {
        for (const filter of filters) {
          const where = sessionWhere(listSessionsInput.parse({ fleetId: mixFleet, timeZone, ...range, ...filter }));
          const label = JSON.stringify({ timeZone, ...range, ...filter });
          expect(await sessionTotals(where), label).toEqual(await sessionTotalsFromSessions(where));
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * 6 * 7);
  });

  it("pages the same rows under them", async () => {
    const base = { fleetId: mixFleet, timeZone: "Europe/Berlin", ...MIX_RANGE, pageSize: 20 };
    const all = await listSessions(listSessionsInput.parse(base));
    expect(all.total).toBe(all.totals.sessions);
    const last = Math.ceil(all.total / 20);
    const deep = await listSessions(listSessionsInput.parse({ ...base, page: last }), undefined, 0);
    const newest = await listSessions(
      listSessionsInput.parse({ ...base, page: last }),
      undefined,
      Number.MAX_SAFE_INTEGER,
    );
    expect(deep.rows.map((r) => r.id)).toEqual(newest.rows.map((r) => r.id));
    expect(deep.rows.length).toBe(all.total - (last - 1) * 20);
    const beyond = await listSessions(listSessionsInput.parse({ ...base, page: last + 1 }));
    expect(beyond.rows).toEqual([]);
  });
});
