// How far each vehicle drove in each month of a report, from the odometer readings entered on its sessions, and
// what the charging over that distance cost. The month's distance runs from the vehicle's last reading before the
// month (else its first reading in it) to its last reading in it; the charging it covers is the sessions after the
// first of those readings up to and including the last: a charge refills what was driven before it.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Stretch } from "@/lib/sessions/session-rollup";
import type { Period } from "./period";

type Raw = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

export interface OdometerReadingAt {
  vehicleId: string;
  at: Date;
  km: number;
}

/** A vehicle's month: how many readings bound it, and the first and last of them where there are two. */
export interface DistanceWindow {
  vehicleId: string;
  month: string;
  /** The readings in the month, and the one before it where there is one. */
  readings: number;
  from: OdometerReadingAt | null;
  to: OdometerReadingAt | null;
}

export interface VehicleDistance {
  readings: number;
  /** km between the window's readings; null with fewer than two readings (or none further on). */
  distanceKm: number | null;
  /**
   * What to add, per currency (upper case, minor units incl. VAT), to the month's own cost for the cost of the
   * charging over the distance: the sessions between the first reading and the month's start, less those of the
   * month up to its first reading and after its last.
   */
  edgeCostByCurrency: Map<string, number>;
}

export const distanceKey = (month: string, vehicleId: string) => `${month}|${vehicleId}`;

/** The windows of each vehicle in each month it has readings in, from its readings in time order. */
export function distanceWindows(
  readings: OdometerReadingAt[],
  months: Array<Stretch & { key: string }>,
): DistanceWindow[] {
  const byVehicle = new Map<string, OdometerReadingAt[]>();
  for (const r of [...readings].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const own = byVehicle.get(r.vehicleId);
    if (own) own.push(r);
    else byVehicle.set(r.vehicleId, [r]);
  }
  const windows: DistanceWindow[] = [];
  const ordered = [...months].sort((x, y) => (x.start?.getTime() ?? -Infinity) - (y.start?.getTime() ?? -Infinity));
  for (const [vehicleId, own] of byVehicle) {
    // One walk through the vehicle's readings (in time order) and the months (in time order).
    let next = 0;
    for (const month of ordered) {
      const start = month.start?.getTime() ?? -Infinity;
      const end = month.end?.getTime() ?? Infinity;
      while (next < own.length && own[next].at.getTime() < start) next++;
      const before = next > 0 ? own[next - 1] : undefined;
      let last = next;
      while (last < own.length && own[last].at.getTime() < end) last++;
      const inside = own.slice(next, last);
      if (inside.length === 0) continue;
      const bounding = before ? [before, ...inside] : inside;
      windows.push({
        vehicleId,
        month: month.key,
        readings: bounding.length,
        from: bounding.length >= 2 ? bounding[0] : null,
        to: bounding.length >= 2 ? bounding[bounding.length - 1] : null,
      });
    }
  }
  return windows;
}

/** A timestamp column's value: UTC, as the column stores it. */
const utc = (at: Date) => at.toISOString().slice(0, 23);

/** A stretch of a vehicle's sessions, its ends included or not, counted with a sign for window `n`. */
interface Edge {
  n: number;
  vehicleId: string;
  from: Date;
  fromIncluded: boolean;
  to: Date;
  toIncluded: boolean;
  sign: 1 | -1;
}

/**
 * Per month and vehicle (distanceKey), the distance and what turns the month's cost into the cost over it. The
 * month's cost comes from the rollup; only the sessions at the window's edges are read here, so a month costs a
 * few index ranges however many sessions it holds.
 */
