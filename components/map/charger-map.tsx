"use client";
// The MapLibre map: offline basemap (or MAP_STYLE_URL), clustered charger markers, hover/selection; at low
// zoom count bubbles in place of chargers; the fleet's depots with their names.
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";
import Map, {
  AttributionControl,
  GeolocateControl,
  Layer,
  NavigationControl,
  ScaleControl,
  Source,
  type LayerProps,
  type MapLayerMouseEvent,
  type MapRef,
} from "react-map-gl/maplibre";
import type { GeoJSONSource } from "maplibre-gl";
import type { BBox } from "@/lib/geo/distance";
import { chooseBasemap, type BasemapChoice } from "@/lib/map/basemap";
import type { ChargerAggregate } from "@/lib/search/aggregate";
import type { MapDepot } from "@/lib/search/places";
import type { ChargerResult } from "@/lib/search/types";
import {
  AGGREGATE_CLUSTER_PROPERTIES,
  AGGREGATE_LAYER_IDS,
  AGGREGATE_SOURCE,
  aggregateLayers,
  aggregatesToGeoJson,
  DEPOT_SOURCE,
  depotLayers,
  depotsToGeoJson,
  CHARGER_CLUSTER_PROPERTIES,
  CHARGER_LAYER_IDS,
  CHARGER_SOURCE,
  chargerLayers,
  chargersToGeoJson,
  highlightLayer,
  MAP_FADE_DURATION_MS,
  offlineBasemapStyle,
} from "./map-style";

export interface MapView {
  latitude: number;
  longitude: number;
  zoom: number;
}

/** A place to move to; a new nonce moves again to the same place. */
export interface FlyToTarget {
  latitude: number;
  longitude: number;
  zoom?: number;
  nonce: number;
}

interface ChargerMapProps {
  /** A vector style with streets to try (MAP_STYLE_URL or the default); the offline basemap when absent or unreachable. */
  styleUrl?: string;
  initialView: MapView;
  chargers: ChargerResult[];
  /** Low zoom: counts per area, drawn as bubbles (empty otherwise). */
  aggregates: ChargerAggregate[];
  depots: MapDepot[];
  selectedKey: string | null;
  hoveredKey: string | null;
  onViewChange(view: MapView, bounds: BBox): void;
  onSelect(key: string): void;
  onHover(key: string | null): void;
  flyTo?: FlyToTarget | null;
}

const INTERACTIVE_LAYERS = [CHARGER_LAYER_IDS.clusters, CHARGER_LAYER_IDS.points, AGGREGATE_LAYER_IDS.bubbles];

/** How far a click on a count bubble zooms in (unless the merged bubble says where it splits). */
const BUBBLE_ZOOM_STEP = 2;

