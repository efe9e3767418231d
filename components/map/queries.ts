"use client";
// The map's server data, held in the TanStack Query cache.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import type { BBox } from "@/lib/geo/distance";
import { filtersKey, filtersToParams, type ChargerFilters } from "@/lib/search/filters";
import type { PlaceHit } from "@/lib/search/place-search";
import type { ChargerSearchResponse } from "@/lib/search/types";
import { snapBBox } from "@/lib/search/viewport";

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `The server answered ${response.status}`);
  }
  return body as T;
}

/**
 * Chargers in the viewport. The key holds the snapped viewport: panning within it (or back to
 * an earlier one) reuses the cached answer; the previous answer stays on screen while loading.
 */
export function useChargerSearch(fleetId: string, bbox: BBox | null, filters: ChargerFilters) {
  const area = bbox ? snapBBox(bbox) : null;
  return useQuery({
    queryKey: ["chargers", fleetId, area, filtersKey(filters)],
    enabled: area !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: false,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        fleetId,
        west: String(area!.west),
        south: String(area!.south),
        east: String(area!.east),
        north: String(area!.north),
        ...filtersToParams(filters),
      });
      return getJson<ChargerSearchResponse>(`/api/chargers?${params}`, signal);
    },
  });
}

/** The selected location fresh from its provider, with the fleet's price where offered. */
export function useChargerDetails(fleetId: string, source: { provider: ProviderName; locationId: string } | null) {
  return useQuery({
    queryKey: ["charger", fleetId, source?.provider, source?.locationId],
    enabled: source !== null,
    staleTime: 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      getJson<{ location: ChargingLocation }>(
        `/api/chargers/location?${new URLSearchParams({ fleetId, provider: source!.provider, locationId: source!.locationId })}`,
        signal,
      ),
  });
}

export function usePlaceSearch(fleetId: string, query: string) {
  return useQuery({
    queryKey: ["places", fleetId, query],
    enabled: query.trim().length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      getJson<{ places: PlaceHit[] }>(`/api/chargers/places?${new URLSearchParams({ fleetId, q: query })}`, signal),
  });
}
