// Pulls charging costs from the providers into ChargingSession: Plugsurfing session history per driver
// (incremental, resumable page by page), completed Petit Monde bookings and DepotFinity transactions.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ChargingTransaction, ProviderBooking } from "@/lib/domain";
import type { SessionHistoryCapable } from "@/lib/providers/types";
import {
  providerKeyIdOf,
  rowFromDepotTransaction,
  rowFromPetitMondeBooking,
  rowFromPlugsurfingSession,
} from "./session-row";
import { upsertSessions } from "./upsert-sessions";

type Db = Pick<
  PrismaClient,
  "$transaction" | "$executeRaw" | "syncCursor" | "providerIdentity" | "membership" | "booking" | "chargingKey"
>;

export type SyncMode = "incremental" | "full";

/**
 * Sessions are listed by start time but only once complete, so a long session that started before the
 * last pull's newest one would be missed: each incremental pull re-reads this much before it.
 */
export const INCREMENTAL_OVERLAP_MS = 24 * 60 * 60 * 1000;

export interface DriverSyncResult {
  driverId: string;
  plugsurfingUserId: string;
  pages: number;
  received: number;
  changed: number;
  /** True when the pass started from a cursor left by an earlier, interrupted pass. */
  resumed: boolean;
}

export function sessionCursorKey(plugsurfingUserId: string, mode: SyncMode): string {
  return `plugsurfing-sessions:${mode}:${plugsurfingUserId}`;
}

interface DriverToSync {
  driverId: string;
  plugsurfingUserId: string;
  fleetId: string | null;
}

/** Every driver with a Plugsurfing user id, with the fleet their sessions are billed to. */
export async function driversWithPlugsurfingUsers(
  db: Db,
  filter: { fleetId?: string; driverId?: string } = {},
): Promise<DriverToSync[]> {
  const identities = await db.providerIdentity.findMany({
    where: { kind: "PLUGSURFING_USER_ID", ...(filter.driverId ? { userId: filter.driverId } : {}) },
    orderBy: { createdAt: "asc" },
  });
  const drivers: DriverToSync[] = [];
  for (const identity of identities) {
    const fleetId = await billingFleetOf(db, identity.userId);
    if (filter.fleetId && fleetId !== filter.fleetId) continue;
    drivers.push({ driverId: identity.userId, plugsurfingUserId: identity.value, fleetId });
  }
  return drivers;
}

/** The fleet a driver charges for: their first driver membership, else their first membership. */
async function billingFleetOf(db: Db, userId: string): Promise<string | null> {
  const memberships = await db.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return (memberships.find((m) => m.role === "DRIVER") ?? memberships[0])?.fleetId ?? null;
}

/**
 * One driver's history into ChargingSession. The cursor is saved in the same transaction as each
 * page's rows, so a failure between pages resumes at the next page and never loses or repeats work.
 */
