// The cost report by vehicle against PostgreSQL: sessions, energy and cost per vehicle and month in the reader's
// time zone, each currency apart, the sessions without a vehicle in a row of their own, another fleet's never;
// and the distance from odometer readings (the last before the month as its start) with the cost per 100 km.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/messages";
import { buildCostReport, type VehicleCostRow } from "./cost-report";
import { reportCsv } from "./report-csv";

const RUN = Math.random().toString(36).slice(2, 8);
let fleetId = "";
let otherFleetId = "";
let vanA = "";
let vanB = "";

const van = (fleet: string, plate: string, name?: string) =>
  db.vehicle.create({
    data: { fleetId: fleet, plate, name, plateKey: plate.replace(/\W/g, ""), batteryKwh: 60, connectorStandards: [] },
  });

type Figures = {
  vehicleId: string | null;
  at: string;
  energyWh?: number;
  incl?: number;
  currency?: string;
  odometerKm?: number;
  fleet?: string;
};

let n = 0;
const session = (s: Figures) => ({
  source: "PLUGSURFING_SESSION" as const,
  providerSessionId: `vr-${RUN}-${n++}`,
  fleetId: s.fleet ?? fleetId,
  vehicleId: s.vehicleId,
  status: "COMPLETE",
  startTime: new Date(s.at),
  energyWh: s.energyWh ?? 1_000,
  priceExclVatMinor: s.incl === undefined ? null : Math.round(s.incl / 1.19),
  priceInclVatMinor: s.incl ?? null,
  currency: s.incl === undefined ? null : (s.currency ?? "EUR"),
  odometerKm: s.odometerKm ?? null,
});

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: `Vehicle report org ${RUN}` } });
  const fleet = (name: string) =>
    db.fleet.create({ data: { organizationId: org.id, name, plugsurfingFleetId: `vr-${name}-${RUN}` } });
  fleetId = (await fleet("a")).id;
  otherFleetId = (await fleet("b")).id;
  vanA = (await van(fleetId, "B-A 1", "Van A")).id;
  vanB = (await van(fleetId, "B-B 2")).id;
  const elsewhere = (await van(otherFleetId, "HH-X 9")).id;
  await db.chargingSession.createMany({
    data: [
      // February: the reading that starts March's distance, and a charge after it that March's distance covers.
      session({ vehicleId: vanA, at: "2026-02-10T10:00:00Z", incl: 500, odometerKm: 10_000 }),
      session({ vehicleId: vanA, at: "2026-02-20T10:00:00Z", incl: 700 }),
      // 23:30 UTC on 28 February is already March in Berlin.
      session({ vehicleId: vanA, at: "2026-02-28T23:30:00Z", incl: 1190, energyWh: 10_000 }),
      session({ vehicleId: vanA, at: "2026-03-15T10:00:00Z", incl: 2380, energyWh: 20_000, odometerKm: 10_300 }),
      // 23:30 on 31 March in Berlin (summer time): March; an hour later: April there, still March in UTC.
      session({ vehicleId: vanA, at: "2026-03-31T21:30:00Z", incl: 1000, energyWh: 5_000, odometerKm: 10_500 }),
      session({ vehicleId: vanA, at: "2026-03-31T22:30:00Z", incl: 300, energyWh: 2_000 }),
      session({ vehicleId: vanA, at: "2026-03-20T10:00:00Z", incl: 10_000, currency: "NOK", energyWh: 5_000 }),
      // One reading only: no distance.
      session({ vehicleId: vanB, at: "2026-03-05T10:00:00Z", incl: 900, energyWh: 9_000, odometerKm: 5_000 }),
      session({ vehicleId: vanB, at: "2026-03-25T10:00:00Z", incl: 600, energyWh: 1_000 }),
      session({ vehicleId: null, at: "2026-03-07T10:00:00Z", incl: 400, energyWh: 4_000 }),
      session({ vehicleId: null, at: "2026-03-08T10:00:00Z", energyWh: 0 }),
      session({ vehicleId: elsewhere, fleet: otherFleetId, at: "2026-03-09T10:00:00Z", incl: 99, odometerKm: 1 }),
    ],
  });
});

const pick = (rows: VehicleCostRow[]) =>
  rows.map((r) => ({
    month: r.month,
    label: r.label,
    currency: r.currency,
    sessions: r.sessions,
    energyWh: r.energyWh,
    inclVatMinor: r.inclVatMinor,
    odometerReadings: r.odometerReadings,
    distanceKm: r.distanceKm,
    per100KmMinor: r.per100KmMinor,
  }));

