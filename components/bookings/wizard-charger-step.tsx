"use client";
// The wizard's first step: pick a provider and a place, search its bookable chargers, choose a charge point.
// Each charger says its power and price the way the alternatives and the map do.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { api, type EndpointParams } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { BookableProvider } from "@/lib/bookings/schemas";
import { PROVIDER_FEATURES, PROVIDER_LABELS, providersThat } from "@/lib/domain";
import { fits, snapshotTopUpMinutes, type BookableVehicle } from "@/lib/vehicles/compatibility";
import { snapshotPrice } from "./charger-words";
import { useChargerWords } from "./use-charger-words";

type SearchParams = EndpointParams<typeof api.bookings.searchChargers>;
export type Depot = { name: string; latitude: number; longitude: number };

const BERLIN = "52.52,13.405";
const RADIUS_KM = 10;

export function ChargerStep(props: {
  fleetId: string;
  depots: Depot[];
  provider: BookableProvider;
  onProvider(provider: BookableProvider): void;
  selected: BookableEvse | null;
  onSelect(evse: BookableEvse): void;
  error?: string;
  /** The window, when already known: the search then offers only charge points free in it, priced for it. */
  window: { start?: string; end?: string };
  vehicles: BookableVehicle[];
  /** The vehicle it is for: only charge points whose connector fits it are offered, with its charging time. */
  vehicle: BookableVehicle | null;
  onVehicle(vehicle: BookableVehicle | null): void;
}) {
  const f = useFormat();
  const words = useChargerWords();
  const t = useTranslations("wizard");
  const [near, setNear] = useState(
    props.depots[0] ? `${props.depots[0].latitude},${props.depots[0].longitude}` : BERLIN,
  );
  const [place, setPlace] = useState("");
  const [placeQuery, setPlaceQuery] = useState<string | null>(null);
  const [search, setSearch] = useState<SearchParams | null>(null);

  const places = useQuery({
    queryKey: apiKey(api.chargers.places, placeQuery ? { fleetId: props.fleetId, q: placeQuery } : undefined),
    enabled: placeQuery !== null,
    queryFn: ({ signal }) => apiGet(api.chargers.places, { fleetId: props.fleetId, q: placeQuery! }, { signal }),
  });
  const results = useQuery({
    queryKey: apiKey(api.bookings.searchChargers, search ?? undefined),
    enabled: search !== null,
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) => apiGet(api.bookings.searchChargers, search!, { signal }),
  });

  function searchChargers() {
    const [latitude, longitude] = near.split(",");
    const next: SearchParams = {
      fleetId: props.fleetId,
      provider: props.provider,
      latitude,
      longitude,
      radiusKm: RADIUS_KM,
      windowStart: props.window.start || undefined,
      windowEnd: props.window.end || undefined,
    };
    // The same search again asks the provider again: charge points come and go.
    if (JSON.stringify(next) === JSON.stringify(search)) void results.refetch();
    else setSearch(next);
  }

  const found = placeQuery !== null ? (places.data?.places ?? []) : [];
  const vehicle = props.vehicle;
  const fitting = (evse: BookableEvse) =>
    !vehicle || fits(vehicle, { standard: evse.charger.connectorStandard ?? null });
  const locations = (results.data?.locations ?? [])
    .map((location) => ({ ...location, evses: location.evses.filter(fitting) }))
    .filter((location) => location.evses.length > 0);
  const hidden = (results.data?.locations ?? []).reduce((n, l) => n + l.evses.filter((e) => !fitting(e)).length, 0);
  const chargeTime = (evse: BookableEvse) => {
    const minutes = vehicle ? snapshotTopUpMinutes(vehicle, evse.charger) : null;
    return minutes === null ? null : t("charger.topUp", { duration: f.duration(minutes * 60) });
  };
  const problem = results.error?.message ?? places.error?.message;
  const subject = search?.windowStart ? "thisBooking" : "aBooking";

  return (
    <Card className="space-y-4">
      {props.selected && (
        <p className="text-sm">
          {t.rich("charger.selected", {
            name: props.selected.charger.name,
            chargePoint: props.selected.charger.evseId ?? props.selected.evseUid,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      )}
      {props.vehicles.length > 0 && (
        <SelectField
          label={t("charger.vehicle")}
          hint={t("charger.vehicleHint")}
          value={vehicle?.id ?? ""}
          onChange={(e) => props.onVehicle(props.vehicles.find((v) => v.id === e.target.value) ?? null)}
        >
          <option value="">{t("charger.anyVehicle")}</option>
          {props.vehicles.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name ? `${v.plate} · ${v.name}` : v.plate}
            </option>
          ))}
        </SelectField>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label={t("charger.provider")}
          value={props.provider}
          onChange={(e) => props.onProvider(e.target.value as BookableProvider)}
        >
          {providersThat("bookings").map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABELS[p]}
              {PROVIDER_FEATURES[p].bookingNote ? ` (${t(`charger.providerNote.${p}`)})` : ""}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("charger.near")} value={near} onChange={(e) => setNear(e.target.value)}>
          {props.depots.map((d) => (
            <option key={d.name} value={`${d.latitude},${d.longitude}`}>
              {t("charger.depot", { name: d.name })}
            </option>
          ))}
          {found.map((p) => (
            <option key={p.id} value={`${p.latitude},${p.longitude}`}>
              {p.name}
            </option>
          ))}
          {props.depots.length === 0 && found.length === 0 && <option value={BERLIN}>{t("charger.berlin")}</option>}
        </SelectField>
        <div className="flex items-end gap-2">
          <InputField label={t("charger.findPlace")} value={place} onChange={(e) => setPlace(e.target.value)} />
          <Button
            variant="secondary"
            onClick={() => setPlaceQuery(place.trim())}
            loading={places.isFetching}
            disabled={place.trim().length < 2}
          >
            {t("charger.find")}
          </Button>
        </div>
      </div>
      <Button onClick={searchChargers} loading={results.isFetching}>
        {t("charger.search")}
      </Button>
      {problem && <p className="text-sm text-red-600 dark:text-red-400">{problem}</p>}
      {props.error && <p className="text-sm text-red-600 dark:text-red-400">{props.error}</p>}
      {results.isFetching && <Spinner label={t("charger.searching")} />}
      {results.data && locations.length === 0 && (
        <p className="text-sm">
          {vehicle && hidden
            ? t("charger.noneFitFound", { distance: f.distance(RADIUS_KM * 1000), plate: vehicle.plate })
            : t("charger.noneFound", { distance: f.distance(RADIUS_KM * 1000) })}
        </p>
      )}
      {results.data && vehicle && hidden > 0 && locations.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="charger-hidden">
          {t("charger.hiddenForVehicle", { count: hidden, plate: vehicle.plate })}
        </p>
      )}
      {locations.length > 0 && (
        <ul className="max-h-96 space-y-3 overflow-auto" aria-label={t("charger.listLabel")}>
          {locations.map((location) => (
            <li key={location.locationId} className="rounded border border-slate-200 p-2 dark:border-slate-800">
              <p className="text-sm font-medium">
                {location.name}
                {location.distanceM !== undefined ? ` · ${f.distance(location.distanceM)}` : ""}
              </p>
              {location.evses[0] && (
                <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="charger-price">
                  {words.price(snapshotPrice(location.evses[0].charger), subject)}
                </p>
              )}
              <div className="mt-1 flex flex-wrap gap-2">
                {location.evses.map((e) => (
                  <Button
                    key={e.evseUid}
                    size="sm"
                    variant={props.selected?.evseUid === e.evseUid ? "primary" : "secondary"}
                    aria-pressed={props.selected?.evseUid === e.evseUid}
                    disabled={!e.charger.reservable}
                    onClick={() => props.onSelect(e)}
                  >
                    {[e.charger.evseId ?? e.evseUid, words.connector(e.charger), chargeTime(e)]
                      .filter(Boolean)
                      .join(" · ")}
                  </Button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
