// The shared search cache in PostgreSQL against the sandbox: a second instance (its own memory cache, its
// own cache object, the same database) is served without a provider request and sees the same chargers;
// a refresh asks again and replaces what was kept.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sandboxProviders } from "@/lib/providers/testing/sandbox";
import { InMemoryRateLimiter } from "@/lib/providers/rate-limit";
import { TtlLruCache } from "./cache";
import { EMPTY_FILTERS } from "./filters";
import { PostgresSharedSearchCache } from "./postgres-search-cache";
import { searchChargers, type SearchAdapter } from "./search-chargers";
import type { CachedAnswer } from "./shared-cache";

const mitte = { west: 13.37, south: 52.5, east: 13.43, north: 52.53 };
const sandbox = sandboxProviders({ limiter: new InMemoryRateLimiter() }).with("search");

/** The sandbox's adapters, counting the search requests each makes. */
function counted() {
  const calls: string[] = [];
  const adapters = sandbox.map((adapter): SearchAdapter => ({
    name: adapter.name,
    search: (query, options) => {
      calls.push(adapter.name);
      return adapter.search(query, options);
    },
  }));
  return { adapters, calls };
}

/** One app instance: its own memory cache and its own handle on the shared table. */
const instance = () => ({
  cache: new TtlLruCache<CachedAnswer>(50, 45_000),
  sharedCache: new PostgresSharedSearchCache(),
});

beforeEach(async () => {
  await db.providerSearchResult.deleteMany();
});

describe("the shared search cache in PostgreSQL", () => {
  it("serves a second instance without asking any provider, with the same chargers", async () => {
    const { adapters, calls } = counted();
    const first = await searchChargers(mitte, EMPTY_FILTERS, { adapters, ...instance() });
    const asked = calls.length;
    expect(asked).toBeGreaterThan(0);
    expect(await db.providerSearchResult.count()).toBe(asked);

    const second = await searchChargers(mitte, EMPTY_FILTERS, { adapters, ...instance() });
    expect(calls).toHaveLength(asked);
    expect(second.chargers).toEqual(first.chargers);
    expect(second.providers.every((p) => p.cached)).toBe(true);
    expect(second.providers.map((p) => p.statusAsOf)).toEqual(first.providers.map((p) => p.statusAsOf));
  });

  it("asks again on a refresh and keeps the new answer for the others", async () => {
    const { adapters, calls } = counted();
    await searchChargers(mitte, EMPTY_FILTERS, { adapters, ...instance() });
    const asked = calls.length;
    const kept = await db.providerSearchResult.findMany({ select: { key: true, fetchedAt: true } });

    const fresh = await searchChargers(mitte, EMPTY_FILTERS, { adapters, ...instance(), refresh: true });
    expect(calls).toHaveLength(2 * asked);
    expect(fresh.providers.every((p) => !p.cached)).toBe(true);
    const replaced = await db.providerSearchResult.findMany({ select: { key: true, fetchedAt: true } });
    expect(replaced.map((r) => r.key).sort()).toEqual(kept.map((r) => r.key).sort());
    const before = new Map(kept.map((r) => [r.key, r.fetchedAt.getTime()]));
    for (const row of replaced) expect(row.fetchedAt.getTime()).toBeGreaterThan(before.get(row.key)!);
  });

  it("lets an answer older than its lifetime go to the provider again", async () => {
    const { adapters, calls } = counted();
    await searchChargers(mitte, EMPTY_FILTERS, { adapters, ...instance() });
    const asked = calls.length;
    await db.providerSearchResult.updateMany({ data: { fetchedAt: new Date(Date.now() - 7 * 60 * 60_000) } });
    await searchChargers(mitte, EMPTY_FILTERS, { adapters, ...instance() });
    expect(calls).toHaveLength(2 * asked);
  });
});
