// Report aggregation in PostgreSQL: per-currency sums, months in the reader's time zone, VAT kept apart, sessions
// without a price counted apart, rows ranked within their currency, the previous period beside; and the sessions'
// rollup they read, against the sums of the sessions themselves.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { type Dimension, ROLLUP_DIMENSIONS, rolledUpSums } from "@/lib/sessions/session-rollup";
import { MIX_RANGE, rollupKeptAndRebuilt, seedSessionMix } from "@/tests/support/session-mix";
import { buildCostReport, monthsInZone } from "./cost-report";
import { periodInZone, type Period } from "./period";
import { translator } from "@/lib/i18n/messages";
import { reportCsv } from "./report-csv";

let fleetId: string;
let otherFleetId: string;
let dora: string;
let erik: string;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Report org" } });
  fleetId = (
    await db.fleet.create({
      data: { organizationId: org.id, name: "Report fleet", plugsurfingFleetId: "report-fleet" },
    })
  ).id;
  otherFleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Other fleet", plugsurfingFleetId: "other-fleet" } })
  ).id;
  dora = (await db.user.create({ data: { email: "dora@report.test", name: "Dora", passwordHash: "x" } })).id;
  erik = (await db.user.create({ data: { email: "erik@report.test", name: "Erik", passwordHash: "x" } })).id;
  const base = { source: "PLUGSURFING_SESSION" as const, status: "COMPLETE", vatRateBasisPoints: 1900 };
  await db.chargingSession.createMany({
    data: [
      // 2026-02-28 23:30 UTC is already March in Berlin.
      {
        ...base,
        providerSessionId: "r1",
        fleetId,
        driverId: dora,
        startTime: new Date("2026-02-28T23:30:00Z"),
        energyWh: 10_000,
        priceExclVatMinor: 1000,
        priceInclVatMinor: 1190,
        currency: "EUR",
        operatorName: "DE*ABC",
      },
      {
        ...base,
        providerSessionId: "r2",
        fleetId,
        driverId: dora,
        startTime: new Date("2026-03-10T10:00:00Z"),
        energyWh: 20_000,
        priceExclVatMinor: 2000,
        priceInclVatMinor: 2380,
        currency: "EUR",
        operatorName: "DE*ABC",
      },
      {
        ...base,
        providerSessionId: "r3",
        fleetId,
        driverId: null,
        startTime: new Date("2026-03-11T10:00:00Z"),
        energyWh: 5_000,
        priceExclVatMinor: 8000,
        priceInclVatMinor: 10000,
        vatRateBasisPoints: 2500,
        currency: "NOK",
        operatorName: "NO*XYZ",
      },
      {
        ...base,
        providerSessionId: "r4",
        fleetId: otherFleetId,
        driverId: dora,
        startTime: new Date("2026-03-12T10:00:00Z"),
        energyWh: 1_000,
        priceExclVatMinor: 100,
        priceInclVatMinor: 119,
        currency: "EUR",
      },
      // A failed remote start: no energy, no price, no currency.
      {
        ...base,
        providerSessionId: "r6",
        status: "FAILED",
        fleetId,
        driverId: erik,
        startTime: new Date("2026-03-13T10:00:00Z"),
        energyWh: null,
        priceExclVatMinor: null,
        priceInclVatMinor: null,
        vatRateBasisPoints: null,
        currency: null,
        operatorName: "DE*ABC",
      },
      // Still running: a currency, energy so far, no price yet.
      {
        ...base,
        providerSessionId: "r7",
        status: "STARTED",
        fleetId,
        driverId: dora,
        startTime: new Date("2026-03-14T10:00:00Z"),
        energyWh: 3_000,
        priceExclVatMinor: null,
        priceInclVatMinor: null,
        currency: "EUR",
        operatorName: "DE*ABC",
      },
      // February in Berlin: the previous period of March.
      {
        ...base,
        providerSessionId: "r8",
        fleetId,
        driverId: erik,
        startTime: new Date("2026-02-10T10:00:00Z"),
        energyWh: 10_000,
        priceExclVatMinor: 2000,
        priceInclVatMinor: 2380,
        currency: "EUR",
        operatorName: "DE*ABC",
      },
      // Outside the period.
      {
        ...base,
        providerSessionId: "r5",
        fleetId,
        driverId: dora,
        startTime: new Date("2026-04-01T10:00:00Z"),
        energyWh: 1_000,
        priceExclVatMinor: 100,
        priceInclVatMinor: 119,
        currency: "EUR",
      },
    ],
  });
});

