// Report aggregation in PostgreSQL: per-currency sums, months in the reader's time zone, VAT kept apart.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildCostReport } from "./cost-report";
import { reportCsv } from "./report-csv";

let fleetId: string;
let otherFleetId: string;
let dora: string;

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
      comparableFleetIds: [fleetId, otherFleetId],
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
    ]);
  });

  it("puts a session in the month of the reader's time zone", async () => {
    const berlin = await buildCostReport({
      fleetId,
      comparableFleetIds: [fleetId],
      from: "2026-03-01",
      to: "2026-03-31",
      timeZone: "Europe/Berlin",
    });
    expect(berlin.byMonth.map((m) => [m.key, m.currency, m.sessions])).toEqual([
      ["2026-03", "EUR", 2],
      ["2026-03", "NOK", 1],
    ]);
    const utc = await buildCostReport({
      fleetId,
      comparableFleetIds: [fleetId],
      from: "2026-02-01",
      to: "2026-03-31",
      timeZone: "UTC",
    });
    expect(utc.byMonth.map((m) => [m.key, m.currency, m.sessions])).toEqual([
      ["2026-02", "EUR", 1],
      ["2026-03", "EUR", 1],
      ["2026-03", "NOK", 1],
    ]);
  });

  it("groups by driver, fleet and operator, and the CSV has the table's rows", async () => {
    const report = await buildCostReport({
      fleetId,
      comparableFleetIds: [fleetId, otherFleetId],
      from: "2026-03-01",
      to: "2026-03-31",
      timeZone: "Europe/Berlin",
    });
    expect(report.byDriver.map((d) => [d.label, d.currency, d.inclVatMinor])).toEqual([
      ["No driver", "NOK", 10000],
      ["Dora", "EUR", 3570],
    ]);
    expect(report.byFleet.map((f) => [f.label, f.currency, f.inclVatMinor])).toEqual([
      ["Other fleet", "EUR", 119],
      ["Report fleet", "EUR", 3570],
      ["Report fleet", "NOK", 10000],
    ]);
    expect(report.byOperator.map((o) => o.key)).toEqual(["NO*XYZ", "DE*ABC"]);
    const csv = reportCsv(report, "driver").slice(1).split("\r\n");
    expect(csv[1]).toBe('"No driver","NOK","1","5.000","80.00","20.00","100.00","20.00"');
    expect(csv[2]).toBe('"Dora","EUR","2","30.000","30.00","5.70","35.70","1.19"');
  });
});
