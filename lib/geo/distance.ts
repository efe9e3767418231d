// Great-circle distances and bounding boxes on WGS84 coordinates.

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** A map viewport in degrees; west > east never happens (longitudes are clamped to ±180). */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in metres. */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function bboxCenter(bbox: BBox): LatLng {
  return { latitude: (bbox.south + bbox.north) / 2, longitude: (bbox.west + bbox.east) / 2 };
}

export function bboxContains(bbox: BBox, point: LatLng): boolean {
  return (
    point.latitude >= bbox.south &&
    point.latitude <= bbox.north &&
    point.longitude >= bbox.west &&
    point.longitude <= bbox.east
  );
}

/** Keeps a viewport inside the world: a map panned past ±180° or zoomed far out reports more. */
export function clampBBox(bbox: BBox): BBox {
  const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
  const west = clamp(Math.min(bbox.west, bbox.east), -180, 180);
  const east = clamp(Math.max(bbox.west, bbox.east), -180, 180);
  const south = clamp(Math.min(bbox.south, bbox.north), -85, 85);
  const north = clamp(Math.max(bbox.south, bbox.north), -85, 85);
  return { west, south, east, north };
}
