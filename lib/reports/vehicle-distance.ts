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
  /** Cost including VAT of the sessions the distance covers, per currency (upper case), in minor units. */
  costByCurrency: Map<string, number>;
}

export const distanceKey = (month: string, vehicleId: string) => `${month}|${vehicleId}`;

/** The windows of each vehicle in each month it has readings in, from its readings in time order. */
export function distanceWindows(
  readings: OdometerReadingAt[],
  months: Array<Stretch & { key: string }>,
): DistanceWindow[] {
  const byVehicle = new Map<string, OdometerReadingAt[]>();
  for (const r of [...readings].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    byVehicle.set(r.vehicleId, [...(byVehicle.get(r.vehicleId) ?? []), r]);
  }
  const windows: DistanceWindow[] = [];
  for (const [vehicleId, own] of byVehicle) {
    for (const month of months) {
      const start = month.start?.getTime() ?? -Infinity;
      const end = month.end?.getTime() ?? Infinity;
      const inside = own.filter((r) => r.at.getTime() >= start && r.at.getTime() < end);
      if (inside.length === 0) continue;
      const before = own.filter((r) => r.at.getTime() < start).at(-1);
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

/** Per month and vehicle (distanceKey), the distance and the cost of the charging over it. */
export async function vehicleDistances(
  raw: Raw,
  fleetIds: string[],
  period: Period,
  months: Array<Stretch & { key: string }>,
): Promise<Map<string, VehicleDistance>> {
  const fleets = Prisma.join(fleetIds);
  // The readings in the period, and each vehicle's last one before it.
  const rows = await raw.$queryRaw<Array<{ vehicle_id: string; at: Date; km: number }>>(Prisma.sql`
    SELECT s."vehicleId" AS vehicle_id, s."startTime" AS at, s."odometerKm" AS km
    FROM "ChargingSession" s
    WHERE s."fleetId" IN (${fleets}) AND s."vehicleId" IS NOT NULL AND s."odometerKm" IS NOT NULL
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
  const measured = windows.filter((w) => w.from && w.to && w.to.km > w.from.km);
  for (const w of windows) {
    result.set(distanceKey(w.month, w.vehicleId), {
      readings: w.readings,
      distanceKm: w.from && w.to && w.to.km > w.from.km ? w.to.km - w.from.km : null,
      costByCurrency: new Map(),
    });
  }
  if (measured.length === 0) return result;
  const costs = await raw.$queryRaw<Array<{ n: bigint; currency: string; incl: bigint }>>(Prisma.sql`
    SELECT w.n, upper(s.currency) AS currency, sum(s."priceInclVatMinor")::bigint AS incl
    FROM unnest(
      ${measured.map((w) => w.vehicleId)}::text[],
      ${measured.map((w) => utc(w.from!.at))}::timestamp(3)[],
      ${measured.map((w) => utc(w.to!.at))}::timestamp(3)[]
    ) WITH ORDINALITY AS w(vehicle_id, from_at, to_at, n)
    JOIN "ChargingSession" s ON s."vehicleId" = w.vehicle_id AND s."startTime" > w.from_at AND s."startTime" <= w.to_at
    WHERE s."fleetId" IN (${fleets}) AND s."priceInclVatMinor" IS NOT NULL AND s.currency IS NOT NULL
    GROUP BY 1, 2`);
  for (const c of costs) {
    const w = measured[Number(c.n) - 1];
    result.get(distanceKey(w.month, w.vehicleId))!.costByCurrency.set(c.currency, Number(c.incl));
  }
  return result;
}
