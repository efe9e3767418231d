// Database-held turns and leases, so that several app instances never do the same periodic work twice.
import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
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

/** A lease owner that names the process holding it (host and pid), so operators can tell instances apart. */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface HeldLease {
  readonly key: string;
  readonly owner: string;
  /** When it was taken. */
  readonly since: Date;
  /** True once a renewal found another owner (or could not reach the database): stop taking on new work. */
  readonly lost: boolean;
  /** Stops renewing and lets the next owner in at once. */
  release(): Promise<void>;
}

/**
 * Takes the lease on `key` and keeps it renewed (every third of `ttlSeconds`) until released, so work
 * that runs longer than the TTL is never taken over while its process lives; a process that dies stops
 * renewing and the lease passes on `ttlSeconds` later. Null when another owner holds it.
 */
export async function acquireLease(key: string, ttlSeconds: number, owner = leaseOwner()): Promise<HeldLease | null> {
  if (!(await holdLease(key, owner, ttlSeconds))) return null;
  let lost = false;
  let renewing: Promise<void> | undefined;
  const timer = setInterval(
    () => {
      if (renewing || lost) return;
      renewing = holdLease(key, owner, ttlSeconds)
        .then((held) => {
          if (!held) lost = true;
        })
        .catch(() => {
          lost = true;
        })
        .finally(() => {
          renewing = undefined;
        });
    },
    Math.max(250, (ttlSeconds * 1000) / 3),
  );
  timer.unref();
  return {
    key,
    owner,
    since: new Date(),
    get lost() {
      return lost;
    },
    async release() {
      clearInterval(timer);
      // A renewal still on its way would take the lease back after the release.
      await renewing;
      await releaseLease(key, owner);
    },
  };
}

/** Records what the last run found, for the operators' eyes. */
export async function noteRun(key: string, error: string | null): Promise<void> {
  await db.syncCursor.updateMany({ where: { key }, data: { lastError: error } });
}
