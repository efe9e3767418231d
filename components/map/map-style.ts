// The offline basemap style and the charger layers, as plain MapLibre style JSON so that the
// benchmark page renders exactly what the app renders.
import type { FeatureCollection, Point } from "geojson";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import type { ChargerAggregate } from "@/lib/search/aggregate";
import type { Availability, ChargerResult } from "@/lib/search/types";

/** With no glyphs URL, maplibre-gl 6 draws labels locally (TinySDF) in this CSS font family. */
export const LABEL_FONT = ["DejaVu Sans"];

const PALETTE = {
  light: { water: "#cfe3f3", land: "#f5f3ee", border: "#8a8f98", region: "#b9bcc4", town: "#374151", halo: "#ffffff" },
  dark: { water: "#0f1d2b", land: "#1f2329", border: "#6b7280", region: "#3f4550", town: "#d1d5db", halo: "#111827" },
};

/**
 * A basemap with no network: land over a water background, country and (Europe) region borders,
 * and town labels, all from the compact files `scripts/build-map-data.mjs` writes to /map-data/.
 * `attribution` credits the data (`map.attribution`, in the reader's language).
 */
export function offlineBasemapStyle(
  theme: "light" | "dark" = "light",
  origin = "",
  attribution?: string,
): StyleSpecification {
  const c = PALETTE[theme];
  const data = (name: string) => `${origin}/map-data/${name}`;
  return {
    version: 8,
    sources: {
      land: { type: "geojson", data: data("land.geojson"), attribution },
      borders: { type: "geojson", data: data("borders.geojson") },
      regions: { type: "geojson", data: data("regions.geojson") },
      towns: { type: "geojson", data: data("towns.geojson") },
    },
    layers: [
      { id: "water", type: "background", paint: { "background-color": c.water } },
      { id: "land", type: "fill", source: "land", paint: { "fill-color": c.land } },
      {
        id: "region-borders",
        type: "line",
        source: "regions",
        minzoom: 4,
        paint: { "line-color": c.region, "line-width": 0.7, "line-dasharray": [3, 2] },
      },
      {
        id: "country-borders",
        type: "line",
        source: "borders",
        paint: { "line-color": c.border, "line-width": ["interpolate", ["linear"], ["zoom"], 2, 0.6, 8, 1.6] },
      },
      {
        id: "town-labels",
        type: "symbol",
        source: "towns",
        // Smaller towns appear as the map zooms in; the file is sorted largest first, which wins collisions.
        filter: [">=", ["get", "population"], ["step", ["zoom"], 2_000_000, 4, 500_000, 5, 200_000, 6, 100_000, 7, 0]],
        layout: {
          "text-field": ["get", "name"],
          "text-font": LABEL_FONT,
          "text-size": ["interpolate", ["linear"], ["zoom"], 3, 11, 10, 14],
          "text-max-width": 8,
        },
        paint: { "text-color": c.town, "text-halo-color": c.halo, "text-halo-width": 1.2 },
      },
    ],
  };
}

/**
 * Labels appear at once instead of fading in over 300 ms: every fade frame redraws the whole map, and with
 * 50,000 chargers that made the map reach idle twice as late as a bare MapLibre page (bench/map.ts).
 */
export const MAP_FADE_DURATION_MS = 0;

export const CHARGER_SOURCE = "chargers";

const AVAILABILITY_COLORS: Record<Availability, string> = {
  available: "#16a34a",
  occupied: "#f59e0b",
  unavailable: "#dc2626",
  unknown: "#6b7280",
};

const availabilityColor: unknown[] = [
  "match",
  ["get", "availability"],
  ...Object.entries(AVAILABILITY_COLORS).flat(),
  AVAILABILITY_COLORS.unknown,
];

/** Cluster properties: how many of the clustered locations have a free EVSE. */
export const CHARGER_CLUSTER_PROPERTIES = {
  // Summed from a number each point carries: cheaper per point than comparing its availability's text.
  available: ["+", ["get", "free"]],
};

export const CHARGER_LAYER_IDS = { clusters: "charger-clusters", points: "charger-points" } as const;

export const chargerLayers: LayerSpecification[] = [
  {
    id: CHARGER_LAYER_IDS.clusters,
    type: "circle",
    source: CHARGER_SOURCE,
    filter: ["has", "point_count"],
    paint: {
      // Green when something in the cluster is free, grey otherwise.
      "circle-color": ["case", [">", ["get", "available"], 0], "#15803d", "#4b5563"],
      "circle-opacity": 0.85,
      "circle-radius": ["step", ["get", "point_count"], 14, 50, 18, 500, 24, 5000, 30],
      "circle-stroke-width": 2,
      "circle-stroke-color": "#ffffff",
    },
  },
  {
    id: "charger-cluster-count",
    type: "symbol",
    source: CHARGER_SOURCE,
    filter: ["has", "point_count"],
    // A count sits inside its own circle, and circles are spaced by the clustering: no collision placement to
    // compute for thousands of labels (the map's idle time after data arrival, bench/map.ts).
    layout: {
      "text-field": ["get", "point_count_abbreviated"],
      "text-font": LABEL_FONT,
      "text-size": 12,
      "text-allow-overlap": true,
      "text-ignore-placement": true,
    },
    paint: { "text-color": "#ffffff" },
  },
  {
    id: CHARGER_LAYER_IDS.points,
    type: "circle",
    source: CHARGER_SOURCE,
    filter: ["!", ["has", "point_count"]],
    paint: {
      "circle-color": availabilityColor as never,
      // Sized by power: ≤ 22 kW, ≤ 50 kW, ≤ 150 kW, faster.
      "circle-radius": ["step", ["get", "powerKw"], 7, 23, 9, 51, 11, 151, 13],
      "circle-stroke-width": 1.5,
      "circle-stroke-color": "#ffffff",
    },
  },
  {
    id: "charger-power-labels",
    type: "symbol",
    source: CHARGER_SOURCE,
    filter: ["!", ["has", "point_count"]],
    minzoom: 11,
    layout: {
      "text-field": ["concat", ["to-string", ["get", "powerKw"]], " kW"],
      "text-font": LABEL_FONT,
      "text-size": 11,
      "text-offset": [0, 1.5],
      "text-anchor": "top",
      "text-optional": true,
    },
    paint: { "text-color": "#111827", "text-halo-color": "#ffffff", "text-halo-width": 1.2 },
  },
];

