// Low-zoom counting: when a viewport is counted rather than listed, the grid, the geohash precision, the merge.
import { describe, expect, it } from "vitest";
import { AGGREGATE_RADIUS_M, geohashPrecision, gridAggregate, gridCellDeg, regrid, searchMode } from "./aggregate";
import { coveringCircle } from "./viewport";

const centralBerlin = { west: 13.3, south: 52.48, east: 13.5, north: 52.56 };
/** What a 1280×800 map shows at zoom 6 over Germany. */
const germanyZoom6 = { west: -3.6, south: 45.1, east: 24.4, north: 56.6 };
/** Zoom 9 over Berlin. */
const berlinZoom9 = { west: 11.65, south: 51.99, east: 15.15, north: 53.04 };

describe("searchMode", () => {
  it("lists single chargers in a city and counts them over a country", () => {
    expect(searchMode(centralBerlin)).toBe("chargers");
    expect(searchMode(berlinZoom9)).toBe("chargers");
    expect(searchMode(germanyZoom6)).toBe("aggregates");
  });

  it("switches where the covering circle passes the threshold", () => {
    const radius = (bbox: typeof centralBerlin) => coveringCircle(bbox).radiusM;
    const justInside = { west: 11.6, south: 51.9, east: 15.2, north: 53.1 };
    const justOutside = { west: 11.4, south: 51.8, east: 15.4, north: 53.3 };
    expect(radius(justInside)).toBeLessThanOrEqual(AGGREGATE_RADIUS_M);
    expect(searchMode(justInside)).toBe("chargers");
    expect(radius(justOutside)).toBeGreaterThan(AGGREGATE_RADIUS_M);
    expect(searchMode(justOutside)).toBe("aggregates");
  });
});

describe("grid and precision", () => {
  it("uses power-of-two cells about a thirty-second of the viewport", () => {
    expect(gridCellDeg(germanyZoom6)).toBe(1);
    expect(gridCellDeg({ west: 5, south: 47, east: 12, north: 50 })).toBe(0.25);
  });

  it("asks for geohash areas no smaller than a quarter cell, within Plugsurfing's 2–9", () => {
    expect(geohashPrecision(germanyZoom6)).toBe(4);
    expect(geohashPrecision({ west: -180, south: -85, east: 180, north: 85 })).toBe(2);
    expect(geohashPrecision({ west: 13.4, south: 52.5, east: 13.40001, north: 52.50001 })).toBe(9);
  });
});

describe("regrid and gridAggregate", () => {
  it("sums counts per cell at the count-weighted centre, largest first", () => {
    const merged = regrid(
      [
        { latitude: 52.2, longitude: 13.2, count: 3 },
        { latitude: 52.6, longitude: 13.6, count: 1 },
        { latitude: 48.1, longitude: 11.5, count: 5 },
        { latitude: 48.2, longitude: 11.6, count: 0 },
      ],
      1,
    );
    expect(merged).toEqual([
      { latitude: 48.1, longitude: 11.5, count: 5 },
      { latitude: 52.3, longitude: 13.3, count: 4 },
    ]);
  });

  it("counts single locations and leaves out those outside the box", () => {
    const counted = gridAggregate(
      [
        { latitude: 52.51, longitude: 13.41 },
        { latitude: 52.53, longitude: 13.43 },
        { latitude: 40, longitude: 3 },
      ],
      0.5,
      germanyZoom6,
    );
    expect(counted).toEqual([{ latitude: 52.52, longitude: 13.42, count: 2 }]);
  });

  it("regridding counts that are already gridded keeps the total", () => {
    const points = Array.from({ length: 500 }, (_, i) => ({
      latitude: 47.3 + ((i * 37) % 77) / 10,
      longitude: 6 + ((i * 53) % 90) / 10,
    }));
    const fine = gridAggregate(points, 0.25);
    const coarse = regrid(fine, 1);
    expect(coarse.reduce((n, a) => n + a.count, 0)).toBe(500);
    expect(coarse).toEqual(gridAggregate(points, 1).map((a) => expect.objectContaining({ count: a.count })));
  });
});