describe("the cost report by vehicle", () => {
  it("adds up each vehicle's months in the reader's zone, with the cost per 100 km over its readings", async () => {
    const report = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-04-30", timeZone: "Europe/Berlin" });
    // March's distance: 10,000 km (10 February) to 10,500 km (31 March); the charging over it is every EUR session
    // after 10 February up to 31 March 23:30: 7.00 + 11.90 + 23.80 + 10.00 = 52.70 EUR, 10.54 EUR per 100 km.
    expect(pick(report.byVehicle)).toEqual([
      {
        month: "2026-03",
        label: "B-A 1",
        currency: "EUR",
        sessions: 3,
        energyWh: 35_000,
        inclVatMinor: 4570,
        odometerReadings: 3,
        distanceKm: 500,
        per100KmMinor: 1054,
      },
      {
        month: "2026-03",
        label: "B-A 1",
        currency: "NOK",
        sessions: 1,
        energyWh: 5_000,
        inclVatMinor: 10_000,
        odometerReadings: 3,
        distanceKm: 500,
        per100KmMinor: 2000,
      },
      {
        month: "2026-03",
        label: "B-B 2",
        currency: "EUR",
        sessions: 2,
        energyWh: 10_000,
        inclVatMinor: 1500,
        odometerReadings: 1,
        distanceKm: null,
        per100KmMinor: null,
      },
      {
        month: "2026-03",
        label: "No vehicle",
        currency: "EUR",
        sessions: 1,
        energyWh: 4_000,
        inclVatMinor: 400,
        odometerReadings: 0,
        distanceKm: null,
        per100KmMinor: null,
      },
      {
        month: "2026-03",
        label: "No vehicle",
        currency: null,
        sessions: 1,
        energyWh: 0,
        inclVatMinor: 0,
        odometerReadings: 0,
        distanceKm: null,
        per100KmMinor: null,
      },
      {
        month: "2026-04",
        label: "B-A 1",
        currency: "EUR",
        sessions: 1,
        energyWh: 2_000,
        inclVatMinor: 300,
        odometerReadings: 0,
        distanceKm: null,
        per100KmMinor: null,
      },
    ]);
    expect(report.byVehicle[0].vehicleName).toBe("Van A");
  });

  it("cuts the months at UTC midnight for a reader in UTC", async () => {
    const report = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-03-31", timeZone: "UTC" });
    const march = report.byVehicle.find((r) => r.vehicleId === vanA && r.currency === "EUR")!;
    // 28 February 23:30 UTC is February here, and 31 March 22:30 UTC March.
    expect([march.month, march.sessions, march.inclVatMinor]).toEqual(["2026-03", 3, 3680]);
    // The same readings bound the distance; the charge after the last reading is not covered by it.
    expect([march.distanceKm, march.per100KmMinor]).toEqual([500, 1054]);
    expect(report.byVehicle.some((r) => r.month !== "2026-03")).toBe(false);
  });

  it("starts at the month's first reading where there is none before it", async () => {
    const second = await db.chargingSession.findFirstOrThrow({
      where: { vehicleId: vanB, startTime: new Date("2026-03-25T10:00:00Z") },
    });
    await db.chargingSession.update({ where: { id: second.id }, data: { odometerKm: 5_300 } });
    const report = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" });
    const row = report.byVehicle.find((r) => r.vehicleId === vanB)!;
    // 5,000 km (5 March) to 5,300 km (25 March): only the charge at the second reading is over it, 6.00 EUR.
    expect([row.odometerReadings, row.distanceKm, row.per100KmMinor]).toEqual([2, 300, 200]);
    await db.chargingSession.update({ where: { id: second.id }, data: { odometerKm: null } });
  });

  it("changes the cost per 100 km when a reading changes, and has none where readings do not go up", async () => {
    const reading = await db.chargingSession.findFirstOrThrow({ where: { vehicleId: vanA, odometerKm: 10_500 } });
    await db.chargingSession.update({ where: { id: reading.id }, data: { odometerKm: 11_000 } });
    const further = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" });
    // 52.70 EUR over 1,000 km.
    expect(further.byVehicle.find((r) => r.vehicleId === vanA && r.currency === "EUR")?.per100KmMinor).toBe(527);
    await db.chargingSession.update({ where: { id: reading.id }, data: { odometerKm: 10_000 } });
    await db.chargingSession.updateMany({
      where: { vehicleId: vanA, odometerKm: 10_300 },
      data: { odometerKm: 10_000 },
    });
    const flat = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" });
    const row = flat.byVehicle.find((r) => r.vehicleId === vanA && r.currency === "EUR")!;
    expect([row.odometerReadings, row.distanceKm, row.per100KmMinor]).toEqual([3, null, null]);
    await db.chargingSession.update({ where: { id: reading.id }, data: { odometerKm: 10_500 } });
    await db.chargingSession.updateMany({
      where: { vehicleId: vanA, startTime: new Date("2026-03-15T10:00:00Z") },
      data: { odometerKm: 10_300 },
    });
  });

  it("exports the same rows as CSV, headed in the reader's language", async () => {
    const report = await buildCostReport({ fleetId, from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" });
    const csv = reportCsv(report, "vehicle", translator("de", "csv")).slice(1).split("\r\n");
    expect(csv[0]).toBe(
      '"Monat","Fahrzeug","Währung","Ladevorgänge","Energie (kWh)","Kosten ohne MwSt.","MwSt.","Kosten inkl. MwSt.",' +
        '"Durchschnitt pro kWh inkl. MwSt.","Fahrzeugname","Kilometerstände","Strecke (km)","Kosten pro 100 km inkl. MwSt."',
    );
    expect(csv[1]).toMatch(/^"2026-03","B-A 1","EUR","3","35\.000",.*,"45\.70",.*,"Van A","3","500","10\.54"$/);
    expect(csv[3]).toMatch(/^"2026-03","B-B 2","EUR","2","10\.000",.*,"","1","",""$/);
  });
});
