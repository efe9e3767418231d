"use client";
// The map's server data, held in the TanStack Query cache.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import type { ProviderName } from "@/lib/domain";
import type { BBox } from "@/lib/geo/distance";
import { filtersKey, filtersToParams, type ChargerFilters } from "@/lib/search/filters";
import { snapBBox } from "@/lib/search/viewport";

/**
 * Chargers in the viewport. The key holds the snapped viewport: panning within it (or back to
 * an earlier one) reuses the cached answer; the previous answer stays on screen while loading.
 */
function chargerSearchKey(fleetId: string, area: BBox | null, filters: ChargerFilters) {
  return [...apiKey(api.chargers.search), fleetId, area, filtersKey(filters)];
}

export function useChargerSearch(fleetId: string, bbox: BBox | null, filters: ChargerFilters) {
  const area = bbox ? snapBBox(bbox) : null;
  return useQuery({
    queryKey: chargerSearchKey(fleetId, area, filters),
    enabled: area !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: false,
    queryFn: ({ signal }) =>
      apiGet(api.chargers.search, { fleetId, ...area!, ...filtersToParams(filters) }, { signal }),
  });
}

/**
 * Asks the providers again for the viewport, past every cache (the statuses of a kept answer may be hours old),
 * and shows their answer in place of the kept one.
 */
export function useStatusRefresh(fleetId: string, bbox: BBox | null, filters: ChargerFilters) {
  const queryClient = useQueryClient();
  const area = bbox ? snapBBox(bbox) : null;
  return useMutation({
    mutationFn: () =>
      apiGet(api.chargers.search, { fleetId, ...area!, ...filtersToParams(filters), refresh: "1" as const }),
    onSuccess: (fresh) => queryClient.setQueryData(chargerSearchKey(fleetId, area, filters), fresh),
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
