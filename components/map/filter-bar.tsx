"use client";
// The map's filters; every change goes to the URL through onChange.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { PROVIDERS, PROVIDER_LABELS, type ConnectorStandard, type ProviderName } from "@/lib/domain";
import { EMPTY_FILTERS, MIN_POWER_OPTIONS, type ChargerFilters } from "@/lib/search/filters";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { connectorName } from "@/lib/domain/labels";
import type { BookableVehicle } from "@/lib/vehicles/compatibility";

/** The connectors a fleet vehicle plugs into, in the order drivers look for them. */
const FILTER_CONNECTORS: ConnectorStandard[] = [
  "IEC_62196_T2",
  "IEC_62196_T2_COMBO",
  "CHADEMO",
  "DOMESTIC_F",
  "IEC_62196_T1",
  "IEC_62196_T1_COMBO",
  "IEC_60309_2_three_32",
  "TESLA_S",
];

const CONTROL =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** datetime-local speaks the browser's local time without a zone; the URL holds UTC instants. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function CheckboxMenu<T extends string>({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: Array<{ value: T; label: string }>;
  selected: T[];
  onChange(next: T[]): void;
}) {
  return (
    <details className="relative">
      <summary className={`${CONTROL} cursor-pointer list-none`} aria-label={label}>
        {label}
        {selected.length > 0 && <span className="ml-1 font-semibold">({selected.length})</span>}
      </summary>
      <fieldset className="absolute z-20 mt-1 min-w-44 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={() => onChange(toggle(selected, o.value))}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** A vehicle the map can filter for: the connectors it takes. */
export type FilterVehicle = Pick<BookableVehicle, "id" | "plate" | "name" | "connectorStandards">;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function FilterBar({
  filters,
  onChange,
  vehicles = [],
}: {
  filters: ChargerFilters;
  onChange(next: ChargerFilters): void;
  /** The fleet's vehicles in service: choosing one keeps the chargers with a connector it takes. */
  vehicles?: FilterVehicle[];
}) {
  const f = useFormat();
  const t = useTranslations("map");
  const common = useTranslations("common");
  const [operator, setOperator] = useState(filters.operator ?? "");
  const [windowStart, setWindowStart] = useState(toLocalInput(filters.window?.start));
  const [windowEnd, setWindowEnd] = useState(toLocalInput(filters.window?.end));

  // Typing in the operator box searches once the user pauses.
  useEffect(() => {
    const next = operator.trim() || undefined;
    if (next === filters.operator) return;
    const timer = setTimeout(() => onChange({ ...filters, operator: next }), 400);
    return () => clearTimeout(timer);
  }, [operator, filters, onChange]);

  function applyWindow(startLocal: string, endLocal: string) {
    const start = fromLocalInput(startLocal);
    const end = fromLocalInput(endLocal);
    if (start && end && end > start) onChange({ ...filters, window: { start, end } });
    else if (!startLocal && !endLocal && filters.window) onChange({ ...filters, window: undefined });
  }

  const windowInvalid = Boolean(
    windowStart && windowEnd && (fromLocalInput(windowEnd) ?? "") <= (fromLocalInput(windowStart) ?? ""),
  );
  const active = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  // The vehicle is the connectors it takes, as the URL keeps them: a link or a reload shows the same choice.
  const forVehicle = filters.connectors.length
    ? vehicles.find((v) => sameSet(v.connectorStandards, filters.connectors))
    : undefined;

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("filters.label")}>
      {vehicles.length > 0 && (
        <select
          aria-label={t("filters.vehicle")}
          className={CONTROL}
          value={forVehicle?.id ?? ""}
          onChange={(e) => {
            const vehicle = vehicles.find((v) => v.id === e.target.value);
            onChange({
              ...filters,
              connectors: vehicle ? ([...vehicle.connectorStandards].sort() as ConnectorStandard[]) : [],
            });
          }}
        >
          <option value="">{t("filters.anyVehicle")}</option>
          {vehicles.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name ? `${v.plate} · ${v.name}` : v.plate}
            </option>
          ))}
        </select>
      )}
      <CheckboxMenu<ConnectorStandard>
        label={t("filters.connector")}
        options={FILTER_CONNECTORS.map((value) => ({ value, label: connectorName(common, value) }))}
        selected={filters.connectors}
        onChange={(connectors) => onChange({ ...filters, connectors: [...connectors].sort() })}
      />
      <select
        aria-label={t("filters.minPower")}
        className={CONTROL}
        value={filters.minPowerKw ?? ""}
        onChange={(e) => onChange({ ...filters, minPowerKw: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t("filters.anyPower")}</option>
        {MIN_POWER_OPTIONS.map((kw) => (
          <option key={kw} value={kw}>
            ≥ {f.power(kw)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("filters.current")}
        className={CONTROL}
        value={filters.current ?? ""}
        onChange={(e) => onChange({ ...filters, current: (e.target.value || undefined) as ChargerFilters["current"] })}
      >
        <option value="">{t("filters.anyCurrent")}</option>
        <option value="AC">{t("filters.acOnly")}</option>
        <option value="DC">{t("filters.dcOnly")}</option>
      </select>
      <label className="flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={filters.availableNow}
          onChange={(e) => onChange({ ...filters, availableNow: e.target.checked })}
        />
        {t("filters.availableNow")}
      </label>
      <label className="flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={filters.reservable}
          onChange={(e) => onChange({ ...filters, reservable: e.target.checked })}
        />
        {t("filters.reservable")}
      </label>
      <CheckboxMenu<ProviderName>
        label={t("filters.provider")}
        options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))}
        selected={filters.providers}
        onChange={(providers) => onChange({ ...filters, providers: [...providers].sort() })}
      />
      <input
        aria-label={t("filters.operator")}
        placeholder={t("filters.operator")}
        className={`${CONTROL} w-32`}
        value={operator}
        onChange={(e) => setOperator(e.target.value)}
      />
      <fieldset className="flex items-center gap-1 text-sm">
        <legend className="sr-only">{t("filters.window")}</legend>
        <input
          type="datetime-local"
          aria-label={t("filters.windowStart")}
          className={CONTROL}
          value={windowStart}
          onChange={(e) => {
            setWindowStart(e.target.value);
            applyWindow(e.target.value, windowEnd);
          }}
        />
        <span aria-hidden>–</span>
        <input
          type="datetime-local"
          aria-label={t("filters.windowEnd")}
          aria-invalid={windowInvalid}
          className={CONTROL}
          value={windowEnd}
          onChange={(e) => {
            setWindowEnd(e.target.value);
            applyWindow(windowStart, e.target.value);
          }}
        />
        {windowInvalid && <span className="text-xs text-red-600">{t("filters.windowInvalid")}</span>}
      </fieldset>
      {active && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setOperator("");
            setWindowStart("");
            setWindowEnd("");
            onChange(EMPTY_FILTERS);
          }}
        >
          {common("actions.clearFilters")}
        </Button>
      )}
    </div>
  );
}
