// Searches every provider that can search, in parallel, for one map viewport: a slow or failing
// provider is cut off after a timeout and reported, never blocking the others.
import { createHash } from "node:crypto";
import { inEnglish } from "@/lib/actions/errors";
import { PROVIDER_LABELS, type ChargingLocation, type ProviderName } from "@/lib/domain";
import { text, type ErrorText } from "@/lib/errors";
import type { Translate } from "@/lib/i18n/messages";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { type BBox, bboxCenter, bboxContains, clampBBox } from "@/lib/geo/distance";
import { withRequestPriority, type RequestPriority } from "@/lib/providers/budget";
import type { FleetCharger, SearchCapable, SearchQuery } from "@/lib/providers/types";
import { gridAggregate, gridCellDeg, geohashPrecision, regrid, searchMode, type ChargerAggregate } from "./aggregate";
import { providerSearchKey, sentFiltersKey, type TtlLruCache } from "./cache";
import { sharedTtlMs, type CachedAnswer, type SharedSearchCache } from "./shared-cache";
import type { ChargerFilters } from "./filters";
import { mergeLocations } from "./merge";
import type { ChargerSearchResponse, ProviderOutcome } from "./types";
import { PROVIDER_SEARCH_LIMITS, coveringCircle, providerCircles, type SearchCircle } from "./viewport";

export type SearchAdapter = SearchCapable & { readonly name: ProviderName };

export interface SearchChargersOptions {
  adapters: readonly SearchAdapter[];
  /** Per provider, for all of its calls together. */
  timeoutMs?: number;
  /** This process's short-lived cache in front of the shared one (the app's: memorySearchCache); none by default. */
  cache?: TtlLruCache<CachedAnswer> | null;
  /** The cache every dispatcher and instance shares (PostgreSQL in the app); none by default. */
  sharedCache?: SharedSearchCache | null;
  /** The user asked for fresh statuses: nothing cached is read, and the answers replace what was kept. */
  refresh?: boolean;
  /** The clock answers are stamped with (a simulated one in the quota bench). */
  now?: () => number;
  /** The searching fleet's configured chargers, passed to every provider (see SearchQuery.fleetChargers). */
  fleetChargers?: readonly FleetCharger[];
  /** The reader's translator of the `errors` messages, for what a failing provider's banner says; English by default. */
  errors?: Translate;
}

export const DEFAULT_PROVIDER_TIMEOUT_MS = 4_000;

class ProviderTimeout extends Error {}

export function toSearchQuery(circle: SearchCircle, filters: ChargerFilters, limit: number): SearchQuery {
  return {
    latitude: circle.latitude,
    longitude: circle.longitude,
    radiusM: circle.radiusM,
    connectorStandards: filters.connectors.length ? filters.connectors : undefined,
    minPowerKw: filters.minPowerKw,
    powerType: filters.current,
    availableNow: filters.availableNow || undefined,
    reservableOnly: filters.reservable || filters.window ? true : undefined,
    window: filters.window ? { start: new Date(filters.window.start), end: new Date(filters.window.end) } : undefined,
    limit,
  };
}

/**
 * A search the user asked for (a time window, reservable only) may spend more of a provider's quota than looking
 * around the map (lib/providers/budget.ts).
 */
export function searchPriority(filters: ChargerFilters, refresh = false): RequestPriority {
  return refresh || filters.window || filters.reservable ? "explicit" : "browse";
}

function failureText(provider: ProviderName, error: unknown, priority: RequestPriority): ErrorText {
  const values = { provider: PROVIDER_LABELS[provider] };
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  if (code === "QUOTA_KEPT") {
    return text(priority === "browse" ? "search.quotaKeptBrowsing" : "search.quotaKeptSearch", values);
  }
  if (error instanceof ProviderTimeout || code === "TIMEOUT") return text("search.timedOut", values);
  if (status === 429 || code === "RATE_LIMITED") return text("search.rateLimited", values);
  return text("search.unavailable", values);
}

/**
 * Results that depend on a fleet's own chargers must never be served to another fleet: the cache key
 * carries a digest of them (fleets with the same configuration, or none, still share entries).
 */
export function fleetChargersKey(chargers: readonly FleetCharger[] | undefined): string {
  if (!chargers?.length) return "none";
  return createHash("sha256").update(JSON.stringify(chargers)).digest("base64url").slice(0, 22);
}

interface ProviderSearch {
  timeoutMs: number;
  cache: TtlLruCache<CachedAnswer> | null;
  sharedCache: SharedSearchCache | null;
  refresh: boolean;
  now: () => number;
  fleetChargers: readonly FleetCharger[] | undefined;
  say: (message: ErrorText) => string;
}

