// The price check against PostgreSQL: per operator the sessions whose final price differs from their booking's
// estimate by more than a threshold (percent or amount, cheaper or dearer), their sums per currency, the sessions
// with no estimate known counted apart, another currency never compared, another fleet's never; its CSV; and a
// charger's price history read from the same bookings and sessions.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/messages";
import { chargerPriceHistory } from "@/lib/search/price-history";
import { priceDifferences } from "./price-differences";
import { priceDifferenceCsv } from "./report-csv";

const RUN = Math.random().toString(36).slice(2, 8);
let fleetId = "";
let otherFleetId = "";
let n = 0;

interface Case {
  operator?: string;
  estimate?: number | null;
  estimateCurrency?: string;
  final: number;
  currency?: string;
  at?: string;
  fleet?: string;
  booked?: boolean;
  energyWh?: number;
  location?: string;
}

/** A session at `final`, with a booking made at `estimate` unless `booked` is false. */
async function charge(c: Case) {
  const id = `${RUN}-${n++}`;
  const fleet = c.fleet ?? fleetId;
  const booking =
    c.booked === false
      ? null
      : await db.booking.create({
          data: {
            fleetId: fleet,
            provider: "PETITMONDE",
            providerBookingId: `pd-${id}`,
            externalId: `pd-${id}`,
            status: "COMPLETED",
            locationId: c.location ?? `loc-${RUN}`,
            evseUid: "evse-1",
            locationSnapshot: {
              name: "Depot Nord",
              operatorName: c.operator ?? "Volta",
              tariff: { currency: "EUR", perKwhMinor: 49 },
              // The estimate shown when it was booked; priceMinor below is the final price a completion stores.
              ...(c.estimate === null
                ? {}
                : {
                    estimateMinor: c.estimate === undefined ? 1000 : c.estimate,
                    currency: c.estimateCurrency ?? "EUR",
                  }),
            },
            windowStart: new Date(c.at ?? "2026-03-10T09:00:00Z"),
            windowEnd: new Date(c.at ?? "2026-03-10T10:00:00Z"),
            tokenStrategy: "DRIVER_TOKEN",
            createdById: "price-check",
            priceMinor: c.final,
            currency: c.currency ?? "EUR",
            createdAt: new Date(c.at ?? "2026-03-10T08:00:00Z"),
          },
        });
  return db.chargingSession.create({
    data: {
      source: "PETITMONDE_BOOKING",
      providerSessionId: `pd-${id}`,
      fleetId: fleet,
      bookingId: booking?.id ?? null,
      status: "COMPLETED",
      startTime: new Date(c.at ?? "2026-03-10T09:00:00Z"),
      energyWh: c.energyWh ?? 10_000,
      priceInclVatMinor: c.final,
      priceExclVatMinor: Math.round(c.final / 1.19),
      currency: c.currency ?? "EUR",
      operatorName: c.booked === false ? (c.operator ?? "Volta") : null,
    },
  });
}

const period = { from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" };
let dearest = "";

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: `Price check org ${RUN}` } });
  const fleet = (name: string) =>
    db.fleet.create({ data: { organizationId: org.id, name, plugsurfingFleetId: `pd-${name}-${RUN}` } });
  fleetId = (await fleet("a")).id;
  otherFleetId = (await fleet("b")).id;
  // Volta: 25 % dearer, 15 % cheaper, exactly 10 % dearer, 2 % dearer; an estimate of zero charged.
  dearest = (await charge({ estimate: 1000, final: 1250 })).id;
  await charge({ estimate: 1000, final: 850 });
  await charge({ estimate: 1000, final: 1100 });
  await charge({ estimate: 1000, final: 1020 });
  await charge({ estimate: 0, final: 300 });
  // Volta, not comparable: another currency, a booking without an estimate, a session without a booking.
  await charge({ estimate: 1000, estimateCurrency: "EUR", final: 9000, currency: "NOK" });
  await charge({ estimate: null, final: 800 });
  await charge({ booked: false, final: 700 });
  // Ionity: one NOK session 20 % dearer; one outside the period (April in Berlin).
  await charge({ operator: "Ionity", estimate: 10_000, estimateCurrency: "NOK", final: 12_000, currency: "NOK" });
  await charge({ operator: "Ionity", estimate: 1000, final: 5000, at: "2026-03-31T22:30:00Z" });
  // Another fleet's session, far over any threshold.
  await charge({ fleet: otherFleetId, estimate: 1000, final: 9000 });
});