describe("cost report", () => {
  it("sums per currency, never across currencies, with VAT apart", async () => {
    const report = await buildCostReport({
      fleetId,
      from: "2026-03-01",
      to: "2026-03-31",
      timeZone: "Europe/Berlin",
    });
    // The currency with the most sessions first: it is the one the charts show by default.
    expect(report.totals).toEqual([
      {
        currency: "EUR",
        sessions: 2,
        energyWh: 30_000,
        exclVatMinor: 3000,
        vatMinor: 570,
        inclVatMinor: 3570,
        perKwhMinor: 119,
      },
      {
        currency: "NOK",
        sessions: 1,
        energyWh: 5_000,
        exclVatMinor: 8000,
        vatMinor: 2000,
        inclVatMinor: 10000,
        perKwhMinor: 2000,
      },
      // Counted, never money: no amount, no average, no currency to format with.
      {
        currency: null,
        sessions: 2,
        energyWh: 3_000,
        exclVatMinor: 0,
        vatMinor: 0,
        inclVatMinor: 0,
        perKwhMinor: null,
      },
    ]);
  });

  it("compares with the previous period of the same length, currency by currency", async () => {
    const report = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" });
    expect(report.comparison.period).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(
      report.comparison.changes.map((c) => [
        c.currency,
        c.previous?.inclVatMinor ?? null,
        c.inclVatChangeMinor,
        c.inclVatChangePercent,
        c.sessionsChange,
      ]),
    ).toEqual([
      ["EUR", 2380, 3570 - 2380, 50, 1],
      ["NOK", null, 10000, null, 1],
      [null, null, null, null, 2],
    ]);
  });

  it("puts a session in the month of the reader's time zone", async () => {
    const berlin = await buildCostReport({
      fleetId,
      from: "2026-03-01",
      to: "2026-03-31",
      timeZone: "Europe/Berlin",
    });
    expect(berlin.byMonth.map((m) => [m.key, m.currency, m.sessions])).toEqual([
      ["2026-03", "EUR", 2],
      ["2026-03", "NOK", 1],
      ["2026-03", null, 2],
    ]);
    const utc = await buildCostReport({
      fleetId,
      from: "2026-02-01",
      to: "2026-03-31",
      timeZone: "UTC",
    });
    expect(utc.byMonth.map((m) => [m.key, m.currency, m.sessions])).toEqual([
      ["2026-02", "EUR", 2],
      ["2026-03", "EUR", 1],
      ["2026-03", "NOK", 1],
      ["2026-03", null, 2],
    ]);
  });

  it("groups by driver, fleet and operator within each currency, and the CSV has the table's rows", async () => {
    const report = await buildCostReport({
      fleetId,
      from: "2026-03-01",
      to: "2026-03-31",
      timeZone: "Europe/Berlin",
    });
    // EUR first (most sessions) although the NOK amount is larger: raw amounts never rank across currencies.
    expect(report.byDriver.map((d) => [d.label, d.currency, d.inclVatMinor, d.sessions])).toEqual([
      ["Dora", "EUR", 3570, 2],
      ["No driver", "NOK", 10000, 1],
      ["Dora", null, 0, 1],
      ["Erik", null, 0, 1],
    ]);
    // Only the fleet the report is for, even though the reader may report on the other fleet too.
    expect(report.byFleet.map((f) => [f.label, f.currency, f.inclVatMinor])).toEqual([
      ["Report fleet", "EUR", 3570],
      ["Report fleet", "NOK", 10000],
      ["Report fleet", null, 0],
    ]);
    expect(report.byOperator.map((o) => [o.key, o.currency])).toEqual([
      ["DE*ABC", "EUR"],
      ["NO*XYZ", "NOK"],
      ["DE*ABC", null],
    ]);
    const csv = reportCsv(report, "driver", translator("en", "csv")).slice(1).split("\r\n");
    expect(csv[0]).toBe(
      '"Driver","Currency","Sessions","Energy (kWh)","Cost excl. VAT","VAT","Cost incl. VAT","Average per kWh incl. VAT"',
    );
    expect(csv[1]).toBe('"Dora","EUR","2","30.000","30.00","5.70","35.70","1.19"');
    expect(csv[2]).toBe('"No driver","NOK","1","5.000","80.00","20.00","100.00","20.00"');
    expect(csv[3]).toBe('"Dora","No price","1","3.000","","","",""');
    expect(csv[4]).toBe('"Erik","No price","1","0.000","","","",""');
  });
});

