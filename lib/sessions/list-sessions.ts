// The session history of a fleet (or of one driver), filtered and paged in PostgreSQL with its totals over every
// page (from the sessions' rollup where the filters allow), and one session's detail.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import { isTimeZone } from "@/lib/format/reader";
import { periodInZone } from "@/lib/reports/period";
import type { ListSessionsInput, SessionFilters } from "./schemas";
import { type RollupFilters, rolledUpSums } from "./session-rollup";
import { RUNNING_SESSION_STATUSES } from "./session-status";

export const RUNNING_STATUSES: string[] = [...RUNNING_SESSION_STATUSES];

export interface SessionListRow {
  id: string;
  source: string;
  providerSessionId: string;
  status: string;
  balanceStatus: string | null;
  startTime: string;
  endTime: string | null;
  durationSeconds: number | null;
  energyWh: number | null;
  priceExclVatMinor: number | null;
  priceInclVatMinor: number | null;
  vatRateBasisPoints: number | null;
  currency: string | null;
  chargerName: string | null;
  evseId: string | null;
  operatorName: string | null;
  country: string | null;
  driverId: string | null;
  driverName: string | null;
  keyLabel: string | null;
  vehicleId: string | null;
  /** The vehicle's plate, and its name after it where it has one. */
  vehicleLabel: string | null;
  odometerKm: number | null;
  paymentMethod: string | null;
  receiptAvailable: boolean;
  site: string | null;
}

/** What the sessions matching the filters add up to, across all pages. */
export interface SessionTotals {
  sessions: number;
  energyWh: number;
  /** Priced sessions per currency, most sessions first: amounts in different currencies are never added. */
  costs: Array<{ currency: string; sessions: number; inclVatMinor: number }>;
  /** Sessions without a price or a currency (a failed start, one still running): counted, never as money. */
  unpriced: number;
}

/** A DRIVER sees only their own sessions, whatever the filter says. */
export function sessionWhere(filters: SessionFilters, onlyDriverId?: string): Prisma.ChargingSessionWhereInput {
  const where: Prisma.ChargingSessionWhereInput = { fleetId: filters.fleetId };
  if (onlyDriverId) where.driverId = onlyDriverId;
  else if (filters.driverId) where.driverId = filters.driverId === "none" ? null : filters.driverId;
  if (filters.status) where.status = filters.status;
  if (filters.keyId) where.chargingKeyId = filters.keyId;
  if (filters.operator) where.operatorName = filters.operator;
  if (filters.country) where.country = filters.country.toUpperCase();
  if (filters.source) where.source = filters.source;
  if (filters.from || filters.to) {
    const period = periodInZone(filters.from ?? "1970-01-01", filters.to ?? "9999-12-30", safeZone(filters.timeZone));
    where.startTime = { ...(filters.from ? { gte: period.start } : {}), ...(filters.to ? { lt: period.end } : {}) };
  }
  return where;
}

function safeZone(zone: string): string {
  return isTimeZone(zone) ? zone : "UTC";
}

type SessionWithRelations = Prisma.ChargingSessionGetPayload<object>;

