import { describe, expect, it } from "vitest";
import { TtlLruCache, providerSearchKey } from "./cache";
import { EMPTY_FILTERS } from "./filters";
import { coveringCircle, providerCircles, snapBBox, PROVIDER_SEARCH_LIMITS } from "./viewport";

describe("TtlLruCache", () => {
  it("expires entries after the TTL", () => {
    let now = 1_000;
    const cache = new TtlLruCache<string>(10, 30_000, () => now);
    cache.set("a", "x");
    now += 29_999;
    expect(cache.get("a")).toBe("x");
    now += 1;
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = new TtlLruCache<number>(2, 60_000);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });
});

describe("providerSearchKey", () => {
  const circleFor = (bbox: Parameters<typeof snapBBox>[0]) =>
    providerCircles(snapBBox(bbox), PROVIDER_SEARCH_LIMITS.PLUGSURFING).circles[0];

  it("gives a viewport panned a little (or back) the same key", () => {
    const here = circleFor({ west: 13.3, south: 52.48, east: 13.49, north: 52.55 });
    const nudged = circleFor({ west: 13.31, south: 52.485, east: 13.495, north: 52.555 });
    expect(providerSearchKey("PLUGSURFING", nudged, EMPTY_FILTERS)).toBe(
      providerSearchKey("PLUGSURFING", here, EMPTY_FILTERS),
    );
  });

  it("differs by provider, area and the filters sent to the provider", () => {
    const circle = coveringCircle({ west: 13.3, south: 52.48, east: 13.5, north: 52.56 });
    const base = providerSearchKey("PLUGSURFING", circle, EMPTY_FILTERS);
    expect(providerSearchKey("PETITMONDE", circle, EMPTY_FILTERS)).not.toBe(base);
    expect(providerSearchKey("PLUGSURFING", { ...circle, latitude: circle.latitude + 0.1 }, EMPTY_FILTERS)).not.toBe(
      base,
    );
    expect(providerSearchKey("PLUGSURFING", circle, { ...EMPTY_FILTERS, minPowerKw: 150 })).not.toBe(base);
    expect(providerSearchKey("PLUGSURFING", circle, { ...EMPTY_FILTERS, availableNow: true })).not.toBe(base);
  });

  it("ignores filters applied after the call and the order of listed connectors", () => {
    const circle = coveringCircle({ west: 13.3, south: 52.48, east: 13.5, north: 52.56 });
    const key = (f: Partial<typeof EMPTY_FILTERS>) =>
      providerSearchKey("PLUGSURFING", circle, { ...EMPTY_FILTERS, ...f });
    expect(key({ operator: "Ionity", providers: ["PLUGSURFING"] })).toBe(key({}));
    expect(key({ connectors: ["CHADEMO", "IEC_62196_T2"] })).toBe(key({ connectors: ["IEC_62196_T2", "CHADEMO"] }));
  });
});
