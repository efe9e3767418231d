"use client";
// The map's server data, held in the TanStack Query cache.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api/contract";
import { apiGet, apiKey } from "@/lib/api/client";
import type { ProviderName } from "@/lib/domain";
import type { BBox } from "@/lib/geo/distance";
import { filtersKey, filtersToParams, type ChargerFilters } from "@/lib/search/filters";
import { snapBBox } from "@/lib/search/viewport";

/**
 * Chargers in the viewport. The key holds the snapped viewport: panning within it (or back to
 * an earlier one) reuses the cached answer; the previous answer stays on screen while loading.
 */
export function useChargerSearch(fleetId: string, bbox: BBox | null, filters: ChargerFilters) {
  const area = bbox ? snapBBox(bbox) : null;
  return useQuery({
    queryKey: [...apiKey(api.chargers.search), fleetId, area, filtersKey(filters)],
    enabled: area !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: false,
    queryFn: ({ signal }) =>
      apiGet(api.chargers.search, { fleetId, ...area!, ...filtersToParams(filters) }, { signal }),
  });
}

/** The selected location fresh from its provider, with the fleet's price where offered. */
export function useChargerDetails(fleetId: string, source: { provider: ProviderName; locationId: string } | null) {
  return useQuery({
    queryKey: apiKey(api.chargers.location, source ? { fleetId, ...source } : undefined),
    enabled: source !== null,
    staleTime: 60_000,
    retry: false,
    queryFn: ({ signal }) => apiGet(api.chargers.location, { fleetId, ...source! }, { signal }),
  });
}

export function usePlaceSearch(fleetId: string, query: string) {
  return useQuery({
    queryKey: apiKey(api.chargers.places, { fleetId, q: query }),
    enabled: query.trim().length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiGet(api.chargers.places, { fleetId, q: query }, { signal }),
  });
}