async function searchOneProvider(
  adapter: SearchAdapter,
  bbox: BBox,
  filters: ChargerFilters,
  { timeoutMs, cache, sharedCache, refresh, now, fleetChargers, say }: ProviderSearch,
): Promise<{ outcome: ProviderOutcome; locations: ChargingLocation[] }> {
  const started = performance.now();
  const limits = PROVIDER_SEARCH_LIMITS[adapter.name];
  const { circles, complete } = providerCircles(bbox, limits);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cachedCalls = 0;
  const chargersKey = fleetChargersKey(fleetChargers);
  const priority = searchPriority(filters, refresh);
  const maxAgeMs = sharedTtlMs(filters);
  // The oldest answer shown: its statuses are as of then.
  let oldestAnswer = Infinity;
  const answered = (answer: CachedAnswer) => {
    oldestAnswer = Math.min(oldestAnswer, answer.fetchedAt);
    return answer.locations;
  };

  // A circle the quota's budget refused is left out; the circles already answered are still shown.
  let quotaKept: unknown;
  const calls = circles.map(async (circle) => {
    const key = `${providerSearchKey(adapter.name, circle, filters)}|${chargersKey}`;
    const hit = refresh ? undefined : cache?.get(key);
    if (hit && now() - hit.fetchedAt < maxAgeMs) {
      cachedCalls++;
      return answered(hit);
    }
    const kept = refresh ? undefined : await sharedCache?.get(key, maxAgeMs);
    if (kept) {
      cache?.set(key, kept);
      cachedCalls++;
      return answered(kept);
    }
    try {
      const locations = await withRequestPriority(priority, () =>
        adapter.search(
          { ...toSearchQuery(circle, filters, limits.maxResults), fleetChargers },
          { signal: controller.signal },
        ),
      );
      const answer = { locations, fetchedAt: now() };
      cache?.set(key, answer);
      await sharedCache?.set(key, adapter.name, answer);
      return answered(answer);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== "QUOTA_KEPT") throw error;
      quotaKept = error;
      return [];
    }
  });
  // An adapter that ignores the abort signal must not hold the response hostage either.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProviderTimeout());
    }, timeoutMs);
  });

  try {
    const batches = await Promise.race([Promise.all(calls), deadline]);
    // A location the provider gave no position for cannot be pinned: the booking wizard still offers it.
    const locations = batches.flat().filter((l) => l.positionKnown !== false);
    // A full page means the provider left some out: the viewport needs zooming in.
    const truncated = batches.some((batch) => batch.length >= limits.maxResults);
    return {
      locations,
      outcome: {
        provider: adapter.name,
        status: quotaKept ? "quota" : "ok",
        ...(quotaKept ? { message: say(failureText(adapter.name, quotaKept, priority)) } : {}),
        durationMs: Math.round(performance.now() - started),
        locations: locations.length,
        cached: cachedCalls === circles.length,
        ...(Number.isFinite(oldestAnswer) ? { statusAsOf: new Date(oldestAnswer).toISOString() } : {}),
        complete: complete && !truncated && !quotaKept,
      },
    };
  } catch (error) {
    controller.abort();
    const timedOut = error instanceof ProviderTimeout;
    if (!timedOut) {
      logWithRequestId(
        "warn",
        { event: "search.provider_failed", provider: adapter.name, error: (error as Error)?.name ?? "Error" },
        "charger search failed at a provider",
      );
    }
    return {
      locations: [],
      outcome: {
        provider: adapter.name,
        status: timedOut ? "timeout" : "error",
        message: say(failureText(adapter.name, error, priority)),
        durationMs: Math.round(performance.now() - started),
        locations: 0,
        cached: false,
        complete,
      },
    };
  } finally {
    clearTimeout(timer);
    // Calls that lost the race still settle; their rejections are expected and handled here.
    for (const call of calls) call.catch(() => undefined);
  }
}

/**
 * One provider's counts for a low-zoom viewport, as its table entry says (search.lowZoom): asked of the provider,
 * counted from the shared cache only (no request spent), or searched as usual and counted here.
 */
