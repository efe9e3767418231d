// Sums of sessions over a range, read from the rollup that triggers keep per fleet and UTC month and day
// (table "ChargingSessionRollup", migrations 20261203070000_charging_session_rollup and
// 20261203110000_session_vehicle_odometer) for the whole years, quarters,
// months and days inside the range, and from the sessions themselves for the hours at its edges. The figures are the very sums
// the sessions give: a sum over no value is NULL, a group without sessions is left out.
import "server-only";
import { Prisma } from "@/generated/prisma/client";

export type RollupKind = "total" | "filter" | "driver" | "vehicle";
type Grain = "year" | "quarter" | "month" | "day";

/** Which grains each kind of rollup row is kept at, coarsest first; a driver's day is about one session. */
const GRAINS: Record<RollupKind, Grain[]> = {
  total: ["month", "day"],
  filter: ["month", "day"],
  driver: ["year", "quarter", "month"],
  // Per month and day: a reader's month in another time zone is whole UTC days and a few hours at its edges.
  vehicle: ["month", "day"],
};

/** A stretch of time, start inclusive, end exclusive; null is unbounded. */
export interface Stretch {
  start: Date | null;
  end: Date | null;
}

/**
 * A part of a stretch: whole UTC years, quarters, months or days of the rollup, or the sessions themselves, added
 * (sign 1) or taken away (sign -1). A stretch that ends two hours before a month's end is read as the month minus
 * those two hours of sessions, not as the month's days or sessions.
 */
export interface Part extends Stretch {
  grain: Grain | "raw";
  sign: 1 | -1;
}

/** The start of the grain's unit that holds `at`, and of the next one (UTC, as date_trunc on the column). */
function unitOf(grain: Grain, at: Date): { start: Date; next: Date } {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (grain) {
    case "year":
      return { start: new Date(Date.UTC(y, 0, 1)), next: new Date(Date.UTC(y + 1, 0, 1)) };
    case "quarter":
      return { start: new Date(Date.UTC(y, m - (m % 3), 1)), next: new Date(Date.UTC(y, m - (m % 3) + 3, 1)) };
    case "month":
      return { start: new Date(Date.UTC(y, m, 1)), next: new Date(Date.UTC(y, m + 1, 1)) };
    case "day":
      return { start: new Date(Date.UTC(y, m, d)), next: new Date(Date.UTC(y, m, d + 1)) };
    default: {
      const unknown: never = grain;
      throw new Error(`unknown grain ${String(unknown)}`);
    }
  }
}

/** The unit boundaries on either side of `at` (one, if it is a boundary); an unbounded end stays unbounded. */
function boundariesAround(grain: Grain, at: Date | null): Array<Date | null> {
  if (at === null) return [null];
  const { start, next } = unitOf(grain, at);
  return start.getTime() === at.getTime() ? [start] : [start, next];
}

const before = (a: Date | null, b: Date | null) => a === null || b === null || a.getTime() < b.getTime();

/** How far apart two bounds are, in milliseconds; two unbounded ends are the same place. */
const gap = (a: Date | null, b: Date | null) => (a === null || b === null ? 0 : Math.abs(a.getTime() - b.getTime()));

/** The stretch between `a` and `b`: added with `sign` when `a` is the earlier, taken away when it is the later. */
function between(a: Date | null, b: Date | null, grains: Grain[], sign: 1 | -1): Part[] {
  if (gap(a, b) === 0) return [];
  return before(a, b)
    ? rollupParts({ start: a, end: b }, grains, sign)
    : rollupParts({ start: b, end: a }, grains, -sign as 1 | -1);
}

/**
 * The stretch as whole units of the coarsest grain, then the finer ones, then the sessions themselves. At each grain
 * the whole units run from the boundary nearest the stretch's start to the one nearest its end (inside or outside
 * it), and the difference at each edge goes to the finer grains, added or taken away, so that the least time is left
 * over; where no unit is worth it, the stretch goes to the finer grains whole.
 */
export function rollupParts({ start, end }: Stretch, grains: Grain[], sign: 1 | -1 = 1): Part[] {
  if (!before(start, end)) return [];
  const [grain, ...finer] = grains;
  if (grain === undefined) return [{ grain: "raw", start, end, sign }];
  let best: { lo: Date | null; hi: Date | null; leftOver: number } | null = null;
  for (const lo of boundariesAround(grain, start)) {
    for (const hi of boundariesAround(grain, end)) {
      const leftOver = gap(start, lo) + gap(end, hi);
      if (before(lo, hi) && (best === null || leftOver < best.leftOver)) best = { lo, hi, leftOver };
    }
  }
  // Unbounded stretches always read whole units; a bounded one only when they leave less than it.
  if (best === null || (start !== null && end !== null && best.leftOver >= gap(start, end)))
    return rollupParts({ start, end }, finer, sign);
  return [
    ...between(start, best.lo, finer, sign),
    { grain, start: best.lo, end: best.hi, sign },
    ...between(best.hi, end, finer, sign),
  ];
}