export function ChargerMap({
  styleUrl,
  initialView,
  chargers,
  aggregates,
  depots,
  selectedKey,
  hoveredKey,
  onViewChange,
  onSelect,
  onHover,
  flyTo,
}: ChargerMapProps) {
  const t = useTranslations("map");
  const mapRef = useRef<MapRef>(null);
  const [idle, setIdle] = useState(false);
  const [cursor, setCursor] = useState<string>("");
  const attribution = t("attribution");
  const [offline] = useState(() =>
    offlineBasemapStyle(document.documentElement.classList.contains("dark") ? "dark" : "light", "", attribution),
  );
  // With a street style to try, the map waits for its answer (at most a few seconds), then draws it or the
  // offline basemap: never a broken map.
  const [basemap, setBasemap] = useState<BasemapChoice | null>(styleUrl ? null : { kind: "offline" });
  useEffect(() => {
    if (!styleUrl) return;
    let current = true;
    void chooseBasemap(styleUrl).then((choice) => {
      if (current) setBasemap(choice);
    });
    return () => {
      current = false;
    };
  }, [styleUrl]);
  const mapStyle = basemap?.kind === "streets" ? basemap.url : offline;
  // MapLibre's own control labels, in the reader's language.
  const [locale] = useState(() => ({
    "Map.Title": t("controls.map"),
    "NavigationControl.ZoomIn": t("controls.zoomIn"),
    "NavigationControl.ZoomOut": t("controls.zoomOut"),
    "NavigationControl.ResetBearing": t("controls.resetBearing"),
    "GeolocateControl.FindMyLocation": t("controls.findMyLocation"),
    "GeolocateControl.LocationNotAvailable": t("controls.locationNotAvailable"),
    "AttributionControl.ToggleAttribution": t("controls.toggleAttribution"),
    "AttributionControl.MapFeedback": t("controls.mapFeedback"),
  }));
  const geojson = useMemo(() => chargersToGeoJson(chargers), [chargers]);
  const aggregateGeojson = useMemo(() => aggregatesToGeoJson(aggregates), [aggregates]);
  const depotGeojson = useMemo(() => depotsToGeoJson(depots), [depots]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !flyTo) return;
    map.flyTo({ center: [flyTo.longitude, flyTo.latitude], zoom: flyTo.zoom ?? Math.max(map.getZoom(), 13) });
  }, [flyTo]);

  // Selection and hover are drawn from a tiny source of their own, above the clusters, so a
  // charger hidden inside a cluster still shows where it is, and the 50,000-point source is untouched.
  const highlighted = useMemo(() => {
    const keys = new Set([selectedKey, hoveredKey].filter((k): k is string => Boolean(k)));
    return {
      type: "FeatureCollection" as const,
      features: geojson.features
        .filter((f) => keys.has(f.properties.key))
        .map((f) => ({ ...f, properties: { ...f.properties, selected: f.properties.key === selectedKey } })),
    };
  }, [geojson, selectedKey, hoveredKey]);

  function reportView() {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    const center = map.getCenter();
    onViewChange(
      { latitude: center.lat, longitude: center.lng, zoom: map.getZoom() },
      { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() },
    );
  }

  async function handleClick(event: MapLayerMouseEvent) {
    const feature = event.features?.[0];
    if (!feature) return;
    if (feature.layer?.id === AGGREGATE_LAYER_IDS.bubbles) {
      // A count bubble zooms in towards its chargers: a merged one to where it splits.
      const map = mapRef.current;
      const [longitude, latitude] = (feature.geometry as GeoJSON.Point).coordinates;
      const source = map?.getSource(AGGREGATE_SOURCE) as GeoJSONSource | undefined;
      const split = feature.properties?.cluster
        ? await source?.getClusterExpansionZoom(feature.properties.cluster_id as number)
        : undefined;
      const zoom = Math.max(split ?? 0, (map?.getZoom() ?? 0) + BUBBLE_ZOOM_STEP);
      map?.easeTo({ center: [longitude, latitude], zoom });
      return;
    }
    if (feature.properties?.cluster) {
      const source = mapRef.current?.getSource(CHARGER_SOURCE) as GeoJSONSource | undefined;
      const zoom = await source?.getClusterExpansionZoom(feature.properties.cluster_id as number);
      const [longitude, latitude] = (feature.geometry as GeoJSON.Point).coordinates;
      mapRef.current?.easeTo({ center: [longitude, latitude], zoom: zoom ?? undefined });
      return;
    }
    onSelect(String(feature.properties?.key));
  }

  function handleMouseMove(event: MapLayerMouseEvent) {
    const feature = event.features?.[0];
    setCursor(feature ? "pointer" : "");
    const isCharger = feature && !feature.properties?.cluster && feature.layer?.id === CHARGER_LAYER_IDS.points;
    onHover(isCharger ? String(feature.properties?.key) : null);
  }

  return (
    <div
      className="relative h-full w-full"
      data-testid="charger-map"
      data-idle={idle ? "yes" : "no"}
      data-charger-count={chargers.length}
      data-aggregate-count={aggregates.length}
    >
      {!basemap ? (
        <div className="flex h-full items-center justify-center">
          <Spinner label={t("loadingMap")} />
        </div>
      ) : (
        <Map
          ref={mapRef}
          initialViewState={initialView}
          mapStyle={mapStyle}
          locale={locale}
          style={{ width: "100%", height: "100%" }}
          workerUrl="/maplibre-gl-worker.mjs"
          canvasContextAttributes={{ preserveDrawingBuffer: true }}
          fadeDuration={MAP_FADE_DURATION_MS}
          attributionControl={false}
          interactiveLayerIds={INTERACTIVE_LAYERS}
          cursor={cursor}
          onLoad={reportView}
          onMoveEnd={reportView}
          onMoveStart={() => setIdle(false)}
          onIdle={() => setIdle(true)}
          onClick={handleClick}
          onMouseMove={handleMouseMove}
          onMouseLeave={() => onHover(null)}
        >
          <NavigationControl position="top-right" />
          <GeolocateControl position="top-right" />
          <ScaleControl position="bottom-left" />
          <AttributionControl
            position="bottom-right"
            compact
            customAttribution={basemap?.kind === "streets" ? undefined : attribution}
          />
          <Source
            id={CHARGER_SOURCE}
            type="geojson"
            data={geojson}
            cluster
            clusterRadius={50}
            clusterMaxZoom={14}
            clusterProperties={CHARGER_CLUSTER_PROPERTIES}
          >
            {chargerLayers.map((layer) => (
              <Layer key={layer.id} {...(layer as LayerProps)} />
            ))}
          </Source>
          <Source
            id={AGGREGATE_SOURCE}
            type="geojson"
            data={aggregateGeojson}
            cluster
            clusterRadius={40}
            clusterProperties={AGGREGATE_CLUSTER_PROPERTIES}
          >
            {aggregateLayers.map((layer) => (
              <Layer key={layer.id} {...(layer as LayerProps)} />
            ))}
          </Source>
          <Source id={DEPOT_SOURCE} type="geojson" data={depotGeojson}>
            {depotLayers.map((layer) => (
              <Layer key={layer.id} {...(layer as LayerProps)} />
            ))}
          </Source>
          <Source id="charger-highlight" type="geojson" data={highlighted}>
            <Layer {...(highlightLayer as LayerProps)} />
          </Source>
        </Map>
      )}
    </div>
  );
}