async function aggregateOneProvider(
  adapter: SearchAdapter,
  bbox: BBox,
  filters: ChargerFilters,
  search: ProviderSearch,
): Promise<{ outcome: ProviderOutcome; aggregates: ChargerAggregate[] }> {
  const limits = PROVIDER_SEARCH_LIMITS[adapter.name];
  const cellDeg = gridCellDeg(bbox);
  const started = performance.now();
  const done = (aggregates: ChargerAggregate[], outcome: Partial<ProviderOutcome>) => ({
    aggregates,
    outcome: {
      provider: adapter.name,
      status: "ok" as const,
      durationMs: Math.round(performance.now() - started),
      locations: aggregates.reduce((n, a) => n + a.count, 0),
      cached: false,
      complete: true,
      ...outcome,
    },
  });
  const lowZoom = limits.lowZoom ?? "search";

  if (lowZoom === "cache") {
    const kept = await search.sharedCache?.aggregate?.({
      provider: adapter.name,
      bbox,
      cellDeg,
      sentFilters: sentFiltersKey(filters),
      chargersKey: fleetChargersKey(search.fleetChargers),
      maxAgeMs: sharedTtlMs(filters),
    });
    if (!kept?.aggregates.length) {
      const message = search.say(text("search.notAskedAtThisZoom", { provider: PROVIDER_LABELS[adapter.name] }));
      return done([], { status: "notAsked", message, complete: false });
    }
    return done(kept.aggregates, {
      cached: true,
      // Only what was kept is counted: the areas nobody browsed closer are missing.
      complete: false,
      ...(kept.fetchedAt !== undefined ? { statusAsOf: new Date(kept.fetchedAt).toISOString() } : {}),
    });
  }

  if (lowZoom === "provider" && adapter.aggregate) {
    const circle = coveringCircle(bbox);
    const maxRadiusM = limits.maxAggregateRadiusM ?? circle.radiusM;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ProviderTimeout());
      }, search.timeoutMs);
    });
    const priority = searchPriority(filters, search.refresh);
    const call = withRequestPriority(priority, () =>
      adapter.aggregate!(
        {
          ...toSearchQuery({ ...circle, radiusM: Math.min(circle.radiusM, maxRadiusM) }, filters, 1),
          precision: geohashPrecision(bbox),
        },
        { signal: controller.signal },
      ),
    );
    try {
      const counted = await Promise.race([call, deadline]);
      return done(regrid(counted, cellDeg, bbox), { complete: circle.radiusM <= maxRadiusM });
    } catch (error) {
      controller.abort();
      const timedOut = error instanceof ProviderTimeout;
      return done([], {
        status: timedOut ? "timeout" : "error",
        message: search.say(failureText(adapter.name, error, priority)),
        complete: false,
      });
    } finally {
      clearTimeout(timer);
      call.catch(() => undefined);
    }
  }

  // Few locations (the fleet's own chargers): searched as at any zoom, then counted.
  const { outcome, locations } = await searchOneProvider(adapter, bbox, filters, search);
  const inView = locations.filter((l) => bboxContains(bbox, l));
  return { outcome, aggregates: gridAggregate(inView, cellDeg, bbox) };
}

/**
 * Chargers inside the viewport from every (selected) provider, merged and sorted by distance; for a viewport too
 * large for single chargers (lib/search/aggregate.ts), counts per area instead.
 */
export async function searchChargers(
  viewport: BBox,
  filters: ChargerFilters,
  options: SearchChargersOptions,
): Promise<ChargerSearchResponse> {
  const bbox = clampBBox(viewport);
  const center = bboxCenter(bbox);
  const selected = options.adapters.filter((a) => !filters.providers.length || filters.providers.includes(a.name));
  const { errors } = options;
  const say = errors ? (message: ErrorText) => errors(message.key, message.values) : inEnglish;
  const search: ProviderSearch = {
    timeoutMs: options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
    cache: options.cache ?? null,
    sharedCache: options.sharedCache ?? null,
    refresh: options.refresh ?? false,
    now: options.now ?? Date.now,
    fleetChargers: options.fleetChargers,
    say,
  };
  if (searchMode(bbox) === "aggregates") {
    const counted = await Promise.all(selected.map((adapter) => aggregateOneProvider(adapter, bbox, filters, search)));
    return {
      chargers: [],
      aggregates: regrid(
        counted.flatMap((c) => c.aggregates),
        gridCellDeg(bbox),
        bbox,
      ),
      providers: counted.map((c) => c.outcome),
      center,
    };
  }
  const results = await Promise.all(selected.map((adapter) => searchOneProvider(adapter, bbox, filters, search)));
  const inView = results.map((r) => r.locations.filter((l) => bboxContains(bbox, l)));
  return {
    chargers: mergeLocations(inView, center, filters),
    providers: results.map((r) => r.outcome),
    center,
  };
}
