// Pulls charging sessions and their costs into ChargingSession from every provider with the session-source
// port: per driver for a source listed per user, once for the account otherwise; incremental and resumable
// page by page.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { checkSyncedSessions } from "@/lib/alerts/session-alerts";
import { PROVIDER_FEATURES, type ProviderName, type SessionRecord } from "@/lib/domain";
import { checkSessionPolicies } from "@/lib/policies/enforce";
import type { SessionSourceCapable } from "@/lib/providers/types";
import { rowFromRecord, type SessionOwner, type SessionRow } from "./session-row";
import { upsertSessions } from "./upsert-sessions";

type Db = Pick<
  PrismaClient,
  "$transaction" | "$executeRaw" | "syncCursor" | "providerIdentity" | "membership" | "booking" | "chargingKey"
>;

export type SyncMode = "incremental" | "full";

/** A provider's session source, as the sync uses it. */
export type SessionSourceAdapter = SessionSourceCapable & { readonly name: ProviderName };

/**
 * Sessions are listed by start time but only once complete, so a long session that started before the
 * last pull's newest one would be missed: each incremental pull re-reads this much before it.
 */
export const INCREMENTAL_OVERLAP_MS = 24 * 60 * 60 * 1000;

export interface PassResult {
  provider: ProviderName;
  /** The driver of a per-driver pass; absent for an account-wide one. */
  driverId?: string;
  providerUserId?: string;
  pages: number;
  received: number;
  changed: number;
  /** True when the pass started from a cursor left by an earlier, interrupted pass. */
  resumed: boolean;
}

export interface SourceDriver {
  driverId: string;
  /** The driver's id at the provider (their identity of the provider's driverIdentity kind). */
  providerUserId: string;
  fleetId: string | null;
}

export function sessionCursorKey(provider: ProviderName, mode: SyncMode, providerUserId?: string): string {
  const base = `${provider.toLowerCase()}-sessions:${mode}`;
  return providerUserId === undefined ? base : `${base}:${providerUserId}`;
}

/** Every driver known to the provider, with the fleet their sessions are billed to. */
export async function driversOf(
  db: Db,
  provider: ProviderName,
  filter: { fleetId?: string; driverId?: string } = {},
): Promise<SourceDriver[]> {
  const identities = await db.providerIdentity.findMany({
    where: {
      kind: PROVIDER_FEATURES[provider].driverIdentity,
      ...(filter.driverId ? { userId: filter.driverId } : {}),
    },
    orderBy: { createdAt: "asc" },
  });
  const drivers: SourceDriver[] = [];
  for (const identity of identities) {
    const fleetId = await billingFleetOf(db, identity.userId);
    if (filter.fleetId && fleetId !== filter.fleetId) continue;
    drivers.push({ driverId: identity.userId, providerUserId: identity.value, fleetId });
  }
  return drivers;
}

/** The fleet a driver charges for: their first driver membership, else their first membership. */
async function billingFleetOf(db: Db, userId: string): Promise<string | null> {
  const memberships = await db.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return (memberships.find((m) => m.role === "DRIVER") ?? memberships[0])?.fleetId ?? null;
}

interface PassOptions {
  mode?: SyncMode;
  pageSize?: number;
  maxPages?: number;
  signal?: AbortSignal;
}

/** One driver's sessions of a per-driver source. */
export function syncDriverSessions(
  db: Db,
  source: SessionSourceAdapter,
  driver: SourceDriver,
  options: PassOptions = {},
): Promise<PassResult> {
  return runPass(db, source, { userId: driver.providerUserId, owner: driver }, options);
}

/** The sessions of an account-wide source. */
export function syncAccountSessions(
  db: Db,
  source: SessionSourceAdapter,
  options: PassOptions = {},
): Promise<PassResult> {
  return runPass(db, source, {}, options);
}

/**
 * One pass into ChargingSession. The cursor is saved in the same transaction as each page's rows, so a
 * failure between pages resumes at the next page and never loses or repeats work.
 */
