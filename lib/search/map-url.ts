// The map page's URL: view (centre, zoom) and filters, so a link or a reload restores both;
// and the links from a charger to the booking wizard and to a remote start.
import { filtersFromSearchParams, filtersToParams, type ChargerFilters } from "./filters";
import type { EvseOffer } from "./types";

export interface MapViewState {
  latitude: number;
  longitude: number;
  zoom: number;
}

/** Central Berlin, where the demo fleet's depots are. */
export const DEFAULT_VIEW: MapViewState = { latitude: 52.52, longitude: 13.405, zoom: 12 };

function numberIn(value: string | null, min: number, max: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

export function viewFromSearchParams(params: URLSearchParams): MapViewState {
  const latitude = numberIn(params.get("lat"), -85, 85);
  const longitude = numberIn(params.get("lng"), -180, 180);
  const zoom = numberIn(params.get("z"), 0, 22);
  if (latitude === undefined || longitude === undefined) return { ...DEFAULT_VIEW, zoom: zoom ?? DEFAULT_VIEW.zoom };
  return { latitude, longitude, zoom: zoom ?? DEFAULT_VIEW.zoom };
}

/** lat/lng to 5 decimals (≈ 1 m) and zoom to 2: precise enough, short enough to share. */
export function mapSearchParams(view: MapViewState, filters: ChargerFilters): URLSearchParams {
  return new URLSearchParams({
    lat: view.latitude.toFixed(5),
    lng: view.longitude.toFixed(5),
    z: view.zoom.toFixed(2),
    ...filtersToParams(filters),
  });
}

export function mapStateFromSearchParams(params: URLSearchParams): { view: MapViewState; filters: ChargerFilters } {
  return { view: viewFromSearchParams(params), filters: filtersFromSearchParams(params) };
}

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