export const AGGREGATE_SOURCE = "charger-aggregates";

/** Nearby count bubbles merge on screen; a merged one shows the sum. */
export const AGGREGATE_CLUSTER_PROPERTIES = { total: ["+", ["get", "count"]] };

export const AGGREGATE_LAYER_IDS = { bubbles: "charger-aggregate-bubbles" } as const;

const aggregateCount = ["coalesce", ["get", "total"], ["get", "count"]];

/** Low zoom: how many chargers each area holds (lib/search/aggregate.ts), one bubble per area. */
export const aggregateLayers: LayerSpecification[] = [
  {
    id: AGGREGATE_LAYER_IDS.bubbles,
    type: "circle",
    source: AGGREGATE_SOURCE,
    paint: {
      "circle-color": "#1d4ed8",
      "circle-opacity": 0.8,
      "circle-radius": ["step", aggregateCount, 12, 10, 15, 100, 19, 1000, 24, 10000, 30] as never,
      "circle-stroke-width": 2,
      "circle-stroke-color": "#ffffff",
    },
  },
  {
    id: "charger-aggregate-count",
    type: "symbol",
    source: AGGREGATE_SOURCE,
    layout: {
      "text-field": ["number-format", aggregateCount, {}] as never,
      "text-font": LABEL_FONT,
      "text-size": 12,
      "text-allow-overlap": true,
    },
    paint: { "text-color": "#ffffff" },
  },
];

export function aggregatesToGeoJson(
  aggregates: readonly ChargerAggregate[],
): FeatureCollection<Point, { count: number }> {
  return {
    type: "FeatureCollection",
    features: aggregates.map((a, index) => ({
      type: "Feature",
      id: index + 1,
      properties: { count: a.count },
      geometry: { type: "Point", coordinates: [a.longitude, a.latitude] },
    })),
  };
}

export const DEPOT_SOURCE = "depots";

/** The fleet's depots: a purple marker, the depot's name below it from zoom 7. */
export const depotLayers: LayerSpecification[] = [
  {
    id: "depot-markers",
    type: "circle",
    source: DEPOT_SOURCE,
    paint: {
      "circle-color": "#7c3aed",
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 4, 4, 12, 8],
      "circle-stroke-width": 2,
      "circle-stroke-color": "#ffffff",
    },
  },
  {
    id: "depot-labels",
    type: "symbol",
    source: DEPOT_SOURCE,
    minzoom: 7,
    layout: {
      "text-field": ["get", "name"],
      "text-font": LABEL_FONT,
      "text-size": 12,
      "text-offset": [0, 1.2],
      "text-anchor": "top",
      "text-optional": true,
    },
    paint: { "text-color": "#5b21b6", "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
  },
];

export function depotsToGeoJson(
  depots: ReadonlyArray<{ id: string; name: string; latitude: number; longitude: number }>,
): FeatureCollection<Point, { id: string; name: string }> {
  return {
    type: "FeatureCollection",
    features: depots.map((d) => ({
      type: "Feature",
      properties: { id: d.id, name: d.name },
      geometry: { type: "Point", coordinates: [d.longitude, d.latitude] },
    })),
  };
}

/** A ring around the selected (solid) or hovered (thin) charger, drawn above the clusters. */
export const highlightLayer: LayerSpecification = {
  id: "charger-highlight",
  type: "circle",
  source: "charger-highlight",
  paint: {
    "circle-radius": 17,
    "circle-color": "rgba(29, 78, 216, 0.15)",
    "circle-stroke-color": "#1d4ed8",
    "circle-stroke-width": ["case", ["get", "selected"], 4, 2],
  },
};

export interface ChargerFeatureProperties {
  key: string;
  availability: Availability;
  /** 1 when available now, else 0: what a cluster counts. */
  free: 0 | 1;
  powerKw: number;
}

export function chargersToGeoJson(chargers: ChargerResult[]): FeatureCollection<Point, ChargerFeatureProperties> {
  return {
    type: "FeatureCollection",
    features: chargers.map((c, index) => ({
      type: "Feature",
      id: index + 1,
      properties: {
        key: c.key,
        availability: c.availability,
        free: c.availability === "available" ? 1 : 0,
        powerKw: Math.round(c.maxPowerKw),
      },
      geometry: { type: "Point", coordinates: [c.longitude, c.latitude] },
    })),
  };
}