describe("the sessions' rollup", () => {
  let mixFleet: string;
  let mixOther: string;

  beforeAll(async () => {
    const org = await db.organization.create({ data: { name: "Rollup org" } });
    mixFleet = (
      await db.fleet.create({ data: { organizationId: org.id, name: "Mix", plugsurfingFleetId: "mix-fleet" } })
    ).id;
    mixOther = (
      await db.fleet.create({ data: { organizationId: org.id, name: "Mix other", plugsurfingFleetId: "mix-other" } })
    ).id;
    expect(await seedSessionMix(mixFleet, mixOther, [dora, erik])).toBeGreaterThan(300);
  });

  /** The sums as the report read them before the rollup: straight from the sessions. */
  function plainSums(
    fleetIds: string[],
    period: Period,
    key: Prisma.Sql,
    dimensions: Dimension[],
    where = Prisma.empty,
  ) {
    const dims = dimensions.map((d) => Prisma.sql`${d.raw} AS ${Prisma.raw(d.name)}`);
    return db.$queryRaw<unknown[]>(Prisma.sql`
      SELECT ${key} AS key, ${Prisma.join([
        ...dims,
        Prisma.sql`CASE WHEN s."priceInclVatMinor" IS NOT NULL
        AND s.currency IS NOT NULL THEN upper(s.currency) END AS currency`,
      ])},
        count(*)::bigint AS sessions, sum(s."energyWh")::bigint AS energy_wh,
        sum(COALESCE(s."priceExclVatMinor", s."priceInclVatMinor"))::bigint AS excl,
        sum(s."priceInclVatMinor")::bigint AS incl,
        (sum(s."energyWh") FILTER (WHERE s."priceInclVatMinor" IS NOT NULL AND s."energyWh" > 0))::bigint AS priced_energy_wh,
        (sum(s."priceInclVatMinor") FILTER (WHERE s."priceInclVatMinor" IS NOT NULL AND s."energyWh" > 0))::bigint AS priced_incl
      FROM "ChargingSession" s
      WHERE s."fleetId" IN (${Prisma.join(fleetIds)}) AND s."startTime" >= ${period.start} AND s."startTime" < ${period.end}
        ${where}
      GROUP BY ${Prisma.raw(Array.from({ length: dimensions.length + 2 }, (_, i) => i + 1).join(", "))}`);
  }

  const sorted = (rows: unknown[]) =>
    rows.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).sort();

  const ZONES = ["Europe/Berlin", "UTC", "Asia/Kolkata", "America/New_York"];
  const RANGES = [
    MIX_RANGE,
    { from: "2026-03-01", to: "2026-03-31" },
    { from: "2026-02-15", to: "2026-04-10" },
    { from: "2026-03-01", to: "2026-03-01" },
    { from: "2026-03-29", to: "2026-04-01" },
    // A whole UTC quarter (2026's first) inside, and a whole UTC year (2026).
    { from: "2025-12-01", to: "2026-04-30" },
    { from: "2025-06-01", to: "2027-03-31" },
  ];

  it("keeps, through inserts, updates and deletes, exactly what the sessions add up to", async () => {
    const { kept, rebuilt } = await rollupKeptAndRebuilt();
    expect(kept.length).toBeGreaterThan(100);
    expect(sorted(kept)).toEqual(sorted(rebuilt));
  });

  it("gives every report the sums of the sessions themselves, in any time zone and period", async () => {
    for (const timeZone of ZONES) {
      for (const range of RANGES) {
        const period = periodInZone(range.from, range.to, timeZone);
        const month = Prisma.sql`to_char(date_trunc('month', (s."startTime" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM')`;
        const none = Prisma.sql`NULL::text`;
        const cases: Array<[string, Prisma.Sql, Promise<unknown[]>]> = [
          [
            "totals",
            rolledUpSums({ kind: "total", fleetIds: [mixFleet], segments: [{ key: null, ...period }] }),
            plainSums([mixFleet], period, none, []),
          ],
          [
            "by month",
            rolledUpSums({ kind: "total", fleetIds: [mixFleet], segments: monthsInZone(period, timeZone) }),
            plainSums([mixFleet], period, month, []),
          ],
          [
            "by fleet",
            rolledUpSums({
              kind: "total",
              fleetIds: [mixFleet, mixOther],
              segments: [{ key: null, ...period }],
              dimensions: [ROLLUP_DIMENSIONS.fleet],
            }),
            plainSums([mixFleet, mixOther], period, none, [ROLLUP_DIMENSIONS.fleet]),
          ],
          [
            "by driver",
            rolledUpSums({
              kind: "driver",
              fleetIds: [mixFleet],
              segments: [{ key: null, ...period }],
              dimensions: [ROLLUP_DIMENSIONS.driver],
            }),
            plainSums([mixFleet], period, none, [ROLLUP_DIMENSIONS.driver]),
          ],
          [
            "by vehicle and month",
            rolledUpSums({
              kind: "vehicle",
              fleetIds: [mixFleet],
              segments: monthsInZone(period, timeZone),
              dimensions: [ROLLUP_DIMENSIONS.vehicle],
            }),
            plainSums([mixFleet], period, month, [ROLLUP_DIMENSIONS.vehicle]),
          ],
          [
            "by operator",
            rolledUpSums({
              kind: "filter",
              fleetIds: [mixFleet],
              segments: [{ key: null, ...period }],
              dimensions: [ROLLUP_DIMENSIONS.operator],
            }),
            plainSums([mixFleet], period, none, [ROLLUP_DIMENSIONS.operator]),
          ],
          [
            "filtered",
            rolledUpSums({
              kind: "filter",
              fleetIds: [mixFleet],
              segments: [{ key: null, ...period }],
              filters: { status: "COMPLETE", country: "DE", source: "PETITMONDE_BOOKING" },
            }),
            plainSums(
              [mixFleet],
              period,
              none,
              [],
              Prisma.sql`AND s.status = 'COMPLETE' AND s.country = 'DE' AND s.source = 'PETITMONDE_BOOKING'`,
            ),
          ],
        ];
        for (const [name, fast, plain] of cases) {
          const rows = await db.$queryRaw<unknown[]>(fast);
          expect(sorted(rows), `${name}, ${range.from}–${range.to} in ${timeZone}`).toEqual(sorted(await plain));
        }
      }
    }
  });

  it("builds the same whole report as before, month by month in the reader's zone", async () => {
    const report = await buildCostReport({ fleetId: mixFleet, ...MIX_RANGE, timeZone: "Europe/Berlin" });
    const months = report.byMonth.map((m) => m.key);
    expect(new Set(months)).toEqual(new Set(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]));
    const sessions = await db.chargingSession.count({
      where: {
        fleetId: mixFleet,
        startTime: {
          gte: periodInZone(MIX_RANGE.from, MIX_RANGE.to, "Europe/Berlin").start,
          lt: periodInZone(MIX_RANGE.from, MIX_RANGE.to, "Europe/Berlin").end,
        },
      },
    });
    expect(report.totals.reduce((n, t) => n + t.sessions, 0)).toBe(sessions);
    expect(report.byMonth.reduce((n, t) => n + t.sessions, 0)).toBe(sessions);
    expect(report.byDriver.reduce((n, t) => n + t.sessions, 0)).toBe(sessions);
    expect(report.byOperator.reduce((n, t) => n + t.sessions, 0)).toBe(sessions);
    expect(report.byVehicle.reduce((n, t) => n + t.sessions, 0)).toBe(sessions);
  });
});