/** A timestamp column's value: UTC, as the column stores it. */
const utc = (at: Date) => Prisma.sql`${at.toISOString().slice(0, 23)}::timestamp(3)`;

/** A column the sums are grouped by: as the rollup names it, and as an expression over the sessions `s`. */
export interface Dimension {
  name: string;
  rollup: Prisma.Sql;
  raw: Prisma.Sql;
}

export const ROLLUP_DIMENSIONS = {
  fleet: { name: "fleet_id", rollup: Prisma.sql`r."fleetId"`, raw: Prisma.sql`s."fleetId"` },
  driver: { name: "driver_id", rollup: Prisma.sql`r."driverId"`, raw: Prisma.sql`s."driverId"` },
  vehicle: { name: "vehicle_id", rollup: Prisma.sql`r."vehicleId"`, raw: Prisma.sql`s."vehicleId"` },
  operator: { name: "operator_name", rollup: Prisma.sql`r."operatorName"`, raw: Prisma.sql`s."operatorName"` },
} satisfies Record<string, Dimension>;

/** Equality filters on the columns the "filter" rows keep (the sessions' value, as it is stored). */
export interface RollupFilters {
  status?: string;
  source?: string;
  operatorName?: string;
  country?: string;
}

function filterConditions(alias: "r" | "s", filters: RollupFilters): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions: Prisma.Sql[] = [];
  if (filters.status !== undefined) conditions.push(Prisma.sql`${column("status")} = ${filters.status}`);
  if (filters.source !== undefined)
    conditions.push(Prisma.sql`${column("source")} = ${filters.source}::"SessionSource"`);
  if (filters.operatorName !== undefined)
    conditions.push(Prisma.sql`${column("operatorName")} = ${filters.operatorName}`);
  if (filters.country !== undefined) conditions.push(Prisma.sql`${column("country")} = ${filters.country}`);
  return conditions;
}

/** A session's money group: its currency in upper case when it has a price in one, else NULL (no price). */
const RAW_CURRENCY = Prisma.sql`CASE WHEN s."priceInclVatMinor" IS NOT NULL AND s.currency IS NOT NULL
  THEN upper(s.currency) END`;
const RAW_PRICED = Prisma.sql`(s."priceInclVatMinor" IS NOT NULL AND s."energyWh" > 0)`;

/** The parts as rows of a VALUES list: key, grain, start, end (unbounded ends as ±infinity) and sign. */
function partValues(parts: Array<Part & { key: string | null }>): Prisma.Sql {
  const bound = (at: Date | null, unbounded: string) => (at ? utc(at) : Prisma.sql`${unbounded}::timestamp(3)`);
  return Prisma.join(
    parts.map(
      (p) =>
        Prisma.sql`(${p.key}::text, ${p.grain}::text, ${bound(p.start, "-infinity")}, ${bound(p.end, "infinity")}, ${p.sign}::int)`,
    ),
  );
}

/**
 * Sums per segment key (null for a single segment), dimension and money group over the fleets' sessions in the
 * segments, as columns key, <dimension names>, currency, sessions, energy_wh, excl, incl, priced_energy_wh,
 * priced_incl: the same figures, NULLs included, as count(*), sum("energyWh"),
 * sum(COALESCE("priceExclVatMinor", "priceInclVatMinor")), sum("priceInclVatMinor") and the last two over the
 * sessions with a price and energy.
 */
