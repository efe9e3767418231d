// A uniform lat/lon grid over the locations, so a radius search only measures nearby cells.

const EARTH_RADIUS_KM = 6371.0088;
const CELL_DEGREES = 0.1;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface Positioned {
  latitude: number;
  longitude: number;
}

export interface Hit<T> {
  item: T;
  distanceKm: number;
}

export class SpatialIndex<T extends Positioned> {
  private readonly cells = new Map<number, T[]>();

  constructor(items: readonly T[]) {
    for (const item of items) {
      const key = cellKey(cellOf(item.latitude), cellOf(item.longitude));
      const cell = this.cells.get(key);
      if (cell) cell.push(item);
      else this.cells.set(key, [item]);
    }
  }

  /** Every item within radiusKm, nearest first. */
  within(latitude: number, longitude: number, radiusKm: number, accept?: (item: T) => boolean): Hit<T>[] {
    const latSpan = radiusKm / 111.2;
    const cosLat = Math.max(0.01, Math.cos((Math.min(89, Math.abs(latitude) + latSpan) * Math.PI) / 180));
    const lonSpan = Math.min(180, radiusKm / (111.32 * cosLat));
    const hits: Hit<T>[] = [];
    const rowFrom = cellOf(Math.max(-90, latitude - latSpan));
    const rowTo = cellOf(Math.min(90, latitude + latSpan));
    const colFrom = cellOf(longitude - lonSpan);
    const colTo = cellOf(longitude + lonSpan);
    for (let row = rowFrom; row <= rowTo; row++) {
      for (let col = colFrom; col <= colTo; col++) {
        const cell = this.cells.get(cellKey(row, wrapColumn(col)));
        if (!cell) continue;
        for (const item of cell) {
          const d = distanceKm(latitude, longitude, item.latitude, item.longitude);
          if (d <= radiusKm && (!accept || accept(item))) hits.push({ item, distanceKm: d });
        }
      }
    }
    return hits.sort((a, b) => a.distanceKm - b.distanceKm);
  }
}

function cellOf(degrees: number): number {
  return Math.floor(degrees / CELL_DEGREES);
}

function wrapColumn(col: number): number {
  const columns = Math.round(360 / CELL_DEGREES);
  const min = cellOf(-180);
  return ((((col - min) % columns) + columns) % columns) + min;
}

function cellKey(row: number, col: number): number {
  return row * 10000 + col;
}

const GEOHASH_ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";

/** Standard geohash of a point; used for Plugsurfing's aggregation buckets. */
export function geohash(latitude: number, longitude: number, precision: number): string {
  let latMin = -90,
    latMax = 90,
    lonMin = -180,
    lonMax = 180;
  let hash = "";
  let bits = 0,
    bit = 0,
    even = true;
  while (hash.length < precision) {
    if (even) {
      const mid = (lonMin + lonMax) / 2;
      if (longitude >= mid) {
        bits = (bits << 1) | 1;
        lonMin = mid;
      } else {
        bits <<= 1;
        lonMax = mid;
      }
    } else {
      const mid = (latMin + latMax) / 2;
      if (latitude >= mid) {
        bits = (bits << 1) | 1;
        latMin = mid;
      } else {
        bits <<= 1;
        latMax = mid;
      }
    }
    even = !even;
    if (++bit === 5) {
      hash += GEOHASH_ALPHABET[bits];
      bits = 0;
      bit = 0;
    }
  }
  return hash;
}
