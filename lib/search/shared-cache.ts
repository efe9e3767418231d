// Search answers shared by every dispatcher and every instance: a provider's locations change slowly, so
// browsing keeps them for hours and panning back, a second dispatcher or a second instance asks nothing.
// What depends on the moment (free now, free in a window) is kept a minute only; the statuses on a kept
// answer say when they were true (ProviderOutcome.statusAsOf) and are refreshed when the user asks.
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import type { BBox } from "@/lib/geo/distance";
import { gridAggregate, type ChargerAggregate } from "./aggregate";
import type { ChargerFilters } from "./filters";

/** One provider call's answer and when the provider gave it (ms since the epoch). */
export interface CachedAnswer {
  locations: ChargingLocation[];
  fetchedAt: number;
}

/** Which kept answers a low-zoom count reads: one provider's, for the same filters and fleet chargers. */
export interface KeptAggregateQuery {
  provider: ProviderName;
  bbox: BBox;
  cellDeg: number;
  /** sentFiltersKey(filters): the fifth field of the answers' keys. */
  sentFilters: string;
  /** fleetChargersKey(...): the sixth. */
  chargersKey: string;
  maxAgeMs: number;
}

export interface KeptAggregate {
  aggregates: ChargerAggregate[];
  /** When the oldest answer counted was given (ms since the epoch); absent when none was. */
  fetchedAt?: number;
}

export interface SharedSearchCache {
  /** The answer stored under `key` if it is younger than `maxAgeMs`. */
  get(key: string, maxAgeMs: number): Promise<CachedAnswer | undefined>;
  set(key: string, provider: ProviderName, answer: CachedAnswer): Promise<void>;
  /** The distinct located locations of the kept answers that match, counted into grid cells inside the box. */
  aggregate?(query: KeptAggregateQuery): Promise<KeptAggregate>;
}

/** Whether a provider search key (lib/search/cache.ts) belongs to this provider, filters and fleet chargers. */
export function keyMatches(key: string, query: Pick<KeptAggregateQuery, "provider" | "sentFilters" | "chargersKey">) {
  const parts = key.split("|");
  return parts[0] === query.provider && parts[4] === query.sentFilters && parts[5] === query.chargersKey;
}

/** How long browsing keeps a provider's locations. */
export const LOCATIONS_TTL_MS = 6 * 60 * 60_000;
/** How long an answer that depends on statuses (free now, free in a window) is kept. */
export const STATUS_TTL_MS = 60_000;

/** How old a shared answer may be for these filters. */
export function sharedTtlMs(filters: Pick<ChargerFilters, "availableNow" | "window">): number {
  return filters.availableNow || filters.window ? STATUS_TTL_MS : LOCATIONS_TTL_MS;
}

/** The shared cache in one process's memory: for the bench's simulated month and for tests. */
export class InMemorySharedSearchCache implements SharedSearchCache {
  private readonly answers = new Map<string, CachedAnswer>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string, maxAgeMs: number): Promise<CachedAnswer | undefined> {
    const answer = this.answers.get(key);
    return answer && this.now() - answer.fetchedAt < maxAgeMs ? answer : undefined;
  }

  async set(key: string, _provider: ProviderName, answer: CachedAnswer): Promise<void> {
    this.answers.set(key, answer);
  }

  async aggregate(query: KeptAggregateQuery): Promise<KeptAggregate> {
    const seen = new Map<string, ChargingLocation>();
    let fetchedAt: number | undefined;
    for (const [key, answer] of this.answers) {
      if (!keyMatches(key, query) || this.now() - answer.fetchedAt >= query.maxAgeMs) continue;
      fetchedAt = Math.min(fetchedAt ?? Infinity, answer.fetchedAt);
      for (const l of answer.locations) if (l.positionKnown !== false) seen.set(l.id, l);
    }
    return { aggregates: gridAggregate([...seen.values()], query.cellDeg, query.bbox), fetchedAt };
  }

  get size(): number {
    return this.answers.size;
  }
}
