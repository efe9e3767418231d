// The map's view type and default, and the links from a charger to the booking wizard and to a remote start
// (the map's own URL state is components/map/map-url-state.ts).
import type { EvseOffer } from "./types";

export interface MapViewState {
  latitude: number;
  longitude: number;
  zoom: number;
}

/** Central Berlin, where the demo fleet's depots are. */
export const DEFAULT_VIEW: MapViewState = { latitude: 52.52, longitude: 13.405, zoom: 12 };

/** The booking wizard, prefilled with this EVSE (and the searched window, if any). */
export function bookingHref(
  offer: Pick<EvseOffer, "provider" | "locationId" | "evseUid">,
  connectorId: string,
  fleetId: string,
  window?: { start: string; end: string },
  /** The charger's position lets the wizard look it up nearby instead of searching around the depot. */
  position?: { latitude: number; longitude: number },
): string {
  const params = new URLSearchParams({
    provider: offer.provider,
    locationId: offer.locationId,
    evseUid: offer.evseUid,
    connectorId,
    fleetId,
  });
  if (position) {
    params.set("lat", String(position.latitude));
    params.set("lng", String(position.longitude));
  }
  if (window) {
    params.set("start", window.start);
    params.set("end", window.end);
  }
  return `/bookings/new?${params}`;
}

export function startSessionHref(
  offer: Pick<EvseOffer, "provider" | "locationId" | "evseUid">,
  connectorId: string,
): string {
  const params = new URLSearchParams({
    provider: offer.provider,
    locationId: offer.locationId,
    evseUid: offer.evseUid,
    connectorId,
  });
  return `/sessions/start?${params}`;
}