export async function syncDriverSessions(
  db: Db,
  history: SessionHistoryCapable,
  driver: DriverToSync,
  options: { mode?: SyncMode; pageSize?: number; maxPages?: number; signal?: AbortSignal } = {},
): Promise<DriverSyncResult> {
  const mode = options.mode ?? "incremental";
  const key = sessionCursorKey(driver.plugsurfingUserId, mode);
  const saved = await db.syncCursor.findUnique({ where: { key } });
  const resumed = Boolean(saved?.cursor);
  // The start filter of this pass stays fixed until the pass ends, so a resumed cursor means the same query.
  const since =
    mode === "incremental" && saved?.lastStartTime
      ? new Date(saved.lastStartTime.getTime() - INCREMENTAL_OVERLAP_MS)
      : undefined;
  let cursor = saved?.cursor ?? undefined;
  const result: DriverSyncResult = {
    driverId: driver.driverId,
    plugsurfingUserId: driver.plugsurfingUserId,
    pages: 0,
    received: 0,
    changed: 0,
    resumed,
  };
  let newest = saved?.lastStartTime ?? null;

  try {
    for (let page = 0; page < (options.maxPages ?? 10_000); page++) {
      const answer = await history.sessionHistory(
        driver.plugsurfingUserId,
        { statuses: ["COMPLETE"], startTime: since, cursor, limit: options.pageSize ?? 100 },
        { signal: options.signal },
      );
      const keyIds = await localKeyIds(
        db,
        answer.sessions.flatMap((s) => providerKeyIdOf(s) ?? []),
      );
      const rows = answer.sessions.map((s) =>
        rowFromPlugsurfingSession(s, {
          fleetId: driver.fleetId,
          driverId: driver.driverId,
          chargingKeyId: keyIds.get(providerKeyIdOf(s) ?? ""),
        }),
      );
      for (const row of rows) if (!newest || row.startTime > newest) newest = row.startTime;
      const next = answer.cursor && answer.cursor !== cursor ? answer.cursor : undefined;
      const changed = await db.$transaction(async (tx) => {
        const count = await upsertSessions(tx, rows);
        await tx.syncCursor.upsert({
          where: { key },
          // lastStartTime moves only when the pass is complete: until then a resume must use the same filter.
          create: {
            key,
            cursor: next ?? null,
            lastStartTime: next ? null : newest,
            lastRunAt: new Date(),
            lastError: null,
          },
          update: next
            ? { cursor: next, lastRunAt: new Date(), lastError: null }
            : { cursor: null, lastStartTime: newest, lastRunAt: new Date(), lastError: null },
        });
        return count;
      });
      result.pages += 1;
      result.received += rows.length;
      result.changed += changed;
      if (!next) break;
      cursor = next;
    }
  } catch (error) {
    await db.syncCursor
      .upsert({
        where: { key },
        create: { key, cursor: cursor ?? null, lastRunAt: new Date(), lastError: errorText(error) },
        update: { lastRunAt: new Date(), lastError: errorText(error) },
      })
      .catch(() => undefined);
    throw error;
  }
  return result;
}