export function rolledUpSums(options: {
  kind: RollupKind;
  fleetIds: string[];
  segments: Array<Stretch & { key: string | null }>;
  dimensions?: Dimension[];
  filters?: RollupFilters;
}): Prisma.Sql {
  const { kind, fleetIds, segments } = options;
  const dimensions = options.dimensions ?? [];
  const filters = options.filters ?? {};
  if (kind !== "filter" && Object.values(filters).some((v) => v !== undefined))
    throw new Error(`the ${kind} rollup keeps no filter columns`);
  const wholeParts: Array<Part & { key: string | null }> = [];
  const rawParts: Array<Part & { key: string | null }> = [];
  for (const segment of segments) {
    for (const part of rollupParts(segment, GRAINS[kind])) {
      (part.grain === "raw" ? rawParts : wholeParts).push({ ...part, key: segment.key });
    }
  }
  const fleets = Prisma.join(fleetIds);
  const names = dimensions.map((d) => Prisma.raw(d.name));
  // Two branches, each a list of parts joined to its table: every part is a range of the index, read by a nested
  // loop. The OFFSET 0 keeps the planner from merging a part's read into a join, which would read the ranges as one
  // filter; and a list of values cannot be split between parallel workers, whose start would cost more than the
  // read (a few thousand index entries).
  const branches: Prisma.Sql[] = [];
  if (wholeParts.length)
    branches.push(Prisma.sql`
      SELECT p.key,
        ${Prisma.join([...dimensions.map((d) => Prisma.sql`${d.rollup} AS ${Prisma.raw(d.name)}`), Prisma.sql`r.currency`])},
        p.sign * r.sessions::int AS sessions, p.sign * r."energyWh" AS energy, p.sign * r."energyCount"::int AS n_energy,
        p.sign * r."exclVatMinor" AS excl, p.sign * r."exclVatCount"::int AS n_excl,
        p.sign * r."inclVatMinor" AS incl, p.sign * r."inclVatCount"::int AS n_incl,
        p.sign * r."pricedEnergyWh" AS priced_energy, p.sign * r."pricedInclVatMinor" AS priced_incl,
        p.sign * r."pricedCount"::int AS n_priced
      FROM (VALUES ${partValues(wholeParts)}) AS p(key, grain, lo, hi, sign)
      CROSS JOIN LATERAL (
        SELECT * FROM "ChargingSessionRollup" r
        WHERE ${Prisma.join(
          [
            Prisma.sql`r."fleetId" IN (${fleets})`,
            Prisma.sql`r.kind = ${kind}`,
            Prisma.sql`r.grain = p.grain`,
            Prisma.sql`r.bucket >= p.lo AND r.bucket < p.hi`,
            ...filterConditions("r", filters),
          ],
          " AND ",
        )}
        OFFSET 0
      ) r`);
  if (rawParts.length)
    branches.push(Prisma.sql`
      SELECT p.key,
        ${Prisma.join([...dimensions.map((d) => Prisma.sql`${d.raw} AS ${Prisma.raw(d.name)}`), Prisma.sql`${RAW_CURRENCY} AS currency`])},
        p.sign AS sessions, p.sign * s."energyWh"::bigint AS energy, p.sign * (s."energyWh" IS NOT NULL)::int AS n_energy,
        p.sign * COALESCE(s."priceExclVatMinor", s."priceInclVatMinor")::bigint AS excl,
        p.sign * (COALESCE(s."priceExclVatMinor", s."priceInclVatMinor") IS NOT NULL)::int AS n_excl,
        p.sign * s."priceInclVatMinor"::bigint AS incl, p.sign * (s."priceInclVatMinor" IS NOT NULL)::int AS n_incl,
        p.sign * CASE WHEN ${RAW_PRICED} THEN s."energyWh"::bigint END AS priced_energy,
        p.sign * CASE WHEN ${RAW_PRICED} THEN s."priceInclVatMinor"::bigint END AS priced_incl,
        p.sign * ${RAW_PRICED}::int AS n_priced
      FROM (VALUES ${partValues(rawParts)}) AS p(key, grain, lo, hi, sign)
      CROSS JOIN LATERAL (
        SELECT * FROM "ChargingSession" s
        WHERE ${Prisma.join(
          [
            Prisma.sql`s."fleetId" IN (${fleets})`,
            Prisma.sql`s."startTime" >= p.lo AND s."startTime" < p.hi`,
            ...filterConditions("s", filters),
          ],
          " AND ",
        )}
        OFFSET 0
      ) s`);
  const groups = [Prisma.sql`key`, ...names, Prisma.sql`currency`];
  if (!branches.length) {
    // An empty range: no rows, with the columns the callers read.
    return Prisma.sql`SELECT NULL::text AS key, ${Prisma.join([
      ...names.map((n) => Prisma.sql`NULL::text AS ${n}`),
      Prisma.sql`NULL::text AS currency`,
    ])}, 0::bigint AS sessions, NULL::bigint AS energy_wh, NULL::bigint AS excl, NULL::bigint AS incl,
      NULL::bigint AS priced_energy_wh, NULL::bigint AS priced_incl WHERE FALSE`;
  }
  // Counts are summed as int (a bucket holds far fewer than 2^31 sessions), whose sums PostgreSQL keeps unboxed.
  return Prisma.sql`
    SELECT ${Prisma.join(groups)},
      sum(u.sessions)::bigint AS sessions,
      CASE WHEN sum(u.n_energy) > 0 THEN sum(u.energy)::bigint END AS energy_wh,
      CASE WHEN sum(u.n_excl) > 0 THEN sum(u.excl)::bigint END AS excl,
      CASE WHEN sum(u.n_incl) > 0 THEN sum(u.incl)::bigint END AS incl,
      CASE WHEN sum(u.n_priced) > 0 THEN sum(u.priced_energy)::bigint END AS priced_energy_wh,
      CASE WHEN sum(u.n_priced) > 0 THEN sum(u.priced_incl)::bigint END AS priced_incl
    FROM (${Prisma.join(branches, " UNION ALL ")}) u
    GROUP BY ${Prisma.join(groups)}
    HAVING sum(u.sessions) > 0`;
}
