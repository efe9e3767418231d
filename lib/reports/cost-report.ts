// Cost reports aggregated in PostgreSQL: totals, per month, driver, fleet and operator, and no-show fees.
// Every figure is grouped by currency as well: amounts in different currencies are never summed. Sessions without
// a price or a currency (a failed remote start, one still running) form their own group, counted but never money.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { compareTotals, type TotalsChange } from "./compare-totals";
import { inCurrencyOrder } from "./currency-order";
import { periodInZone, previousPeriod, type DayRange, type Period } from "./period";

type Raw = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

export interface CostFigures {
  /** ISO 4217; null for the sessions without a price, whose money figures are 0 and must not be shown as money. */
  currency: string | null;
  sessions: number;
  energyWh: number;
  exclVatMinor: number;
  vatMinor: number;
  inclVatMinor: number;
  /** Average including VAT per kWh over sessions with energy, in minor units; null without energy. */
  perKwhMinor: number | null;
}

export interface CostRow extends CostFigures {
  key: string;
  label: string;
}

export interface CostReport {
  period: { from: string; to: string; timeZone: string };
  totals: CostFigures[];
  /** The period of the same length just before, and each currency's change since. */
  comparison: { period: DayRange; changes: TotalsChange[] };
  byMonth: CostRow[];
  byDriver: CostRow[];
  byFleet: CostRow[];
  byOperator: CostRow[];
  noShowFees: Array<{ key: string; label: string; currency: string; bookings: number; feeMinor: number }>;
}

interface RawFigures {
  key: string | null;
  currency: string | null;
  sessions: bigint;
  energy_wh: bigint | null;
  excl: bigint | null;
  incl: bigint | null;
  priced_energy_wh: bigint | null;
  priced_incl: bigint | null;
}

function figures(row: RawFigures): CostFigures {
  if (row.currency === null)
    return {
      currency: null,
      sessions: Number(row.sessions),
      energyWh: Number(row.energy_wh ?? 0),
      exclVatMinor: 0,
      vatMinor: 0,
      inclVatMinor: 0,
      perKwhMinor: null,
    };
  const incl = Number(row.incl ?? 0);
  // Sessions without a net price (depot transactions) count their gross as net: their VAT is unknown.
  const excl = Number(row.excl ?? 0);
  const pricedEnergy = Number(row.priced_energy_wh ?? 0);
  return {
    currency: row.currency,
    sessions: Number(row.sessions),
    energyWh: Number(row.energy_wh ?? 0),
    exclVatMinor: excl,
    vatMinor: incl - excl,
    inclVatMinor: incl,
    perKwhMinor: pricedEnergy > 0 ? Math.round((Number(row.priced_incl ?? 0) * 1000) / pricedEnergy) : null,
  };
}

/** A session's money group: its currency when it has a price in one, else NULL (no price). */
const CURRENCY = Prisma.sql`CASE WHEN s."priceInclVatMinor" IS NOT NULL AND s.currency IS NOT NULL
  THEN upper(s.currency) END`;

const SUMS = Prisma.sql`
  count(*) AS sessions,
  sum(s."energyWh") AS energy_wh,
  sum(COALESCE(s."priceExclVatMinor", s."priceInclVatMinor")) AS excl,
  sum(s."priceInclVatMinor") AS incl,
  sum(s."energyWh") FILTER (WHERE s."priceInclVatMinor" IS NOT NULL AND s."energyWh" > 0) AS priced_energy_wh,
  sum(s."priceInclVatMinor") FILTER (WHERE s."priceInclVatMinor" IS NOT NULL AND s."energyWh" > 0) AS priced_incl`;

function scope(fleetIds: string[], period: Period, driverId?: string): Prisma.Sql {
  return Prisma.sql`s."fleetId" IN (${Prisma.join(fleetIds)})
    AND s."startTime" >= ${period.start} AND s."startTime" < ${period.end}
    ${driverId ? Prisma.sql`AND s."driverId" = ${driverId}` : Prisma.empty}`;
}