async function runPass(
  db: Db,
  source: SessionSourceAdapter,
  pass: { userId?: string; owner?: SourceDriver },
  options: PassOptions,
): Promise<PassResult> {
  const mode = options.mode ?? "incremental";
  const key = sessionCursorKey(source.name, mode, pass.userId);
  const saved = await db.syncCursor.findUnique({ where: { key } });
  const resumed = Boolean(saved?.cursor);
  // The start filter of this pass stays fixed until the pass ends, so a resumed cursor means the same query.
  const since =
    mode === "incremental" && saved?.lastStartTime
      ? new Date(saved.lastStartTime.getTime() - INCREMENTAL_OVERLAP_MS)
      : undefined;
  let cursor = saved?.cursor ?? undefined;
  const result: PassResult = {
    provider: source.name,
    ...(pass.owner ? { driverId: pass.owner.driverId, providerUserId: pass.owner.providerUserId } : {}),
    pages: 0,
    received: 0,
    changed: 0,
    resumed,
  };
  let newest = saved?.lastStartTime ?? null;

  try {
    for (let page = 0; page < (options.maxPages ?? 10_000); page++) {
      const answer = await source.completedSessions(
        { userId: pass.userId, since, cursor, limit: options.pageSize ?? 100 },
        { signal: options.signal },
      );
      const rows = await rowsOf(db, source.name, answer.sessions, pass.owner);
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
      // What the sessions written say about the fleet: costs far above their estimate, broken spending policies.
      await checkSyncedSessions(rows);
      await checkSessionPolicies(rows);
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

/**
 * Records → rows, their provider ids resolved to ours: a booking the dashboard made names the fleet and
 * driver; otherwise the pass's driver, else whoever holds the identity the charge was authorised with.
 */
async function rowsOf(
  db: Db,
  provider: ProviderName,
  records: SessionRecord[],
  driver?: SourceDriver,
): Promise<SessionRow[]> {
  const keyIds = await localKeyIds(
    db,
    provider,
    records.flatMap((r) => r.attribution.keyId ?? []),
  );
  const bookings = await localBookings(
    db,
    provider,
    records.flatMap((r) => r.attribution.booking ?? []),
  );
  const holders = await identityHolders(
    db,
    provider,
    records.flatMap((r) => r.attribution.driverIdentity ?? []),
  );
  return records.map((record) => {
    const { keyId, booking, driverIdentity } = record.attribution;
    const local = booking
      ? bookings.find(
          (b) =>
            b.providerBookingId === booking.providerBookingId ||
            (booking.externalId !== undefined && b.externalId === booking.externalId),
        )
      : undefined;
    const holder = driverIdentity ? holders.get(driverIdentity.toUpperCase()) : undefined;
    const owner: SessionOwner = local
      ? { fleetId: local.fleetId, driverId: local.assignedDriverId, bookingId: local.id }
      : (driver ?? holder ?? { fleetId: null, driverId: null });
    return rowFromRecord(record, { ...owner, chargingKeyId: keyIds.get(keyId ?? "") ?? null });
  });
}

/**
 * Sessions a provider's booking reports stand for (see BookingsCapable.sessionOf), recorded the moment the
 * reconciler sees the bookings end, as a pull would record them: the pull that finds them later changes nothing.
 */
export async function recordSessionsOfBookings(
  db: Db,
  provider: ProviderName,
  records: SessionRecord[],
): Promise<number> {
  if (records.length === 0) return 0;
  const rows = await rowsOf(db, provider, records);
  const changed = await db.$transaction((tx) => upsertSessions(tx, rows));
  await checkSyncedSessions(rows);
  await checkSessionPolicies(rows);
  return changed;
}

/** Provider key id → our ChargingKey id, for the keys the key sync has already seen. */
async function localKeyIds(db: Db, provider: ProviderName, providerKeyIds: string[]): Promise<Map<string, string>> {
  if (providerKeyIds.length === 0) return new Map();
  const keys = await db.chargingKey.findMany({
    where: { provider, keyId: { in: [...new Set(providerKeyIds)] } },
    select: { id: true, keyId: true },
  });
  return new Map(keys.map((k) => [k.keyId, k.id]));
}

async function localBookings(
  db: Db,
  provider: ProviderName,
  refs: Array<{ providerBookingId: string; externalId?: string }>,
) {
  if (refs.length === 0) return [];
  return db.booking.findMany({
    where: {
      provider,
      OR: [
        { providerBookingId: { in: refs.map((r) => r.providerBookingId) } },
        { externalId: { in: refs.flatMap((r) => (r.externalId ? [r.externalId] : [])) } },
      ],
    },
    select: { id: true, providerBookingId: true, externalId: true, fleetId: true, assignedDriverId: true },
  });
}

/** Identity value (upper case: RFID values come in either case) → the driver holding it and their fleet. */
async function identityHolders(
  db: Db,
  provider: ProviderName,
  values: string[],
): Promise<Map<string, { driverId: string; fleetId: string | null }>> {
  const holders = new Map<string, { driverId: string; fleetId: string | null }>();
  if (values.length === 0) return holders;
  const wanted = new Set(values.map((v) => v.toUpperCase()));
  const identities = await db.providerIdentity.findMany({
    where: { kind: PROVIDER_FEATURES[provider].driverIdentity },
  });
  for (const identity of identities) {
    const value = identity.value.toUpperCase();
    if (!wanted.has(value) || holders.has(value)) continue;
    holders.set(value, { driverId: identity.userId, fleetId: await billingFleetOf(db, identity.userId) });
  }
  return holders;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export interface SourceSyncSummary {
  provider: ProviderName;
  passes: PassResult[];
  failures: Array<{ provider: ProviderName; driverId?: string; error: string }>;
}

/** An account source with a tight quota whose last incremental pull is younger than its interval. */
async function pulledRecently(db: Db, source: SessionSourceAdapter, mode: SyncMode): Promise<boolean> {
  if (mode !== "incremental" || !source.incrementalSyncMinutes) return false;
  const saved = await db.syncCursor.findUnique({ where: { key: sessionCursorKey(source.name, mode) } });
  // A pass that stopped between pages (a cursor left) resumes at once.
  if (!saved?.lastRunAt || saved.cursor || saved.lastError) return false;
  return Date.now() - saved.lastRunAt.getTime() < source.incrementalSyncMinutes * 60_000;
}

/**
 * One source: each of its drivers in turn, or its account once. One failure does not stop the others (its
 * cursor resumes next time). An account-wide source is skipped by a per-fleet or per-driver refresh.
 */
export async function syncSessionSource(
  db: Db,
  source: SessionSourceAdapter,
  options: PassOptions & { fleetId?: string; driverId?: string } = {},
): Promise<SourceSyncSummary> {
  const summary: SourceSyncSummary = { provider: source.name, passes: [], failures: [] };
  if (source.sessionScope === "account") {
    if (options.fleetId || options.driverId) return summary;
    if (await pulledRecently(db, source, options.mode ?? "incremental")) return summary;
    try {
      summary.passes.push(await syncAccountSessions(db, source, options));
    } catch (error) {
      summary.failures.push({ provider: source.name, error: errorText(error) });
    }
    return summary;
  }
  for (const driver of await driversOf(db, source.name, { fleetId: options.fleetId, driverId: options.driverId })) {
    try {
      summary.passes.push(await syncDriverSessions(db, source, driver, options));
    } catch (error) {
      summary.failures.push({ provider: source.name, driverId: driver.driverId, error: errorText(error) });
    }
  }
  return summary;
}
