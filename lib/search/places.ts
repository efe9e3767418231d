// The place search box: towns from the shipped index and the active fleet's depots.
import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { db } from "@/lib/db";
import { buildPlaceIndex, fold, searchPlaceIndex, type PlaceHit, type PlaceIndex, type PlaceRow } from "./place-search";

let index: Promise<PlaceIndex> | undefined;

/** Read once per process from public/ (built by scripts/build-map-data.mjs). */
function placeIndex(): Promise<PlaceIndex> {
  index ??= readFile(join(process.cwd(), "public", "map-data", "places.json"), "utf8")
    .then((text) => buildPlaceIndex(JSON.parse(text) as PlaceRow[]))
    .catch((error) => {
      index = undefined;
      throw error;
    });
  return index;
}

/** Depots of this fleet only, matched on name or address. */
export async function searchFleetDepots(fleetId: string, query: string, limit = 5): Promise<PlaceHit[]> {
  const q = query.trim();
  const depots = await db.depot.findMany({
    where: {
      fleetId,
      ...(q
        ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { address: { contains: q, mode: "insensitive" } }] }
        : {}),
    },
    orderBy: { name: "asc" },
    take: limit,
  });
  return depots.map((d) => ({
    kind: "depot",
    id: `depot:${d.id}`,
    name: d.name,
    detail: d.address ?? undefined,
    latitude: d.latitude,
    longitude: d.longitude,
  }));
}

/** A depot as the map draws it. */
export interface MapDepot {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** Every depot of this fleet (and only this fleet), for the map's depot layer. */
export async function fleetDepots(fleetId: string, limit = 2_000): Promise<MapDepot[]> {
  return db.depot.findMany({
    where: { fleetId },
    select: { id: true, name: true, latitude: true, longitude: true },
    orderBy: { name: "asc" },
    take: limit,
  });
}

export async function searchPlaces(fleetId: string, query: string): Promise<PlaceHit[]> {
  const [depots, towns] = await Promise.all([
    searchFleetDepots(fleetId, query),
    fold(query).length >= 2 ? placeIndex().then((i) => searchPlaceIndex(i, query)) : Promise.resolve([]),
  ]);
  return [...depots, ...towns];
}