async function toRows(sessions: SessionWithRelations[]): Promise<SessionListRow[]> {
  const driverIds = [...new Set(sessions.flatMap((s) => (s.driverId ? [s.driverId] : [])))];
  const keyIds = [...new Set(sessions.flatMap((s) => (s.chargingKeyId ? [s.chargingKeyId] : [])))];
  const vehicleIds = [...new Set(sessions.flatMap((s) => (s.vehicleId ? [s.vehicleId] : [])))];
  const [drivers, keys, vehicles] = await Promise.all([
    db.user.findMany({ where: { id: { in: driverIds } }, select: { id: true, name: true } }),
    keyIds.length
      ? db.chargingKey.findMany({
          where: { id: { in: keyIds } },
          select: { id: true, name: true, visualNumber: true, keyId: true },
        })
      : [],
    vehicleIds.length
      ? db.vehicle.findMany({ where: { id: { in: vehicleIds } }, select: { id: true, plate: true, name: true } })
      : [],
  ]);
  const vehicleLabels = new Map(vehicles.map((v) => [v.id, v.name ? `${v.plate} · ${v.name}` : v.plate]));
  const driverNames = new Map(drivers.map((d) => [d.id, d.name]));
  const keyLabels = new Map(keys.map((k) => [k.id, k.name ?? k.visualNumber ?? k.keyId]));
  return sessions.map((s) => ({
    id: s.id,
    source: s.source,
    providerSessionId: s.providerSessionId,
    status: s.status,
    balanceStatus: s.balanceStatus,
    startTime: s.startTime.toISOString(),
    endTime: s.endTime?.toISOString() ?? null,
    durationSeconds: s.durationSeconds,
    energyWh: s.energyWh,
    priceExclVatMinor: s.priceExclVatMinor,
    priceInclVatMinor: s.priceInclVatMinor,
    vatRateBasisPoints: s.vatRateBasisPoints,
    currency: s.currency,
    chargerName: s.chargerName,
    evseId: s.evseId,
    operatorName: s.operatorName,
    country: s.country,
    driverId: s.driverId,
    driverName: s.driverId ? (driverNames.get(s.driverId) ?? null) : null,
    keyLabel: s.chargingKeyId ? (keyLabels.get(s.chargingKeyId) ?? null) : null,
    vehicleId: s.vehicleId,
    vehicleLabel: s.vehicleId ? (vehicleLabels.get(s.vehicleId) ?? null) : null,
    odometerKm: s.odometerKm,
    paymentMethod: s.paymentMethod,
    receiptAvailable: s.receiptAvailable,
    site: s.site,
  }));
}

/** Providers may write "eur" or "EUR": one currency either way; most sessions first. */
function totalsOf(
  all: { sessions: number; energyWh: number },
  priced: Array<{ currency: string; sessions: number; inclVatMinor: number }>,
): SessionTotals {
  const byCurrency = new Map<string, { currency: string; sessions: number; inclVatMinor: number }>();
  for (const group of priced) {
    const currency = group.currency.toUpperCase();
    const cost = byCurrency.get(currency) ?? { currency, sessions: 0, inclVatMinor: 0 };
    cost.sessions += group.sessions;
    cost.inclVatMinor += group.inclVatMinor;
    byCurrency.set(currency, cost);
  }
  const costs = [...byCurrency.values()].sort(
    (a, b) => b.sessions - a.sessions || a.currency.localeCompare(b.currency),
  );
  const pricedSessions = costs.reduce((n, c) => n + c.sessions, 0);
  return { sessions: all.sessions, energyWh: all.energyWh, costs, unpriced: all.sessions - pricedSessions };
}

/** The totals counted over the sessions themselves: any filter, a driver's or a key's included. */
export async function sessionTotalsFromSessions(where: Prisma.ChargingSessionWhereInput): Promise<SessionTotals> {
  const [all, priced] = await Promise.all([
    db.chargingSession.aggregate({ where, _count: { _all: true }, _sum: { energyWh: true } }),
    db.chargingSession.groupBy({
      by: ["currency"],
      where: { AND: [where, { priceInclVatMinor: { not: null }, currency: { not: null } }] },
      _count: { _all: true },
      _sum: { priceInclVatMinor: true },
    }),
  ]);
  return totalsOf(
    { sessions: all._count._all, energyWh: all._sum.energyWh ?? 0 },
    priced.map((g) => ({
      currency: g.currency!,
      sessions: g._count._all,
      inclVatMinor: g._sum.priceInclVatMinor ?? 0,
    })),
  );
}

/**
 * The totals from the sessions' rollup, where it keeps what the filters ask (not a driver or a key): whole UTC
 * months and days from there, the hours at the range's edges from the sessions. Null where it cannot answer.
 */
async function sessionTotalsFromRollup(where: Prisma.ChargingSessionWhereInput): Promise<SessionTotals | null> {
  const { fleetId, status, operatorName, country, source, startTime, ...rest } = where;
  if (Object.keys(rest).length || typeof fleetId !== "string") return null;
  const filters: RollupFilters = {
    status: status as string | undefined,
    operatorName: operatorName as string | undefined,
    country: country as string | undefined,
    source: source as string | undefined,
  };
  const range = (startTime ?? {}) as { gte?: Date; lt?: Date };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const rows = await db.$queryRaw<
    Array<{ currency: string | null; sessions: bigint; energy_wh: bigint | null; incl: bigint | null }>
  >(
    Prisma.sql`SELECT currency, sessions, energy_wh, incl FROM (${rolledUpSums({
      kind: filtered ? "filter" : "total",
      fleetIds: [fleetId],
      segments: [{ key: null, start: range.gte ?? null, end: range.lt ?? null }],
      filters,
    })}) g`,
  );
  return totalsOf(
    {
      sessions: rows.reduce((n, r) => n + Number(r.sessions), 0),
      energyWh: rows.reduce((n, r) => n + Number(r.energy_wh ?? 0), 0),
    },
    rows.flatMap((r) =>
      r.currency === null
        ? []
        : [{ currency: r.currency, sessions: Number(r.sessions), inclVatMinor: Number(r.incl ?? 0) }],
    ),
  );
}

