// Turns a map viewport into the circles each provider can search, and snaps viewports so that
// small pans reuse the same query (and cache entries).
import { PROVIDER_FEATURES, PROVIDERS, type ProviderName } from "@/lib/domain";
import { type BBox, bboxCenter, clampBBox, distanceM } from "@/lib/geo/distance";

export interface SearchCircle {
  latitude: number;
  longitude: number;
  radiusM: number;
}

export interface ProviderSearchLimits {
  /** The largest radius one search call accepts. */
  maxRadiusM: number;
  /** The most locations one call returns. */
  maxResults: number;
  /** How a low-zoom viewport is counted (lib/domain/provider.ts); "search" when absent. */
  lowZoom?: "provider" | "cache" | "search";
  /** The largest circle one call that counts (`aggregate`) covers. */
  maxAggregateRadiusM?: number;
}

/** Each provider's limits, from the provider table. */
export const PROVIDER_SEARCH_LIMITS = Object.fromEntries(
  PROVIDERS.map((p) => [p, PROVIDER_FEATURES[p].search]),
) as Record<ProviderName, ProviderSearchLimits>;

/** More calls than this per provider and viewport would burn Petit Monde's 100 requests a minute. */
export const MAX_CIRCLES_PER_PROVIDER = 9;

/** The smallest circle around the box centre that contains the whole box. */
export function coveringCircle(bbox: BBox): SearchCircle {
  const box = clampBBox(bbox);
  const center = bboxCenter(box);
  const corners = [
    { latitude: box.south, longitude: box.west },
    { latitude: box.south, longitude: box.east },
    { latitude: box.north, longitude: box.west },
    { latitude: box.north, longitude: box.east },
  ];
  const radiusM = Math.max(...corners.map((corner) => distanceM(center, corner)));
  return { ...center, radiusM: Math.ceil(radiusM) };
}

function splitBBox(box: BBox, n: number): BBox[] {
  const width = (box.east - box.west) / n;
  const height = (box.north - box.south) / n;
  const cells: BBox[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      cells.push({
        west: box.west + col * width,
        east: box.west + (col + 1) * width,
        south: box.south + row * height,
        north: box.south + (row + 1) * height,
      });
    }
  }
  return cells;
}

/**
 * The circles one provider must search to cover the viewport: one when it fits the provider's
 * maximum radius, else an n×n grid of smaller ones. `complete` is false when even the largest
 * allowed grid cannot cover it (the circles are then clamped to the maximum radius).
 */
export function providerCircles(
  bbox: BBox,
  limits: ProviderSearchLimits,
  maxCircles = MAX_CIRCLES_PER_PROVIDER,
): { circles: SearchCircle[]; complete: boolean } {
  const box = clampBBox(bbox);
  const whole = coveringCircle(box);
  if (whole.radiusM <= limits.maxRadiusM) return { circles: [whole], complete: true };

  const maxSide = Math.max(1, Math.floor(Math.sqrt(maxCircles)));
  for (let n = Math.max(2, Math.ceil(whole.radiusM / limits.maxRadiusM)); n <= maxSide; n++) {
    const circles = splitBBox(box, n).map(coveringCircle);
    if (circles.every((c) => c.radiusM <= limits.maxRadiusM)) return { circles, complete: true };
  }
  const circles = splitBBox(box, maxSide)
    .map(coveringCircle)
    .map((c) => ({ ...c, radiusM: Math.min(c.radiusM, limits.maxRadiusM) }));
  return { circles, complete: false };
}

/**
 * Grows a viewport outwards to a power-of-two degree grid about a quarter of its size, so that
 * panning a little (or back) yields the same box, hence the same query key.
 */
export function snapBBox(bbox: BBox): BBox {
  const box = clampBBox(bbox);
  const span = Math.max(box.east - box.west, box.north - box.south, 1e-6);
  const cell = 2 ** Math.ceil(Math.log2(span / 4));
  const down = (v: number) => Math.floor(v / cell) * cell;
  const up = (v: number) => Math.ceil(v / cell) * cell;
  return clampBBox({ west: down(box.west), south: down(box.south), east: up(box.east), north: up(box.north) });
}
