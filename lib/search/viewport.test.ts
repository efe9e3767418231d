import { describe, expect, it } from "vitest";
import { distanceM } from "@/lib/geo/distance";
import { PROVIDER_SEARCH_LIMITS, coveringCircle, providerCircles, snapBBox } from "./viewport";
import { toSearchQuery } from "./search-chargers";
import { EMPTY_FILTERS } from "./filters";

const centralBerlin = { west: 13.3, south: 52.48, east: 13.5, north: 52.56 };
const germany = { west: 5.8, south: 47.2, east: 15.1, north: 55.1 };

describe("coveringCircle", () => {
  it("centres on the box and reaches every corner", () => {
    const circle = coveringCircle(centralBerlin);
    expect(circle.latitude).toBeCloseTo(52.52, 6);
    expect(circle.longitude).toBeCloseTo(13.4, 6);
    for (const [latitude, longitude] of [
      [52.48, 13.3],
      [52.48, 13.5],
      [52.56, 13.3],
      [52.56, 13.5],
    ]) {
      expect(distanceM(circle, { latitude, longitude })).toBeLessThanOrEqual(circle.radiusM);
    }
    // ≈ half the diagonal of a 13.6 km × 8.9 km box
    expect(circle.radiusM).toBeGreaterThan(7_500);
    expect(circle.radiusM).toBeLessThan(8_500);
  });
});

describe("providerCircles", () => {
  it("uses one circle when the viewport fits the provider's maximum radius", () => {
    const { circles, complete } = providerCircles(centralBerlin, PROVIDER_SEARCH_LIMITS.PETITMONDE);
    expect(circles).toHaveLength(1);
    expect(complete).toBe(true);
  });

  it("splits a viewport larger than Petit Monde's 200 km into a grid that covers it", () => {
    const { circles, complete } = providerCircles(germany, PROVIDER_SEARCH_LIMITS.PETITMONDE);
    expect(complete).toBe(true);
    expect(circles.length).toBeGreaterThan(1);
    expect(circles.length).toBeLessThanOrEqual(9);
    for (const c of circles) expect(c.radiusM).toBeLessThanOrEqual(200_000);
    // Every point of the viewport lies in some circle.
    for (let lat = germany.south; lat <= germany.north; lat += 0.5) {
      for (let lng = germany.west; lng <= germany.east; lng += 0.5) {
        expect(circles.some((c) => distanceM(c, { latitude: lat, longitude: lng }) <= c.radiusM)).toBe(true);
      }
    }
  });

  it("clamps and reports an incomplete search when even the largest grid cannot cover the viewport", () => {
    const europe = { west: -10, south: 36, east: 30, north: 60 };
    const { circles, complete } = providerCircles(europe, PROVIDER_SEARCH_LIMITS.PLUGSURFING);
    expect(complete).toBe(false);
    expect(circles).toHaveLength(9);
    for (const c of circles) expect(c.radiusM).toBe(100_000);
  });
});

describe("toSearchQuery", () => {
  it("passes the radius in metres (adapters convert units) and the filters providers understand", () => {
    const query = toSearchQuery(
      { latitude: 52.52, longitude: 13.4, radiusM: 8_000 },
      {
        ...EMPTY_FILTERS,
        connectors: ["IEC_62196_T2_COMBO"],
        minPowerKw: 150,
        current: "DC",
        window: { start: "2026-11-22T08:00:00.000Z", end: "2026-11-22T10:00:00.000Z" },
      },
      500,
    );
    expect(query).toMatchObject({
      latitude: 52.52,
      longitude: 13.4,
      radiusM: 8_000,
      connectorStandards: ["IEC_62196_T2_COMBO"],
      minPowerKw: 150,
      powerType: "DC",
      reservableOnly: true,
      limit: 500,
    });
    expect(query.window?.start.toISOString()).toBe("2026-11-22T08:00:00.000Z");
    expect(query.availableNow).toBeUndefined();
  });
});

describe("snapBBox", () => {
  it("contains the viewport and is unchanged by a small pan", () => {
    const snapped = snapBBox(centralBerlin);
    expect(snapped.west).toBeLessThanOrEqual(centralBerlin.west);
    expect(snapped.east).toBeGreaterThanOrEqual(centralBerlin.east);
    expect(snapped.south).toBeLessThanOrEqual(centralBerlin.south);
    expect(snapped.north).toBeGreaterThanOrEqual(centralBerlin.north);
    const panned = { west: 13.29, south: 52.47, east: 13.49, north: 52.55 };
    expect(snapBBox(panned)).toEqual(snapped);
  });

  it("stays within the world for a zoomed-out, wrapped viewport", () => {
    const snapped = snapBBox({ west: -250, south: -89, east: 250, north: 89 });
    expect(snapped.west).toBeGreaterThanOrEqual(-180);
    expect(snapped.east).toBeLessThanOrEqual(180);
    expect(snapped.north).toBeLessThanOrEqual(85);
  });
});
