"use client";
// The batch form's choice of vehicles: the fleet's vehicles in service, found by plate or name, all at once if need be.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { BookableVehicle } from "@/lib/vehicles/compatibility";

/** Lists this long get a search box. */
const SEARCH_FROM = 8;

export const vehicleLabel = (v: Pick<BookableVehicle, "plate" | "name">) =>
  v.name ? `${v.plate} · ${v.name}` : v.plate;

/** Plates are matched without their spaces and dashes ("bbv101" finds "B-BV 101"). */
const squeeze = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** The vehicle's plate or name holds what was typed; nothing typed matches every vehicle. */
export function vehicleMatches(vehicle: Pick<BookableVehicle, "plate" | "name">, query: string): boolean {
  const wanted = squeeze(query);
  return !wanted || squeeze(vehicle.plate).includes(wanted) || squeeze(vehicle.name ?? "").includes(wanted);
}

export function BatchVehiclePicker({
  vehicles,
  picked,
  onPick,
}: {
  vehicles: BookableVehicle[];
  picked: ReadonlySet<string>;
  onPick: (next: Set<string>) => void;
}) {
  const t = useTranslations("batches.vehicles");
  const [query, setQuery] = useState("");
  const hintId = useId();
  const shown = vehicles.filter((v) => vehicleMatches(v, query));

  if (vehicles.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <fieldset className="space-y-2" aria-describedby={hintId}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t("label")}</legend>
      <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
        {t("hint")}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {vehicles.length >= SEARCH_FROM && (
          <InputField
            label={t("search")}
            hint={t("searchHint")}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
        <Button variant="secondary" size="sm" onClick={() => onPick(new Set([...picked, ...shown.map((v) => v.id)]))}>
          {t("selectAll")}
        </Button>
        <Button variant="ghost" size="sm" disabled={picked.size === 0} onClick={() => onPick(new Set())}>
          {t("clear")}
        </Button>
        <span className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {t("chosen", { count: picked.size })}
        </span>
      </div>
      {shown.length === 0 && <p className="text-sm">{t("noneFound", { query: query.trim() })}</p>}
      <ul className="grid max-h-60 gap-1 overflow-auto text-sm sm:grid-cols-3" aria-label={t("label")}>
        {shown.map((v) => (
          <li key={v.id}>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={picked.has(v.id)}
                onChange={(event) => {
                  const next = new Set(picked);
                  if (event.target.checked) next.add(v.id);
                  else next.delete(v.id);
                  onPick(next);
                }}
              />
              {vehicleLabel(v)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
