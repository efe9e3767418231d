"use client";
// The /map page: filters and place search on top, the results list (or the selected charger)
// beside the map; view and filters live in the URL so a link or a reload restores both.
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { bboxContains, distanceM, type BBox } from "@/lib/geo/distance";
import { filtersToParams, type ChargerFilters } from "@/lib/search/filters";
import type { ChargerAggregate } from "@/lib/search/aggregate";
import type { MapViewState } from "@/lib/search/map-url";
import type { MapDepot } from "@/lib/search/places";
import type { ChargerResult } from "@/lib/search/types";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import { useFormat } from "@/components/ui/format-provider";
import type { FlyToTarget } from "./charger-map";
import { ChargerPanel } from "./charger-panel";
import { FilterBar, type FilterVehicle } from "./filter-bar";
import { useMapUrlState } from "./map-url-state";
import { PlaceSearch } from "./place-search";
import { keptStatusesAsOf } from "@/lib/search/status-age";
import { useChargerSearch, useStatusRefresh } from "./queries";
import { ResultsList } from "./results-list";
import { emptyResultsMessage } from "./empty-message";

// MapLibre needs a browser (WebGL); loading it separately also keeps it out of the first JS.
const ChargerMap = dynamic(() => import("./charger-map").then((m) => m.ChargerMap), {
  ssr: false,
  loading: () => <MapLoading />,
});

function MapLoading() {
  const t = useTranslations("map");
  return (
    <div className="grid h-full place-items-center">
      <Spinner label={t("loadingMap")} />
    </div>
  );
}

const SEARCH_DEBOUNCE_MS = 300;
// Stable empty lists: a new [] on each render would hand MapLibre fresh data every time.
const NO_CHARGERS: ChargerResult[] = [];
const NO_AGGREGATES: ChargerAggregate[] = [];