const report = (mode: "percent" | "amount", value: number) =>
  priceDifferences(db, { fleetId, ...period, threshold: { mode, value } });

describe("price differences report", () => {
  it("per operator: compared, over a percentage either way, and the ones with no estimate counted apart", async () => {
    const r = await report("percent", 10);
    expect(r.operators.map((o) => ({ ...o, sums: undefined }))).toEqual([
      { operator: "Volta", compared: 5, over: 3, withoutEstimate: 2, otherCurrency: 1, sums: undefined },
      { operator: "Ionity", compared: 1, over: 1, withoutEstimate: 0, otherCurrency: 0, sums: undefined },
    ]);
    expect(r.operators[0].sums).toEqual([
      { currency: "EUR", sessions: 3, estimateMinor: 2000, finalMinor: 2400, differenceMinor: 400 },
    ]);
    expect(r.operators[1].sums).toEqual([
      { currency: "NOK", sessions: 1, estimateMinor: 10_000, finalMinor: 12_000, differenceMinor: 2000 },
    ]);
    // The largest share of its estimate first: the estimate of zero, then 25 %, 20 %, -15 %.
    expect(r.rows.map((row) => [row.operator, row.differenceMinor, row.percent])).toEqual([
      ["Volta", 300, null],
      ["Volta", 250, 25],
      ["Ionity", 2000, 20],
      ["Volta", -150, -15],
    ]);
    expect(r.rows[1].sessionId).toBe(dearest);
  });

  it("reads an amount threshold in the prices' own currency", async () => {
    const r = await report("amount", 2);
    // Over €2.00 / NOK 2.00: 250 and 300 cents, and 2000 øre; 150, 100 and 20 cents are not.
    expect(r.rows.map((row) => `${row.currency} ${row.differenceMinor}`).sort()).toEqual([
      "EUR 250",
      "EUR 300",
      "NOK 2000",
    ]);
  });

  it("writes every session over the threshold as CSV, in the reader's language", async () => {
    const csv = priceDifferenceCsv(await report("percent", 10), translator("de", "csv"));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain('"Schätzung bei Buchung"');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('"Volta","2026-03-10T09:00:00.000Z","Depot Nord","EUR","10.00","12.50","2.50","25.0"');
  });
});

describe("a charger's price history", () => {
  it("lists the fleet's bookings at the location newest first, with the estimate and the final price", async () => {
    const location = `hist-${RUN}`;
    await charge({ location, estimate: 585, final: 640, energyWh: 12_000, at: "2026-03-02T09:00:00Z" });
    await charge({ location, estimate: 600, final: 600, energyWh: 0, at: "2026-03-03T09:00:00Z" });
    await charge({ location, fleet: otherFleetId, estimate: 1, final: 1, at: "2026-03-04T09:00:00Z" });
    const history = await chargerPriceHistory(fleetId, "PETITMONDE", location);
    expect(history.map((o) => [o.at, o.estimate, o.final])).toEqual([
      [
        "2026-03-03T09:00:00.000Z",
        { amountMinor: 600, currency: "EUR", perKwhMinor: 49 },
        { amountMinor: 600, currency: "EUR", energyWh: 0, perKwhMinor: null },
      ],
      [
        "2026-03-02T09:00:00.000Z",
        { amountMinor: 585, currency: "EUR", perKwhMinor: 49 },
        { amountMinor: 640, currency: "EUR", energyWh: 12_000, perKwhMinor: 53 },
      ],
    ]);
  });
});
