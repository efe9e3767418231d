// Cost reports aggregated in PostgreSQL: totals, per month, driver, fleet, operator and vehicle, and no-show fees. The
// sessions' sums come from their rollup (whole UTC months and days) and the sessions at the period's edges.
// Every figure is grouped by currency as well: amounts in different currencies are never summed. Sessions without
// a price or a currency (a failed remote start, one still running) form their own group, counted but never money.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { TZDate } from "@date-fns/tz";
import { db } from "@/lib/db";
import {
  type Dimension,
  ROLLUP_DIMENSIONS,
  type RollupKind,
  rolledUpSums,
  type Stretch,
} from "@/lib/sessions/session-rollup";
import { compareTotals, type TotalsChange } from "./compare-totals";
import { inCurrencyOrder } from "./currency-order";
import { periodInZone, previousPeriod, type DayRange, type Period } from "./period";
import { distanceKey, vehicleDistances } from "./vehicle-distance";

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

/** A vehicle's month in one currency, with its distance from the odometer readings where there are two. */
export interface VehicleCostRow extends CostRow {
  /** "2026-03", in the reader's time zone. */
  month: string;
  vehicleId: string | null;
  /** The vehicle's name, if it has one; `label` is its plate (or the words for no vehicle). */
  vehicleName: string | null;
  /** Readings bounding the month's distance: those in it and the last before it; under 2, no distance. */
  odometerReadings: number;
  distanceKm: number | null;
  /** Cost including VAT of the charging over the distance, in this row's currency, per 100 km. */
  per100KmMinor: number | null;
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
  byVehicle: VehicleCostRow[];
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

/** The fleets' sums over the period, from the rollup and the partial days at its edges. */
function sums(
  kind: RollupKind,
  fleetIds: string[],
  period: Period,
  dimensions: Dimension[] = [],
  segments: Array<Stretch & { key: string | null }> = [{ key: null, ...period }],
): Prisma.Sql {
  return rolledUpSums({ kind, fleetIds, segments, dimensions });
}

const FIGURES = Prisma.sql`g.currency, g.sessions, g.energy_wh, g.excl, g.incl, g.priced_energy_wh, g.priced_incl`;

export async function costTotals(raw: Raw, fleetIds: string[], period: Period): Promise<CostFigures[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT NULL::text AS key, ${FIGURES} FROM (${sums("total", fleetIds, period)}) g
    ORDER BY g.sessions DESC, g.currency`);
  // The currency with the most sessions first (the charts' default); the sessions without a price always last.
  const totals = rows.map(figures);
  return inCurrencyOrder(
    totals,
    totals.map((t) => t.currency),
  );
}

/** The period cut at each month's start in the time zone, each piece keyed by its month ("2026-03"). */
export function monthsInZone(period: Period, timeZone: string): Array<Stretch & { key: string }> {
  const months: Array<Stretch & { key: string }> = [];
  for (let start = period.start; start.getTime() < period.end.getTime();) {
    const local = new TZDate(start.getTime(), timeZone);
    const next = new Date(new TZDate(local.getFullYear(), local.getMonth() + 1, 1, timeZone).getTime());
    const end = next.getTime() < period.end.getTime() ? next : period.end;
    const key = `${String(local.getFullYear()).padStart(4, "0")}-${String(local.getMonth() + 1).padStart(2, "0")}`;
    months.push({ key, start, end });
    start = end;
  }
  return months;
}

/** Months as "2026-03", in the reader's time zone. */
export async function costByMonth(raw: Raw, fleetIds: string[], period: Period, timeZone: string): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT g.key, ${FIGURES} FROM (${sums("total", fleetIds, period, [], monthsInZone(period, timeZone))}) g
    ORDER BY g.key, g.currency NULLS LAST`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.key ?? "", ...figures(r) }));
}

/** What a row is called when the dashboard does not know its driver, fleet or operator. */
export interface UnknownLabels {
  noDriver: string;
  unknownFleet: string;
  unknownOperator: string;
  noVehicle: string;
}

export const ENGLISH_UNKNOWN_LABELS: UnknownLabels = {
  noDriver: "No driver",
  unknownFleet: "Unknown fleet",
  unknownOperator: "Unknown operator",
  noVehicle: "No vehicle",
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
      SELECT g.driver_id AS key, ${FIGURES}
      FROM (${sums("driver", fleetIds, period, [ROLLUP_DIMENSIONS.driver])}) g
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
      SELECT g.fleet_id AS key, ${FIGURES} FROM (${sums("total", fleetIds, period, [ROLLUP_DIMENSIONS.fleet])}) g
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
    SELECT g.operator_name AS key, ${FIGURES}
    FROM (${sums("filter", fleetIds, period, [ROLLUP_DIMENSIONS.operator])}) g
    ORDER BY g.incl DESC NULLS LAST, g.sessions DESC, 1`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.key ?? labels.unknownOperator, ...figures(r) }));
}

/** Per month (reader's time zone) and vehicle, plate order, the sessions without a vehicle last in each month. */
export async function costByVehicle(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  timeZone: string,
  labels = ENGLISH_UNKNOWN_LABELS,
): Promise<VehicleCostRow[]> {
  const months = monthsInZone(period, timeZone);
  const [rows, distances] = await Promise.all([
    raw.$queryRaw<Array<RawFigures & { vehicle_id: string | null; plate: string | null; name: string | null }>>(
      Prisma.sql`
      SELECT g.key, g.vehicle_id, v.plate, v.name, ${FIGURES}
      FROM (${sums("vehicle", fleetIds, period, [ROLLUP_DIMENSIONS.vehicle], months)}) g
      LEFT JOIN "Vehicle" v ON v.id = g.vehicle_id
      ORDER BY g.key, g.vehicle_id IS NULL, v.plate, g.vehicle_id, g.currency NULLS LAST`,
    ),
    vehicleDistances(raw, fleetIds, period, months),
  ]);
  return rows.map((r) => {
    const month = r.key ?? "";
    const distance = r.vehicle_id ? distances.get(distanceKey(month, r.vehicle_id)) : undefined;
    const distanceKm = distance?.distanceKm ?? null;
    // The month's own cost (from the rollup), corrected at the edges of the readings' window.
    const fig = figures(r);
    const cost =
      r.currency !== null && distanceKm !== null
        ? fig.inclVatMinor + (distance?.edgeCostByCurrency.get(r.currency) ?? 0)
        : undefined;
    return {
      key: `${month}|${r.vehicle_id ?? "none"}`,
      label: r.vehicle_id ? (r.plate ?? r.vehicle_id) : labels.noVehicle,
      month,
      vehicleId: r.vehicle_id,
      vehicleName: r.name,
      odometerReadings: distance?.readings ?? 0,
      distanceKm,
      per100KmMinor: cost !== undefined && distanceKm ? Math.round((cost * 100) / distanceKm) : null,
      ...fig,
    };
  });
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
  const [totals, previousTotals, byMonth, byDriver, byFleet, byOperator, byVehicle, fees] = await Promise.all([
    costTotals(db, fleets, period),
    costTotals(db, fleets, periodInZone(before.from, before.to, input.timeZone)),
    costByMonth(db, fleets, period, input.timeZone),
    costByDriver(db, fleets, period, labels),
    costByFleet(db, fleets, period, labels),
    costByOperator(db, fleets, period, labels),
    costByVehicle(db, fleets, period, input.timeZone, labels),
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
    byVehicle,
    noShowFees: fees,
  };
}