/** Provider key id → our ChargingKey id, for the keys the key sync has already seen. */
async function localKeyIds(db: Db, providerKeyIds: string[]): Promise<Map<string, string>> {
  if (providerKeyIds.length === 0) return new Map();
  const keys = await db.chargingKey.findMany({
    where: { provider: "PLUGSURFING", keyId: { in: [...new Set(providerKeyIds)] } },
    select: { id: true, keyId: true },
  });
  return new Map(keys.map((k) => [k.keyId, k.id]));
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export interface SessionSyncSummary {
  drivers: DriverSyncResult[];
  failures: Array<{ driverId: string; error: string }>;
}

/** Every driver in turn; one driver's failure does not stop the others (their cursor resumes next time). */
export async function syncAllPlugsurfingSessions(
  db: Db,
  history: SessionHistoryCapable,
  options: { mode?: SyncMode; fleetId?: string; driverId?: string; pageSize?: number; signal?: AbortSignal } = {},
): Promise<SessionSyncSummary> {
  const summary: SessionSyncSummary = { drivers: [], failures: [] };
  for (const driver of await driversWithPlugsurfingUsers(db, {
    fleetId: options.fleetId,
    driverId: options.driverId,
  })) {
    try {
      summary.drivers.push(await syncDriverSessions(db, history, driver, options));
    } catch (error) {
      summary.failures.push({ driverId: driver.driverId, error: errorText(error) });
    }
  }
  return summary;
}

/** Completed Petit Monde bookings: what the provider lists, in the sense of the provider. */
export interface CompletedBookingsSource {
  listBookings(filter: {
    status?: Array<ProviderBooking["status"]>;
    from?: Date;
    to?: Date;
    limit?: number;
  }): Promise<ProviderBooking[]>;
}

/**
 * Completed Petit Monde bookings become cost rows, linked to the local booking (fleet, driver) where
 * the dashboard made it. The cursor remembers the newest window start seen.
 */
export async function syncCompletedBookings(
  db: Db,
  source: CompletedBookingsSource,
): Promise<{ received: number; changed: number }> {
  const key = "petitmonde-completed-bookings";
  const saved = await db.syncCursor.findUnique({ where: { key } });
  const from = saved?.lastStartTime ? new Date(saved.lastStartTime.getTime() - INCREMENTAL_OVERLAP_MS) : undefined;
  const bookings = (await source.listBookings({ status: ["COMPLETED", "NO_SHOW"], from, limit: 1000 })).filter(
    (b) => b.status === "COMPLETED" || (b.status === "NO_SHOW" && b.fee),
  );
  const local = await db.booking.findMany({
    where: {
      provider: "PETITMONDE",
      OR: [
        { providerBookingId: { in: bookings.map((b) => b.id) } },
        { externalId: { in: bookings.flatMap((b) => (b.externalId ? [b.externalId] : [])) } },
      ],
    },
    select: { id: true, providerBookingId: true, externalId: true, fleetId: true, assignedDriverId: true },
  });
  const rows = bookings.map((booking) => {
    const match = local.find(
      (l) => l.providerBookingId === booking.id || (booking.externalId && l.externalId === booking.externalId),
    );
    // A no-show is charged its fee, not a charge.
    const priced = booking.status === "NO_SHOW" ? { ...booking, price: booking.fee } : booking;
    return rowFromPetitMondeBooking(priced, {
      fleetId: match?.fleetId ?? null,
      driverId: match?.assignedDriverId ?? null,
      bookingId: match?.id ?? null,
    });
  });
  let newest = saved?.lastStartTime ?? null;
  for (const row of rows) if (!newest || row.startTime > newest) newest = row.startTime;
  const changed = await db.$transaction(async (tx) => {
    const count = await upsertSessions(tx, rows);
    await tx.syncCursor.upsert({
      where: { key },
      create: { key, lastStartTime: newest, lastRunAt: new Date() },
      update: { lastStartTime: newest, lastRunAt: new Date(), lastError: null },
    });
    return count;
  });
  return { received: rows.length, changed };
}

/** DepotFinity transactions, page by page (1-based pages). */
export interface TransactionsSource {
  transactions(query: {
    from?: Date;
    page: number;
    limit: number;
  }): Promise<{ transactions: ChargingTransaction[]; total?: number }>;
}

/** Depot transactions are attributed to the driver whose RFID authorised them. */
export async function syncDepotTransactions(
  db: Db,
  source: TransactionsSource,
  options: { limit?: number; maxPages?: number } = {},
): Promise<{ received: number; changed: number }> {
  const key = "depotfinity-transactions";
  const saved = await db.syncCursor.findUnique({ where: { key } });
  const from = saved?.lastStartTime ? new Date(saved.lastStartTime.getTime() - INCREMENTAL_OVERLAP_MS) : undefined;
  const limit = options.limit ?? 100;
  const rfids = await db.providerIdentity.findMany({ where: { kind: "DEPOT_RFID" } });
  const owners = new Map<string, { driverId: string; fleetId: string | null }>();
  for (const rfid of rfids)
    owners.set(rfid.value.toUpperCase(), { driverId: rfid.userId, fleetId: await billingFleetOf(db, rfid.userId) });
  let received = 0;
  let changed = 0;
  let newest = saved?.lastStartTime ?? null;
  for (let page = 1; page <= (options.maxPages ?? 1000); page++) {
    const { transactions, total } = await source.transactions({ from, page, limit });
    const rows = transactions.map((t) => {
      const owner = owners.get((t.authorizationValue ?? "").toUpperCase());
      return rowFromDepotTransaction(t, { driverId: owner?.driverId ?? null, fleetId: owner?.fleetId ?? null });
    });
    for (const row of rows) if (!newest || row.startTime > newest) newest = row.startTime;
    changed += await upsertSessions(db, rows);
    received += rows.length;
    if (transactions.length < limit || (total !== undefined && page * limit >= total)) break;
  }
  await db.syncCursor.upsert({
    where: { key },
    create: { key, lastStartTime: newest, lastRunAt: new Date() },
    update: { lastStartTime: newest, lastRunAt: new Date(), lastError: null },
  });
  return { received, changed };
}
