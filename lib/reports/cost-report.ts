// Cost reports aggregated in PostgreSQL: totals, per month, driver, fleet and operator, and no-show fees.
// Every figure is grouped by currency as well: amounts in different currencies are never summed.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { periodInZone, type Period } from "./period";

type Raw = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

export interface CostFigures {
  currency: string;
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
  const incl = Number(row.incl ?? 0);
  // Sessions without a net price (depot transactions) count their gross as net: their VAT is unknown.
  const excl = Number(row.excl ?? 0);
  const pricedEnergy = Number(row.priced_energy_wh ?? 0);
  return {
    currency: row.currency ?? "—",
    sessions: Number(row.sessions),
    energyWh: Number(row.energy_wh ?? 0),
    exclVatMinor: excl,
    vatMinor: incl - excl,
    inclVatMinor: incl,
    perKwhMinor: pricedEnergy > 0 ? Math.round((Number(row.priced_incl ?? 0) * 1000) / pricedEnergy) : null,
  };
}

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
    SELECT NULL::text AS key, s.currency, ${SUMS}
    FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
    GROUP BY s.currency ORDER BY sessions DESC, s.currency`);
  return rows.map(figures);
}

/** Months as "2026-03", in the reader's time zone. */
export async function costByMonth(raw: Raw, fleetIds: string[], period: Period, timeZone: string): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT to_char(date_trunc('month', (s."startTime" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM') AS key, s.currency, ${SUMS}
    FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
    GROUP BY 1, s.currency ORDER BY 1, s.currency`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.key ?? "", ...figures(r) }));
}

export async function costByDriver(raw: Raw, fleetIds: string[], period: Period): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<Array<RawFigures & { label: string | null }>>(Prisma.sql`
    SELECT g.key, u.name AS label, g.currency, g.sessions, g.energy_wh, g.excl, g.incl, g.priced_energy_wh, g.priced_incl
    FROM (
      SELECT s."driverId" AS key, s.currency, ${SUMS}
      FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
      GROUP BY s."driverId", s.currency
    ) g LEFT JOIN "User" u ON u.id = g.key
    ORDER BY g.incl DESC NULLS LAST, label`);
  return rows.map((r) => ({ key: r.key ?? "none", label: r.label ?? "No driver", ...figures(r) }));
}

export async function costByFleet(raw: Raw, fleetIds: string[], period: Period): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<Array<RawFigures & { label: string | null }>>(Prisma.sql`
    SELECT g.key, f.name AS label, g.currency, g.sessions, g.energy_wh, g.excl, g.incl, g.priced_energy_wh, g.priced_incl
    FROM (
      SELECT s."fleetId" AS key, s.currency, ${SUMS}
      FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
      GROUP BY s."fleetId", s.currency
    ) g LEFT JOIN "Fleet" f ON f.id = g.key
    ORDER BY label, g.currency`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.label ?? "Unknown fleet", ...figures(r) }));
}

export async function costByOperator(raw: Raw, fleetIds: string[], period: Period): Promise<CostRow[]> {
  const rows = await raw.$queryRaw<RawFigures[]>(Prisma.sql`
    SELECT COALESCE(s."operatorName", 'Unknown operator') AS key, s.currency, ${SUMS}
    FROM "ChargingSession" s WHERE ${scope(fleetIds, period)}
    GROUP BY 1, s.currency ORDER BY incl DESC NULLS LAST`);
  return rows.map((r) => ({ key: r.key ?? "", label: r.key ?? "", ...figures(r) }));
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
 * The whole report for one fleet; the per-fleet comparison covers every fleet the reader may report on.
 */
export async function buildCostReport(input: {
  fleetId: string;
  comparableFleetIds: string[];
  from: string;
  to: string;
  timeZone: string;
}): Promise<CostReport> {
  const period = periodInZone(input.from, input.to, input.timeZone);
  const fleets = [input.fleetId];
  const [totals, byMonth, byDriver, byFleet, byOperator, fees] = await Promise.all([
    costTotals(db, fleets, period),
    costByMonth(db, fleets, period, input.timeZone),
    costByDriver(db, fleets, period),
    costByFleet(db, input.comparableFleetIds.length ? input.comparableFleetIds : fleets, period),
    costByOperator(db, fleets, period),
    noShowFees(db, fleets, period, input.timeZone),
  ]);
  return {
    period: { from: input.from, to: input.to, timeZone: input.timeZone },
    totals,
    byMonth,
    byDriver,
    byFleet,
    byOperator,
    noShowFees: fees,
  };
}
