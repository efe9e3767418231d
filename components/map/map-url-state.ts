"use client";
// The map's view (centre, zoom) and filters in the URL, read and written with nuqs, so a link or a reload
// restores both. A hand-edited or outdated link loses only the values that no longer parse.
import { useCallback, useMemo } from "react";
import { createParser, parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { CONNECTOR_STANDARDS, PROVIDERS } from "@/lib/domain";
import type { ChargerFilters } from "@/lib/search/filters";
import { DEFAULT_VIEW, type MapViewState } from "@/lib/search/map-url";

/** A number in range, written with a fixed number of decimals: lat/lng to ≈ 1 m, zoom to 2. */
function parseAsNumberIn(min: number, max: number, decimals: number) {
  return createParser({
    parse: (value: string) => {
      const n = value.trim() === "" ? NaN : Number(value);
      return Number.isFinite(n) && n >= min && n <= max ? n : null;
    },
    serialize: (n: number) => n.toFixed(decimals),
  });
}

/** "1" for on; the filter is simply left out when off. */
const parseAsFlag = createParser({
  parse: (value: string) => value === "1" || value === "true",
  serialize: () => "1",
}).withDefault(false);

const parseAsInstant = createParser({
  parse: (value: string) => (Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString()),
  serialize: (iso: string) => iso,
});

const mapUrlParsers = {
  lat: parseAsNumberIn(-85, 85, 5),
  lng: parseAsNumberIn(-180, 180, 5),
  z: parseAsNumberIn(0, 22, 2),
  connectors: parseAsArrayOf(parseAsStringLiteral(CONNECTOR_STANDARDS)).withDefault([]),
  minKw: parseAsNumberIn(0, 1000, 0),
  current: parseAsStringLiteral(["AC", "DC"] as const),
  available: parseAsFlag,
  reservable: parseAsFlag,
  start: parseAsInstant,
  end: parseAsInstant,
  providers: parseAsArrayOf(parseAsStringLiteral(PROVIDERS)).withDefault([]),
  operator: parseAsString,
};

export function useMapUrlState() {
  const [params, setParams] = useQueryStates(mapUrlParsers, { history: "replace", scroll: false });
  const { lat, lng, z, connectors, minKw, current, available, reservable, start, end, providers, operator } = params;

  const view = useMemo<MapViewState>(
    () =>
      lat === null || lng === null
        ? { ...DEFAULT_VIEW, zoom: z ?? DEFAULT_VIEW.zoom }
        : { latitude: lat, longitude: lng, zoom: z ?? DEFAULT_VIEW.zoom },
    [lat, lng, z],
  );
  const filters = useMemo<ChargerFilters>(
    () => ({
      connectors: [...new Set(connectors)].sort(),
      minPowerKw: minKw || undefined,
      current: current ?? undefined,
      availableNow: available,
      reservable,
      // A window needs both ends, in order; half of one is no window.
      window: start && end && end > start ? { start, end } : undefined,
      providers: [...new Set(providers)].sort(),
      operator: operator?.trim() || undefined,
    }),
    [connectors, minKw, current, available, reservable, start, end, providers, operator],
  );

  const setView = useCallback(
    (next: MapViewState) => void setParams({ lat: next.latitude, lng: next.longitude, z: next.zoom }),
    [setParams],
  );
  const setFilters = useCallback(
    (next: ChargerFilters) =>
      void setParams({
        connectors: next.connectors.length ? [...next.connectors].sort() : null,
        minKw: next.minPowerKw ?? null,
        current: next.current ?? null,
        available: next.availableNow || null,
        reservable: next.reservable || null,
        start: next.window?.start ?? null,
        end: next.window?.end ?? null,
        providers: next.providers.length ? [...next.providers].sort() : null,
        operator: next.operator ?? null,
      }),
    [setParams],
  );
  return { view, filters, setView, setFilters };
}
