// A small in-memory LRU with expiry, and the keys under which provider search results are kept.
import type { ProviderName } from "@/lib/domain";
import { filtersKey, type ChargerFilters } from "./filters";
import type { SearchCircle } from "./viewport";

export class TtlLruCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * One provider call: the circle (already derived from a snapped viewport, so it recurs) and only
 * the filters sent to the provider — operator and provider choice are applied afterwards, so
 * changing them reuses the cached calls.
 */
export function providerSearchKey(provider: ProviderName, circle: SearchCircle, filters: ChargerFilters): string {
  return [
    provider,
    circle.latitude.toFixed(5),
    circle.longitude.toFixed(5),
    Math.round(circle.radiusM),
    sentFiltersKey(filters),
  ].join("|");
}

/** The filters part of a provider search key (its fifth `|` field; URL-encoded, so it holds no `|`). */
export function sentFiltersKey(filters: ChargerFilters): string {
  return filtersKey({ ...filters, operator: undefined, providers: [] });
}
