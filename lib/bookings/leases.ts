// Database-held turns and leases, so that several app instances never do the same periodic work twice.
import "server-only";
import { db } from "@/lib/db";

/**
 * Takes the turn for `key` if the last turn began at least `everySeconds` ago; true for exactly one
 * caller per period, whichever instance asks. The database clock decides.
 */
export async function takeTurn(key: string, everySeconds: number): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<Array<{ key: string }>>(
    `INSERT INTO "SyncCursor" (key, "lastRunAt", "updatedAt") VALUES ($1, now(), now())
     ON CONFLICT (key) DO UPDATE SET "lastRunAt" = now(), "updatedAt" = now()
     WHERE "SyncCursor"."lastRunAt" IS NULL OR "SyncCursor"."lastRunAt" <= now() - make_interval(secs => $2::float8)
     RETURNING key`,
    key,
    everySeconds,
  );
  return rows.length === 1;
}

/**
 * Holds (or renews) a lease on `key` for `owner`; another owner gets it only once it has not been
 * renewed for `ttlSeconds` — a crashed holder loses it without anyone releasing it.
 */
export async function holdLease(key: string, owner: string, ttlSeconds: number): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<Array<{ key: string }>>(
    `INSERT INTO "SyncCursor" (key, cursor, "lastRunAt", "updatedAt") VALUES ($1, $2, now(), now())
     ON CONFLICT (key) DO UPDATE SET cursor = EXCLUDED.cursor, "lastRunAt" = now(), "updatedAt" = now()
     WHERE "SyncCursor".cursor = EXCLUDED.cursor OR "SyncCursor".cursor IS NULL
        OR "SyncCursor"."lastRunAt" <= now() - make_interval(secs => $3::float8)
     RETURNING key`,
    key,
    owner,
    ttlSeconds,
  );
  return rows.length === 1;
}

export async function releaseLease(key: string, owner: string): Promise<void> {
  await db.syncCursor.updateMany({ where: { key, cursor: owner }, data: { cursor: null } });
}

/** Records what the last run found, for the operators' eyes. */
export async function noteRun(key: string, error: string | null): Promise<void> {
  await db.syncCursor.updateMany({ where: { key }, data: { lastError: error } });
}
