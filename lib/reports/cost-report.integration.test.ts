// Report aggregation in PostgreSQL: per-currency sums, months in the reader's time zone, VAT kept apart, sessions
// without a price counted apart, rows ranked within their currency, the previous period beside.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildCostReport } from "./cost-report";
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