/** What the filtered sessions add up to, over every page. */
export async function sessionTotals(where: Prisma.ChargingSessionWhereInput): Promise<SessionTotals> {
  return (await sessionTotalsFromRollup(where)) ?? sessionTotalsFromSessions(where);
}

/** Pages up to this many rows deep are read with OFFSET from the newest; deeper ones may be read from the oldest. */
const SHALLOW_OFFSET = 2_000;

export async function listSessions(input: ListSessionsInput, onlyDriverId?: string, shallowOffset = SHALLOW_OFFSET) {
  const where = sessionWhere(input, onlyDriverId);
  const skip = (input.page - 1) * input.pageSize;
  const newestFirst = (offset: number, take: number) =>
    db.chargingSession.findMany({ where, orderBy: [{ startTime: "desc" }, { id: "asc" }], skip: offset, take });
  // The totals first (the rollup answers them in a few milliseconds): no page is read past the last session.
  const totals = await sessionTotals(where);
  const take = Math.max(0, Math.min(input.pageSize, totals.sessions - skip));
  const fromEnd = totals.sessions - skip - take;
  let sessions: SessionWithRelations[];
  if (take === 0) sessions = [];
  else if (skip <= shallowOffset) sessions = await newestFirst(skip, input.pageSize);
  else if (fromEnd >= skip) sessions = await newestFirst(skip, take);
  else {
    // A deep page (the last one, say) is near the end: counted from there, in reverse order, the offset is small.
    const oldestFirst = await db.chargingSession.findMany({
      where,
      orderBy: [{ startTime: "asc" }, { id: "desc" }],
      skip: fromEnd,
      take,
    });
    sessions = oldestFirst.reverse();
  }
  return { rows: await toRows(sessions), total: totals.sessions, totals, page: input.page, pageSize: input.pageSize };
}

export async function listRunningSessions(fleetId: string, onlyDriverId?: string): Promise<SessionListRow[]> {
  const sessions = await db.chargingSession.findMany({
    where: {
      fleetId,
      status: { in: RUNNING_STATUSES },
      ...(onlyDriverId ? { driverId: onlyDriverId } : {}),
      startTime: { gte: new Date(Date.now() - 2 * 86_400_000) },
    },
    orderBy: { startTime: "desc" },
  });
  return toRows(sessions);
}

export async function getSessionOrThrow(
  fleetId: string,
  sessionId: string,
  onlyDriverId?: string,
): Promise<SessionListRow> {
  const session = await db.chargingSession.findFirst({
    where: { id: sessionId, fleetId, ...(onlyDriverId ? { driverId: onlyDriverId } : {}) },
  });
  if (!session) throw new DomainError("NOT_FOUND", text("sessions.notFound"));
  return (await toRows([session]))[0];
}

/** Values for the history's filter menus. */
export async function sessionFilterOptions(fleetId: string, onlyDriverId?: string) {
  const where = { fleetId, ...(onlyDriverId ? { driverId: onlyDriverId } : {}) };
  const [statuses, operators, countries] = await Promise.all([
    db.chargingSession.findMany({ where, distinct: ["status"], select: { status: true }, orderBy: { status: "asc" } }),
    db.chargingSession.findMany({
      where: { ...where, operatorName: { not: null } },
      distinct: ["operatorName"],
      select: { operatorName: true },
      orderBy: { operatorName: "asc" },
    }),
    db.chargingSession.findMany({
      where: { ...where, country: { not: null } },
      distinct: ["country"],
      select: { country: true },
      orderBy: { country: "asc" },
    }),
  ]);
  return {
    statuses: statuses.map((s) => s.status),
    operators: operators.flatMap((o) => (o.operatorName ? [o.operatorName] : [])),
    countries: countries.flatMap((c) => (c.country ? [c.country] : [])),
  };
}
