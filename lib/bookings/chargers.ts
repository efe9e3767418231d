// Finding bookable charge points: the wizard's small search, and alternatives after a 409.
import "server-only";
import type { ChargingLocation, Evse } from "@/lib/domain";
import type { BookingProviders } from "./providers";
import type { BookableProvider, ChargerSnapshot } from "./schemas";

export interface BookableEvse {
  locationId: string;
  evseUid: string;
  connectorId?: string;
  charger: ChargerSnapshot;
  distanceM?: number;
}

export interface BookableLocation {
  locationId: string;
  name: string;
  address?: string;
  distanceM?: number;
  evses: BookableEvse[];
}

function isReservable(location: ChargingLocation, evse: Evse): boolean {
  return location.supportsReservation && (evse.capabilities.includes("RESERVABLE") || evse.capabilities.length === 0);
}

export function snapshotOf(location: ChargingLocation, evse: Evse): ChargerSnapshot {
  const connector = evse.connectors[0];
  return {
    name: location.name,
    address: location.address,
    city: location.city,
    postalCode: location.postalCode,
    latitude: location.latitude,
    longitude: location.longitude,
    timeZone: location.timeZone,
    operatorName: location.operator?.name,
    evseId: evse.evseId,
    connectorLabel: connector ? `${connector.standard.replaceAll("_", " ")} · ${connector.powerKw} kW` : undefined,
    reservable: isReservable(location, evse),
    estimateMinor: location.price?.total.amountMinor,
    currency: location.price?.total.currency,
  };
}

function toBookable(location: ChargingLocation): BookableLocation {
  return {
    locationId: location.id,
    name: location.name,
    address: location.address,
    distanceM: location.distanceM,
    evses: location.evses.map((evse) => ({
      locationId: location.id,
      evseUid: evse.uid,
      connectorId: evse.connectors[0]?.id,
      charger: snapshotOf(location, evse),
      distanceM: location.distanceM,
    })),
  };
}

export async function searchBookableChargers(
  providers: BookingProviders,
  query: {
    provider: BookableProvider;
    latitude: number;
    longitude: number;
    radiusKm: number;
    window?: { start: Date; end: Date };
    limit?: number;
  },
): Promise<BookableLocation[]> {
  const searcher = query.provider === "PETITMONDE" ? providers.petitMonde : providers.depot;
  if (!searcher.search) return [];
  const locations = await searcher.search({
    latitude: query.latitude,
    longitude: query.longitude,
    radiusM: query.radiusKm * 1000,
    reservableOnly: true,
    window: query.window,
    limit: query.limit ?? 30,
  });
  return locations.map(toBookable);
}

/** Finds one charge point in a search around it: the server's own view of what the browser sent. */
export async function findBookableEvse(
  providers: BookingProviders,
  query: {
    provider: BookableProvider;
    locationId: string;
    evseUid: string;
    latitude: number;
    longitude: number;
    window: { start: Date; end: Date };
  },
): Promise<BookableEvse | null> {
  const locations = await searchBookableChargers(providers, { ...query, radiusKm: 1 });
  const location = locations.find((l) => l.locationId === query.locationId);
  return location?.evses.find((e) => e.evseUid === query.evseUid) ?? null;
}

/**
 * Other charge points free in the same window: the rest of the same location first (the driver's plan
 * barely changes), then the nearest other locations. One search request.
 */
export async function findAlternatives(
  providers: BookingProviders,
  taken: {
    provider: BookableProvider;
    locationId: string;
    evseUid: string;
    latitude: number;
    longitude: number;
    window: { start: Date; end: Date };
  },
  max = 6,
): Promise<BookableEvse[]> {
  const locations = await searchBookableChargers(providers, { ...taken, radiusKm: 5 });
  const candidates = locations
    .flatMap((l) => l.evses)
    .filter((e) => e.charger.reservable && !(e.locationId === taken.locationId && e.evseUid === taken.evseUid));
  const sameLocation = candidates.filter((e) => e.locationId === taken.locationId);
  const nearby = candidates
    .filter((e) => e.locationId !== taken.locationId)
    .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
  return [...sameLocation, ...nearby].slice(0, max);
}

/**
 * The charge point a "Book" link names. The link carries ids only and Petit Monde cannot fetch a location
 * by id, so it is looked up in one wide search around the given point or the fleet's first depot.
 */
export async function resolvePrefilledCharger(
  providers: BookingProviders,
  query: {
    provider: BookableProvider;
    locationId: string;
    evseUid: string;
    connectorId?: string;
    near: { latitude: number; longitude: number };
  },
): Promise<BookableEvse | null> {
  const locations = await searchBookableChargers(providers, {
    provider: query.provider,
    ...query.near,
    radiusKm: 100,
    limit: 500,
  });
  const location = locations.find((l) => l.locationId === query.locationId);
  const evse = location?.evses.find((e) => e.evseUid === query.evseUid);
  if (!evse) return null;
  return query.connectorId ? { ...evse, connectorId: query.connectorId } : evse;
}
