// The map search at zoom 6 over Germany against the sandbox: Plugsurfing counts, Petit Monde is never asked
// (counted only from what the shared cache in PostgreSQL holds), and the answer is count bubbles, not a sample.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sandboxProviders } from "@/lib/providers/testing/sandbox";
import { InMemoryRateLimiter } from "@/lib/providers/rate-limit";
import { EMPTY_FILTERS } from "./filters";
import { PostgresSharedSearchCache } from "./postgres-search-cache";
import { searchChargers } from "./search-chargers";

/** What a 1280×800 map shows at zoom 6 centred on Germany. */
const germanyZoom6 = { west: -3.6, south: 45.1, east: 24.4, north: 56.6 };
const centralBerlin = { west: 13.3, south: 52.48, east: 13.5, north: 52.56 };
const adapters = sandboxProviders({ limiter: new InMemoryRateLimiter() }).with("search");
const petitMonde = adapters.find((a) => a.name === "PETITMONDE")!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("searchChargers at zoom 6 over Germany", () => {
  it("answers with counts: Plugsurfing's aggregates, nothing asked of Petit Monde", async () => {
    const asked = vi.spyOn(petitMonde, "search");
    const result = await searchChargers(germanyZoom6, EMPTY_FILTERS, {
      adapters,
      cache: null,
      sharedCache: new PostgresSharedSearchCache(),
    });
    expect(asked).not.toHaveBeenCalled();
    expect(result.chargers).toEqual([]);
    const byProvider = Object.fromEntries(result.providers.map((p) => [p.provider, p]));
    expect(byProvider.PLUGSURFING).toMatchObject({ status: "ok" });
    // Every match counted, not one page of 300.
    expect(byProvider.PLUGSURFING.locations).toBeGreaterThan(300);
    expect(byProvider.PETITMONDE).toMatchObject({
      status: "notAsked",
      message: expect.stringMatching(/^Petit Monde /),
    });
    const total = result.aggregates!.reduce((n, a) => n + a.count, 0);
    expect(total).toBe(result.providers.reduce((n, p) => n + p.locations, 0));
    // Areas, each inside the viewport: a map's worth of bubbles.
    expect(result.aggregates!.length).toBeGreaterThan(3);
    expect(result.aggregates!.length).toBeLessThan(1_000);
    for (const a of result.aggregates!) {
      expect(a.latitude).toBeGreaterThanOrEqual(germanyZoom6.south);
      expect(a.longitude).toBeLessThanOrEqual(germanyZoom6.east);
    }
  });

  it("counts Petit Monde from the locations the shared cache kept when someone browsed closer", async () => {
    const shared = new PostgresSharedSearchCache();
    const closer = await searchChargers(centralBerlin, EMPTY_FILTERS, { adapters, cache: null, sharedCache: shared });
    const keptInBerlin = closer.chargers.filter((c) => c.sources.some((s) => s.provider === "PETITMONDE")).length;
    expect(keptInBerlin).toBeGreaterThan(0);

    const asked = vi.spyOn(petitMonde, "search");
    const result = await searchChargers(germanyZoom6, EMPTY_FILTERS, { adapters, cache: null, sharedCache: shared });
    expect(asked).not.toHaveBeenCalled();
    const outcome = result.providers.find((p) => p.provider === "PETITMONDE")!;
    expect(outcome).toMatchObject({ status: "ok", cached: true, complete: false });
    // The whole kept answer (its circle reaches past the viewport it was asked for) is counted.
    expect(outcome.locations).toBeGreaterThanOrEqual(keptInBerlin);
    // A kept answer for other filters is not counted for these.
    const filtered = await searchChargers(
      germanyZoom6,
      { ...EMPTY_FILTERS, minPowerKw: 150 },
      { adapters, cache: null, sharedCache: shared },
    );
    expect(filtered.providers.find((p) => p.provider === "PETITMONDE")).toMatchObject({ status: "notAsked" });
  });
});