export function MapPageClient({
  fleetId,
  depots = [],
  vehicles = [],
  styleUrl,
}: {
  fleetId: string;
  /** The fleet's vehicles in service, for the filter "for vehicle". */
  vehicles?: FilterVehicle[];
  /** The fleet's depots, drawn with their names. */
  depots?: MapDepot[];
  styleUrl?: string;
}) {
  const f = useFormat();
  const t = useTranslations("map");
  const common = useTranslations("common");
  const { view, filters, setView, setFilters } = useMapUrlState();
  // The map opens on the view of the link; after that it tells the URL where it is, never the other way.
  const [initialView] = useState(view);
  const [bounds, setBounds] = useState<BBox | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [hoveredKey, setHoveredKey] = useState<string | null>(null);
  const [flyTo, setFlyTo] = useState<FlyToTarget | null>(null);
  const [phoneView, setPhoneView] = useState<"map" | "list">("map");
  const [phoneFiltersOpen, setPhoneFiltersOpen] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const handleViewChange = useCallback(
    (next: MapViewState, nextBounds: BBox) => {
      clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        setView(next);
        setBounds(nextBounds);
      }, SEARCH_DEBOUNCE_MS);
    },
    [setView],
  );
  useEffect(() => () => clearTimeout(pending.current), []);

  // Every viewport is searched: one too large for single chargers is answered with counts per area.
  const search = useChargerSearch(fleetId, bounds, filters);
  const response = search.data;
  const refresh = useStatusRefresh(fleetId, bounds, filters);
  const aggregates = response?.aggregates;
  const aggregated = useMemo(() => {
    if (!aggregates || !bounds) return 0;
    return aggregates.filter((a) => bboxContains(bounds, a)).reduce((n, a) => n + a.count, 0);
  }, [aggregates, bounds]);

  // The list shows what is in view, nearest to the current centre first.
  const visible = useMemo<ChargerResult[]>(() => {
    if (!response || !bounds) return [];
    return response.chargers
      .filter((c) => bboxContains(bounds, c))
      .map((c) => ({ ...c, distanceM: Math.round(distanceM(view, c)) }))
      .sort((a, b) => a.distanceM - b.distanceM);
  }, [response, bounds, view]);

  const selected = useMemo(() => {
    if (!selectedKey || !response) return null;
    const found = response.chargers.find((c) => c.key === selectedKey);
    return found ? { ...found, distanceM: Math.round(distanceM(view, found)) } : null;
  }, [selectedKey, response, view]);

  const failures = response?.providers.filter((p) => p.status === "error" || p.status === "timeout") ?? [];
  const quotaKept = response?.providers.filter((p) => p.status === "quota") ?? [];
  const notAsked = response?.providers.filter((p) => p.status === "notAsked") ?? [];
  const incomplete = response?.providers.some((p) => p.status === "ok" && !p.complete) ?? false;
  // Measured against when the answer arrived: a kept answer's statuses may be hours old.
  const statusAsOf = aggregates ? null : keptStatusesAsOf(response?.providers ?? [], search.dataUpdatedAt);

  const filterCount = activeFilterCount(filters);

  function select(key: string) {
    setSelectedKey(key);
    setPhoneView("list");
  }

  let listBody: React.ReactNode;
  if (search.isError && !response) {
    listBody = (
      <Notice title={t("notice.searchFailedTitle")} tone="error">
        {search.error.message}
        <Button size="sm" variant="secondary" className="mt-3" onClick={() => search.refetch()}>
          {common("actions.retry")}
        </Button>
      </Notice>
    );
  } else if (!response) {
    listBody = (
      <div className="p-4">
        <Spinner label={t("notice.searchingChargers")} />
      </div>
    );
  } else if (aggregates) {
    listBody = <Notice title={t("notice.aggregatesTitle", { count: aggregated })}>{t("notice.aggregatesBody")}</Notice>;
  } else if (!visible.length) {
    listBody = <Notice title={t("notice.emptyTitle")}>{emptyResultsMessage(filters, f, t, common)}</Notice>;
  } else {
    listBody = (
      <ResultsList
        chargers={visible}
        selectedKey={selectedKey}
        hoveredKey={hoveredKey}
        onSelect={select}
        onHover={setHoveredKey}
      />
    );
  }

  return (
    <div className="-m-4 flex h-[calc(100dvh-3.5rem)] flex-col md:-m-6">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
        <h1 className="sr-only">{t("title")}</h1>
        <PlaceSearch
          fleetId={fleetId}
          onPick={(p) =>
            setFlyTo({
              latitude: p.latitude,
              longitude: p.longitude,
              zoom: p.kind === "depot" ? 15 : 12,
              nonce: Date.now(),
            })
          }
        />
        <Button
          size="sm"
          variant="secondary"
          className="md:hidden"
          aria-expanded={phoneFiltersOpen}
          onClick={() => setPhoneFiltersOpen((open) => !open)}
        >
          {filterCount ? t("toolbar.filtersActive", { count: filterCount }) : t("toolbar.filters")}
        </Button>
        {/* On a phone the filters fold away so the map keeps the screen. */}
        <div className={cn("w-full md:flex md:w-auto", phoneFiltersOpen ? "flex" : "hidden")}>
          <FilterBar filters={filters} onChange={setFilters} vehicles={vehicles} />
        </div>
        <div className="ml-auto flex gap-1 md:hidden" role="group" aria-label={t("toolbar.show")}>
          <Button size="sm" variant={phoneView === "map" ? "primary" : "secondary"} onClick={() => setPhoneView("map")}>
            {t("toolbar.map")}
          </Button>
          <Button
            size="sm"
            variant={phoneView === "list" ? "primary" : "secondary"}
            onClick={() => setPhoneView("list")}
          >
            {t("toolbar.list")}
          </Button>
        </div>
      </div>

      {failures.length > 0 && (
        <div
          role="status"
          data-testid="provider-banner"
          className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("banner.providersFailed", { failures: failures.map((failure) => failure.message).join(". ") })}
        </div>
      )}
      {quotaKept.length > 0 && (
        <div
          role="status"
          data-testid="quota-banner"
          className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {quotaKept.map((outcome) => outcome.message).join(" ")}
        </div>
      )}
      {statusAsOf && (
        <div
          data-testid="status-as-of"
          className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
        >
          <span role="status">{t("banner.statusAsOf", { time: f.time(statusAsOf) })}</span>
          <Button size="sm" variant="ghost" loading={refresh.isPending} onClick={() => refresh.mutate()}>
            {t("banner.refreshStatuses")}
          </Button>
          {refresh.isError && <span className="text-red-700 dark:text-red-300">{refresh.error.message}</span>}
        </div>
      )}
      {notAsked.length > 0 && (
        <div
          role="status"
          data-testid="not-asked-note"
          className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
        >
          {notAsked.map((outcome) => outcome.message).join(" ")}
        </div>
      )}
      {incomplete && (
        <div
          role="status"
          className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
        >
          {t(aggregates ? "banner.aggregatesPartial" : "banner.incomplete")}
        </div>
      )}

      <div className="flex min-h-0 flex-1">
        <aside
          className={cn(
            "min-h-0 w-full flex-col border-r border-slate-200 bg-white md:flex md:w-96 dark:border-slate-800 dark:bg-slate-900",
            phoneView === "list" ? "flex" : "hidden",
          )}
        >
          {selected ? (
            <ChargerPanel
              charger={selected}
              fleetId={fleetId}
              window={filters.window}
              onClose={() => setSelectedKey(null)}
            />
          ) : (
            listBody
          )}
        </aside>
        <div className={cn("relative min-h-0 flex-1", phoneView === "map" ? "block" : "hidden md:block")}>
          <ChargerMap
            styleUrl={styleUrl}
            initialView={initialView}
            chargers={response?.chargers ?? NO_CHARGERS}
            aggregates={aggregates ?? NO_AGGREGATES}
            depots={depots}
            selectedKey={selectedKey}
            hoveredKey={hoveredKey}
            onViewChange={handleViewChange}
            onSelect={select}
            onHover={setHoveredKey}
            flyTo={flyTo}
          />
          {search.isFetching && (
            <div className="pointer-events-none absolute left-1/2 top-2 -translate-x-1/2 rounded-full bg-white/90 px-3 py-1 shadow dark:bg-slate-900/90">
              <Spinner label={t("searching")} />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function activeFilterCount(filters: ChargerFilters): number {
  return Object.keys(filtersToParams(filters)).filter((key) => key !== "end").length;
}

function Notice({ title, tone, children }: { title: string; tone?: "error"; children?: React.ReactNode }) {
  return (
    <div
      className={cn(
        "m-3 rounded-md border p-4 text-sm",
        tone === "error"
          ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
          : "border-dashed border-slate-300 dark:border-slate-700",
      )}
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1 flex flex-col items-start text-slate-600 dark:text-slate-300">{children}</div>
    </div>
  );
}
