// Low-zoom map search: a viewport too large for single chargers is answered with counts per area, and
// the grid that counts chargers here (for providers that cannot count themselves, and to merge providers).
import { type BBox, clampBBox } from "@/lib/geo/distance";
import { coveringCircle } from "./viewport";

/** How many chargers lie around one point: a count bubble on the map. */
export interface ChargerAggregate {
  latitude: number;
  longitude: number;
  count: number;
}

/**
 * Above this covering radius a viewport is answered with counts: one Plugsurfing call covers 100 km and returns
 * at most 300 locations, so larger viewports (about zoom 8 and below on a laptop screen) would show a sample.
 */
export const AGGREGATE_RADIUS_M = 150_000;

/** Cells across the longer side of the viewport: few enough to read, enough to show where the chargers are. */
const CELLS_ACROSS = 32;

export type SearchMode = "chargers" | "aggregates";

/** Single chargers for a viewport that a few provider calls cover, counts per area for a larger one. */
export function searchMode(bbox: BBox): SearchMode {
  return coveringCircle(bbox).radiusM > AGGREGATE_RADIUS_M ? "aggregates" : "chargers";
}

/** The side of a grid cell in degrees: a power of two, so that nearby viewports share the same grid. */
export function gridCellDeg(bbox: BBox): number {
  const box = clampBBox(bbox);
  const span = Math.max(box.east - box.west, box.north - box.south, 1e-6);
  return 2 ** Math.ceil(Math.log2(span / CELLS_ACROSS));
}

/** Geohash cell width in degrees of longitude at each precision (1 to 9). */
const GEOHASH_WIDTH_DEG = [
  45, 11.25, 1.40625, 0.3515625, 0.0439453125, 0.010986328125, 0.001373291015625, 0.000343322753906, 0.000042915344238,
];

/** The geohash precision (2–9, as Plugsurfing accepts) with the smallest cells still at least a quarter grid cell wide. */
export function geohashPrecision(bbox: BBox): number {
  const cell = gridCellDeg(bbox);
  let precision = 2;
  while (precision < 9 && GEOHASH_WIDTH_DEG[precision] >= cell / 4) {
    precision++;
  }
  return precision;
}

/**
 * Counts regrouped into square cells of `cellDeg`: each cell's count is the sum, its point the count-weighted
 * centre. Points outside `bbox` are left out. Largest first.
 */
export function regrid(points: readonly ChargerAggregate[], cellDeg: number, bbox?: BBox): ChargerAggregate[] {
  const cells = new Map<string, { lat: number; lon: number; count: number }>();
  for (const p of points) {
    if (p.count <= 0) continue;
    if (
      bbox &&
      (p.latitude < bbox.south || p.latitude > bbox.north || p.longitude < bbox.west || p.longitude > bbox.east)
    )
      continue;
    const key = `${Math.floor(p.latitude / cellDeg)}:${Math.floor(p.longitude / cellDeg)}`;
    const cell = cells.get(key) ?? { lat: 0, lon: 0, count: 0 };
    cell.lat += p.latitude * p.count;
    cell.lon += p.longitude * p.count;
    cell.count += p.count;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((c) => ({
      latitude: Math.round((c.lat / c.count) * 1e5) / 1e5,
      longitude: Math.round((c.lon / c.count) * 1e5) / 1e5,
      count: c.count,
    }))
    .sort((a, b) => b.count - a.count || a.latitude - b.latitude || a.longitude - b.longitude);
}

/** Single locations counted into cells of `cellDeg`. */
export function gridAggregate(
  locations: ReadonlyArray<{ latitude: number; longitude: number }>,
  cellDeg: number,
  bbox?: BBox,
): ChargerAggregate[] {
  return regrid(
    locations.map((l) => ({ latitude: l.latitude, longitude: l.longitude, count: 1 })),
    cellDeg,
    bbox,
  );
}