export async function costTotals(raw: Raw, fleetIds: string[], period: Period): Promise<CostFigures[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT NULL::text AS key, ${CURRENCY} AS currency, ${SUMS}
    FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
    GROUP BY 2 ORDER BY sessions DESC, 2`);
  // The currency with the most sessions first (the charts' default); the sessions without a price always last.
  const totals = rows.map(figures);
  return inCurrencyOrder(
    totals,
    totals.map((t) => t.currency),
  );
}

/** Months as "2026-03", in the reader's time zone. */
export async function costByMonth(raw: Raw, fleetIds: string[], period: Period, timeZone: string): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT to_char(date_trunc('month', (s."startTime" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM') AS key, ${CURRENCY} AS currency, ${SUMS}
    FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
    GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.key ?? "", ...figures(r) }));
}

/** What a row is called when the dashboard does not know its driver, fleet or operator. */
export interface UnknownLabels {
  noDriver: string;
  unknownFleet: string;
  unknownOperator: string;
}

export const ENGLISH_UNKNOWN_LABELS: UnknownLabels = {
  noDriver: "No driver",
  unknownFleet: "Unknown fleet",
  unknownOperator: "Unknown operator",
};

export async function costByDriver(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  labels = ENGLISH_UNKNOWN_LABELS,
): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<Array<RawFigures & { label: string | null }>>(Prisma.sql`
    SELECT g.key, u.name AS label, g.currency, g.sessions, g.energy_wh, g.excl, g.incl, g.priced_energy_wh, g.priced_incl
    FROM (
      SELECT s."driverId" AS key, ${CURRENCY} AS currency, ${SUMS}
      FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
      GROUP BY 1, 2
    ) g LEFT JOIN "User" u ON u.id = g.key
    ORDER BY g.incl DESC NULLS LAST, g.sessions DESC, label`);
  return rows.map((r) => ({ key: r.key ?? "none", label: r.label ?? labels.noDriver, ...figures(r) }));
}

export async function costByFleet(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  labels = ENGLISH_UNKNOWN_LABELS,
): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<Array<RawFigures & { label: string | null }>>(Prisma.sql`
    SELECT g.key, f.name AS label, g.currency, g.sessions, g.energy_wh, g.excl, g.incl, g.priced_energy_wh, g.priced_incl
    FROM (
      SELECT s."fleetId" AS key, ${CURRENCY} AS currency, ${SUMS}
      FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
      GROUP BY 1, 2
    ) g LEFT JOIN "Fleet" f ON f.id = g.key
    ORDER BY label, g.currency NULLS LAST`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.label ?? labels.unknownFleet, ...figures(r) }));
}

export async function costByOperator(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  labels = ENGLISH_UNKNOWN_LABELS,
): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT s."operatorName" AS key, ${CURRENCY} AS currency, ${SUMS}
    FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
    GROUP BY 1, 2 ORDER BY incl DESC NULLS LAST, sessions DESC, 1`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.key ?? labels.unknownOperator, ...figures(r) }));
}

/** No-show fees from the fleet's bookings whose window fell in the period, per month. */
export async function noShowFees(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  timeZone: string,
): Promise<CostReport["noShowFees"]> {
  const rows = await raw.$queryRaw<
    Array<{ key: string; currency: string | null; bookings: bigint; fee: bigint | null }>
  >(Prisma.sql`
    SELECT to_char(date_trunc('month', (b."windowStart" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM') AS key,
           b.currency, count(*) AS bookings, sum(b."feeMinor") AS fee
    FROM "Booking" b
    WHERE b."fleetId" IN (${Prisma.join(fleetIds)}) AND b.status = 'NO_SHOW' AND b."feeMinor" IS NOT NULL
      AND b."windowStart" >= ${period.start} AND b."windowStart" < ${period.end}
    GROUP BY 1, b.currency ORDER BY 1, b.currency`);
  return rows.map((r) => ({
    key: r.key,
    label: r.key,
    currency: r.currency ?? "EUR",
    bookings: Number(r.bookings),
    feeMinor: Number(r.fee ?? 0),
  }));
}

/**
 * The whole report for one fleet, the fleet the page is titled for: every table, the per-fleet one included,
 * covers that fleet only. Rows are grouped by currency in the totals' order and ranked within it.
 */
export async function buildCostReport(
  input: {
    fleetId: string;
    from: string;
    to: string;
    timeZone: string;
  },
  labels = ENGLISH_UNKNOWN_LABELS,
): Promise<CostReport> {
  const period = periodInZone(input.from, input.to, input.timeZone);
  const before = previousPeriod(input);
  const fleets = [input.fleetId];
  const [totals, previousTotals, byMonth, byDriver, byFleet, byOperator, fees] = await Promise.all([
    costTotals(db, fleets, period),
    costTotals(db, fleets, periodInZone(before.from, before.to, input.timeZone)),
    costByMonth(db, fleets, period, input.timeZone),
    costByDriver(db, fleets, period, labels),
    costByFleet(db, fleets, period, labels),
    costByOperator(db, fleets, period, labels),
    noShowFees(db, fleets, period, input.timeZone),
  ]);
  const order = totals.map((t) => t.currency);
  return {
    period: { from: input.from, to: input.to, timeZone: input.timeZone },
    totals,
    comparison: { period: before, changes: compareTotals(totals, previousTotals) },
    byMonth,
    byDriver: inCurrencyOrder(byDriver, order),
    byFleet: inCurrencyOrder(byFleet, order),
    byOperator: inCurrencyOrder(byOperator, order),
    noShowFees: fees,
  };
}
