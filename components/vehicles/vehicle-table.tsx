"use client";
// The vehicles: a table on wide screens (sortable by its headers), cards on a phone, each with its actions.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/format-provider";
import { standardLabel } from "@/components/fleets/connector-labels";
import type { VehicleSort } from "@/lib/vehicles/table-params";
import type { VehicleRow } from "@/lib/vehicles/vehicles";

type Dir = "asc" | "desc";

function SortHeader({
  column,
  label,
  sort,
  dir,
  onSort,
}: {
  column: VehicleSort;
  label: string;
  sort: VehicleSort;
  dir: Dir;
  onSort(sort: VehicleSort, dir: Dir): void;
}) {
  const active = sort === column;
  return (
    <th className="px-3 py-2" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <button
        type="button"
        className="inline-flex items-center gap-1 uppercase hover:underline"
        onClick={() => onSort(column, active && dir === "asc" ? "desc" : "asc")}
      >
        {label}
        <span aria-hidden>{active ? (dir === "asc" ? "▲" : "▼") : ""}</span>
      </button>
    </th>
  );
}

function useVehicleWords() {
  const t = useTranslations("vehicles.table");
  const common = useTranslations("common");
  const f = useFormat();
  return {
    t,
    makeModel: (v: VehicleRow) => [v.make, v.model].filter(Boolean).join(" ") || "—",
    connectors: (v: VehicleRow) => v.connectorStandards.map((s) => standardLabel(common, s)).join(", "),
    power: (v: VehicleRow) =>
      [
        v.maxAcKw !== null ? t("ac", { power: f.power(v.maxAcKw) }) : null,
        v.maxDcKw !== null ? t("dc", { power: f.power(v.maxDcKw) }) : null,
      ]
        .filter(Boolean)
        .join(" · "),
    battery: (v: VehicleRow) => t("battery", { kwh: f.number(v.batteryKwh, v.batteryKwh % 1 ? 1 : 0) }),
    token: (v: VehicleRow) => v.chargingKey?.label ?? v.petitMondeTokenId ?? "—",
  };
}

export function VehicleTable({
  rows,
  busy,
  sort,
  dir,
  onSort,
  actions,
}: {
  rows: VehicleRow[];
  busy: boolean;
  sort: VehicleSort;
  dir: Dir;
  onSort(sort: VehicleSort, dir: Dir): void;
  actions?: (vehicle: VehicleRow) => ReactNode;
}) {
  const w = useVehicleWords();
  const { t } = w;
  const header = { sort, dir, onSort };
  return (
    <div aria-busy={busy || undefined}>
      <table className="hidden w-full text-left text-sm lg:table" aria-label={t("label")}>
        <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <SortHeader column="plate" label={t("plate")} {...header} />
            <SortHeader column="name" label={t("name")} {...header} />
            <SortHeader column="make" label={t("makeModel")} {...header} />
            <SortHeader column="batteryKwh" label={t("batteryHeader")} {...header} />
            <th className="px-3 py-2">{t("connectors")}</th>
            <SortHeader column="maxDcKw" label={t("power")} {...header} />
            <th className="px-3 py-2">{t("depot")}</th>
            <th className="px-3 py-2">{t("driver")}</th>
            <th className="px-3 py-2">{t("key")}</th>
            {actions && (
              <th className="px-3 py-2">
                <span className="sr-only">{t("actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr
              key={v.id}
              className="border-t border-slate-200 align-top dark:border-slate-800"
              data-testid={`vehicle-${v.plate}`}
            >
              <td className="px-3 py-2 font-mono font-medium">
                <span className="whitespace-nowrap">{v.plate}</span>
                {v.retiredAt && <span className="ml-2 text-xs font-normal text-slate-500">{t("retired")}</span>}
              </td>
              <td className="px-3 py-2">{v.name ?? "—"}</td>
              <td className="px-3 py-2">{w.makeModel(v)}</td>
              <td className="px-3 py-2">{w.battery(v)}</td>
              <td className="px-3 py-2">{w.connectors(v)}</td>
              <td className="px-3 py-2">{w.power(v)}</td>
              <td className="px-3 py-2">{v.homeDepot?.name ?? "—"}</td>
              <td className="px-3 py-2">{v.defaultDriver?.name ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{w.token(v)}</td>
              {actions && <td className="px-3 py-2">{actions(v)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 lg:hidden" aria-label={t("label")}>
        {rows.map((v) => (
          <li key={v.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
            <p className="font-mono font-medium">
              {v.plate}
              {v.retiredAt && <span className="ml-2 font-sans text-xs font-normal text-slate-500">{t("retired")}</span>}
            </p>
            <p>{[v.name, w.makeModel(v)].filter((x) => x && x !== "—").join(" · ")}</p>
            <p className="text-slate-600 dark:text-slate-400">
              {[w.battery(v), w.connectors(v), w.power(v)].filter(Boolean).join(" · ")}
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {[v.homeDepot?.name, v.defaultDriver?.name].filter(Boolean).join(" · ")}
            </p>
            {actions && <div className="mt-2">{actions(v)}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