export async function vehicleDistances(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  months: Array<Stretch & { key: string }>,
): Promise<Map<string, VehicleDistance>> {
  const fleets = Prisma.join(fleetIds);
  // The readings in the period, and each vehicle's last one before it: index-only ranges of the fleet's vehicles.
  const rows = await raw.$queryRaw<Array<{ vehicle_id: string; at: Date; km: number }>>(Prisma.sql`
    SELECT s."vehicleId" AS vehicle_id, s."startTime" AS at, s."odometerKm" AS km
    FROM "Vehicle" v JOIN "ChargingSession" s ON s."vehicleId" = v.id
    WHERE v."fleetId" IN (${fleets}) AND s."odometerKm" IS NOT NULL
      AND s."startTime" >= ${utc(period.start)}::timestamp(3) AND s."startTime" < ${utc(period.end)}::timestamp(3)
    UNION ALL
    SELECT v.id, last.at, last.km
    FROM "Vehicle" v
    CROSS JOIN LATERAL (
      SELECT s."startTime" AS at, s."odometerKm" AS km FROM "ChargingSession" s
      WHERE s."vehicleId" = v.id AND s."odometerKm" IS NOT NULL AND s."startTime" < ${utc(period.start)}::timestamp(3)
      ORDER BY s."startTime" DESC LIMIT 1
    ) last
    WHERE v."fleetId" IN (${fleets})`);
  const windows = distanceWindows(
    rows.map((r) => ({ vehicleId: r.vehicle_id, at: r.at, km: r.km })),
    months,
  );
  const result = new Map<string, VehicleDistance>();
  const edges: Edge[] = [];
  const keys: string[] = [];
  for (const w of windows) {
    const key = distanceKey(w.month, w.vehicleId);
    const distanceKm = w.from && w.to && w.to.km > w.from.km ? w.to.km - w.from.km : null;
    result.set(key, { readings: w.readings, distanceKm, edgeCostByCurrency: new Map() });
    const month = months.find((m) => m.key === w.month);
    if (distanceKm === null || !w.from || !w.to || !month?.start || !month.end) continue;
    const n = keys.push(key) - 1;
    const vehicleId = w.vehicleId;
    // (first reading, month start) in, or [month start, first reading] out; (last reading, month end) out.
    edges.push(
      w.from.at < month.start
        ? { n, vehicleId, from: w.from.at, fromIncluded: false, to: month.start, toIncluded: false, sign: 1 }
        : { n, vehicleId, from: month.start, fromIncluded: true, to: w.from.at, toIncluded: true, sign: -1 },
      { n, vehicleId, from: w.to.at, fromIncluded: false, to: month.end, toIncluded: false, sign: -1 },
    );
  }
  if (edges.length === 0) return result;
  // One index range per edge (a lateral subquery: a join over the whole list would be planned as a scan).
  const costs = await raw.$queryRaw<Array<{ n: number; currency: string; incl: bigint }>>(Prisma.sql`
    SELECT e.n, c.currency, (e.sign * c.incl)::bigint AS incl
    FROM unnest(
      ${edges.map((e) => e.n)}::int[],
      ${edges.map((e) => e.vehicleId)}::text[],
      ${edges.map((e) => utc(e.from))}::timestamp(3)[],
      ${edges.map((e) => e.fromIncluded)}::boolean[],
      ${edges.map((e) => utc(e.to))}::timestamp(3)[],
      ${edges.map((e) => e.toIncluded)}::boolean[],
      ${edges.map((e) => e.sign)}::int[]
    ) AS e(n, vehicle_id, from_at, from_included, to_at, to_included, sign)
    CROSS JOIN LATERAL (
      SELECT upper(s.currency) AS currency, sum(s."priceInclVatMinor") AS incl
      FROM "ChargingSession" s
      WHERE s."vehicleId" = e.vehicle_id AND s."startTime" >= e.from_at AND s."startTime" <= e.to_at
        AND (e.from_included OR s."startTime" > e.from_at) AND (e.to_included OR s."startTime" < e.to_at)
        AND s."fleetId" IN (${fleets}) AND s."priceInclVatMinor" IS NOT NULL AND s.currency IS NOT NULL
      GROUP BY 1
    ) c`);
  for (const c of costs) {
    const edge = result.get(keys[c.n])!.edgeCostByCurrency;
    edge.set(c.currency, (edge.get(c.currency) ?? 0) + Number(c.incl));
  }
  return result;
}
