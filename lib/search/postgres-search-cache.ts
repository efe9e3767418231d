// The shared search cache in PostgreSQL: every instance reads what any of them asked. A database that
// fails here costs a provider request, never the search (a miss, logged).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { TtlLruCache } from "./cache";
import {
  LOCATIONS_TTL_MS,
  type CachedAnswer,
  type KeptAggregate,
  type KeptAggregateQuery,
  type SharedSearchCache,
} from "./shared-cache";

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

  /**
   * Counted in the database: the kept answers' locations, each once (by id), inside the box and with a known
   * position, grouped into square cells. Nothing is asked of the provider.
   */
  async aggregate(query: KeptAggregateQuery): Promise<KeptAggregate> {
    const { provider, bbox, cellDeg, sentFilters, chargersKey, maxAgeMs } = query;
    try {
      const rows = await db.$queryRaw<
        Array<{ latitude: number; longitude: number; count: number; fetchedAt: Date | null }>
      >`
        WITH kept AS (
          SELECT r."locations", r."fetchedAt" FROM "provider_search_result" r
          WHERE r."provider" = ${provider}
            AND r."fetchedAt" > ${new Date(Date.now() - maxAgeMs)}
            AND split_part(r."key", '|', 5) = ${sentFilters}
            AND split_part(r."key", '|', 6) = ${chargersKey}
        ), located AS (
          SELECT DISTINCT ON (l->>'id')
            (l->>'latitude')::float8 AS lat, (l->>'longitude')::float8 AS lon, kept."fetchedAt"
          FROM kept, jsonb_array_elements(kept."locations") l
          WHERE coalesce(l->>'positionKnown', 'true') <> 'false'
        )
        SELECT avg(lat)::float8 AS latitude, avg(lon)::float8 AS longitude, count(*)::int AS count,
          min("fetchedAt") AS "fetchedAt"
        FROM located
        WHERE lat BETWEEN ${bbox.south} AND ${bbox.north} AND lon BETWEEN ${bbox.west} AND ${bbox.east}
        GROUP BY floor(lat / ${cellDeg}), floor(lon / ${cellDeg})
        ORDER BY count DESC`;
      const times = rows.flatMap((r) => (r.fetchedAt ? [r.fetchedAt.getTime()] : []));
      return {
        aggregates: rows.map((r) => ({
          latitude: Math.round(r.latitude * 1e5) / 1e5,
          longitude: Math.round(r.longitude * 1e5) / 1e5,
          count: r.count,
        })),
        ...(times.length ? { fetchedAt: Math.min(...times) } : {}),
      };
    } catch (error) {
      logWithRequestId("warn", { event: "search.shared_cache_failed", err: error }, "shared search cache not counted");
      return { aggregates: [] };
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
