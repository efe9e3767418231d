// The shared search cache in PostgreSQL: every instance reads what any of them asked. A database that
// fails here costs a provider request, never the search (a miss, logged).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { TtlLruCache } from "./cache";
import { LOCATIONS_TTL_MS, type CachedAnswer, type SharedSearchCache } from "./shared-cache";

/** Every this many writes, answers older than the longest lifetime are deleted. */
const PRUNE_EVERY = 200;

export class PostgresSharedSearchCache implements SharedSearchCache {
  private writes = 0;

  async get(key: string, maxAgeMs: number): Promise<CachedAnswer | undefined> {
    try {
      const row = await db.providerSearchResult.findFirst({
        where: { key, fetchedAt: { gt: new Date(Date.now() - maxAgeMs) } },
      });
      return row
        ? { locations: row.locations as unknown as ChargingLocation[], fetchedAt: row.fetchedAt.getTime() }
        : undefined;
    } catch (error) {
      logWithRequestId("warn", { event: "search.shared_cache_failed", err: error }, "shared search cache not read");
      return undefined;
    }
  }

  async set(key: string, provider: ProviderName, answer: CachedAnswer): Promise<void> {
    const locations = answer.locations as unknown as Prisma.InputJsonValue;
    const fetchedAt = new Date(answer.fetchedAt);
    try {
      await db.providerSearchResult.upsert({
        where: { key },
        create: { key, provider, locations, fetchedAt },
        update: { provider, locations, fetchedAt },
      });
      if (++this.writes % PRUNE_EVERY === 0)
        await db.providerSearchResult.deleteMany({
          where: { fetchedAt: { lt: new Date(Date.now() - LOCATIONS_TTL_MS) } },
        });
    } catch (error) {
      logWithRequestId("warn", { event: "search.shared_cache_failed", err: error }, "shared search cache not written");
    }
  }
}

const globalForCache = globalThis as unknown as {
  sharedSearchCache?: PostgresSharedSearchCache;
  memorySearchCache?: TtlLruCache<CachedAnswer> | null;
};

/** One per process: the map search's shared cache. */
export function sharedSearchCache(): PostgresSharedSearchCache {
  return (globalForCache.sharedSearchCache ??= new PostgresSharedSearchCache());
}

/** One per process: the answers this instance keeps in memory in front of the shared cache (SEARCH_MEMORY_CACHE_SECONDS). */
export function memorySearchCache(): TtlLruCache<CachedAnswer> | null {
  if (globalForCache.memorySearchCache === undefined) {
    const seconds = env().SEARCH_MEMORY_CACHE_SECONDS;
    globalForCache.memorySearchCache = seconds > 0 ? new TtlLruCache<CachedAnswer>(500, seconds * 1000) : null;
  }
  return globalForCache.memorySearchCache;
}
