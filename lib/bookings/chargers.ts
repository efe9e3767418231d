// Finding bookable charge points: the wizard's small search, and alternatives after a 409.
import "server-only";
import { fleetChargersFor } from "@/lib/depot-chargers/depot-chargers";
import type { ChargingLocation, Evse } from "@/lib/domain";
import type { FleetCharger } from "@/lib/providers/types";
import { rankAlternatives } from "./alternatives";
import type { BookingProviders } from "./providers";
import type { BookableProvider, ChargerSnapshot } from "./schemas";
import { windowAnswers, type WindowAnswers } from "./window-answers";

/** What finding bookable chargers reads besides the provider: the fleet's own chargers, and kept window answers. */
export interface ChargerLookup {
  fleetChargers(fleetId: string): Promise<FleetCharger[]>;
  windowAnswers: WindowAnswers;
}

/** The app's: depot chargers and window answers in PostgreSQL. */
export function appChargerLookup(): ChargerLookup {
  return { fleetChargers: fleetChargersFor, windowAnswers: windowAnswers() };
}

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
    ...(location.positionKnown === false ? { positionKnown: false } : {}),
    timeZone: location.timeZone,
    operatorName: location.operator?.name,
    evseId: evse.evseId,
    connectorLabel: connector
      ? `${connector.standard.replaceAll("_", " ")} · ${connector.powerKw} kW ${connector.powerType === "DC" ? "DC" : "AC"}`
      : undefined,
    connectorStandard: connector?.standard,
    powerType: connector?.powerType,
    powerKw: connector?.powerKw,
    reservable: isReservable(location, evse),
    estimateMinor: location.price?.sessionEstimate?.amountMinor,
    currency: location.price?.sessionEstimate?.currency,
    tariff: location.price?.tariff,
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

/**
 * Bookable charge points of one provider around a place. The fleet's configured chargers go to the
 * provider's search: providers without a charger list of their own search those. What a fleet's search for a
 * window answers is kept a few minutes, for the check of the charge point picked from it (findBookableEvse).
 */
export async function searchBookableChargers(
  providers: BookingProviders,
  query: {
    /** Whose configured chargers are searched too; undefined searches only the providers' own lists. */
    fleetId: string | undefined;
    provider: BookableProvider;
    latitude: number;
    longitude: number;
    radiusKm: number;
    window?: { start: Date; end: Date };
    limit?: number;
  },
  lookup: ChargerLookup = appChargerLookup(),
): Promise<BookableLocation[]> {
  const searcher = providers.forProvider(query.provider);
  if (!searcher.search) return [];
  const locations = await searcher.search({
    latitude: query.latitude,
    longitude: query.longitude,
    radiusM: query.radiusKm * 1000,
    reservableOnly: true,
    window: query.window,
    limit: query.limit ?? 30,
    fleetChargers: query.fleetId ? await lookup.fleetChargers(query.fleetId) : undefined,
  });
  const bookable = locations.map(toBookable);
  if (query.window && query.fleetId) {
    const { fleetId, provider, window, latitude, longitude, radiusKm } = query;
    await lookup.windowAnswers.remember(
      { fleetId, provider, window, circle: { latitude, longitude, radiusKm } },
      bookable,
    );
  }
  return bookable;
}

/**
 * Finds one charge point in a search around it: the server's own view of what the browser sent. For a window,
 * the fleet's own search for that window minutes before (the wizard's) answers first, at no request.
 */
export async function findBookableEvse(
  providers: BookingProviders,
  query: {
    fleetId: string;
    provider: BookableProvider;
    locationId: string;
    evseUid: string;
    latitude: number;
    longitude: number;
    /** false when the position is where the wizard searched, not the charger's own. */
    positionKnown?: boolean;
    /** Without a window the charge point is looked up whether or not it is free. */
    window?: { start: Date; end: Date };
  },
  lookup: ChargerLookup = appChargerLookup(),
): Promise<BookableEvse | null> {
  if (query.window) {
    const kept = await lookup.windowAnswers.find({ ...query, window: query.window });
    if (kept) return kept;
  }
  // Without its own position the charger is somewhere within the wizard's search, not next to its centre.
  const radiusKm = query.positionKnown === false ? 50 : 1;
  const locations = await searchBookableChargers(providers, { ...query, radiusKm, limit: 200 }, lookup);
  const location = locations.find((l) => l.locationId === query.locationId);
  return location?.evses.find((e) => e.evseUid === query.evseUid) ?? null;
}

/**
 * Other charge points free in the same window, most like the taken one first (connector, then power, then
 * distance; see rankAlternatives). One search request.
 */
export async function findAlternatives(
  providers: BookingProviders,
  taken: {
    /** The fleet that books: without it, chargers only the fleet itself configured are not offered. */
    fleetId?: string;
    provider: BookableProvider;
    locationId: string;
    evseUid: string;
    latitude: number;
    longitude: number;
    window: { start: Date; end: Date };
    /** The taken charge point as the booking remembers it: its connector is what alternatives should match. */
    charger?: ChargerSnapshot;
    /** How far around it to look; 5 km unless said. */
    radiusKm?: number;
  },
  max = 6,
): Promise<BookableEvse[]> {
  const locations = await searchBookableChargers(providers, {
    ...taken,
    fleetId: taken.fleetId,
    radiusKm: taken.radiusKm ?? 5,
  });
  return rankAlternatives(
    { ...taken, connector: taken.charger },
    locations.flatMap((l) => l.evses),
    max,
  );
}

/**
 * The charge point a "Book" link names. The link carries ids only and Petit Monde cannot fetch a location
 * by id, so it is looked up in one wide search around the given point or the fleet's first depot.
 */
export async function resolvePrefilledCharger(
  providers: BookingProviders,
  query: {
    fleetId: string;
    provider: BookableProvider;
    locationId: string;
    evseUid: string;
    connectorId?: string;
    near: { latitude: number; longitude: number };
  },
): Promise<BookableEvse | null> {
  const locations = await searchBookableChargers(providers, {
    fleetId: query.fleetId,
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
