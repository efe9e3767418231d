"use client";
// The configured depot chargers: a table on wide screens, cards on a phone, each with its actions.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/format-provider";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { standardLabel } from "./connector-labels";

function position(c: DepotChargerRow): string {
  return `${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}`;
}

function Connectors({ charger }: { charger: DepotChargerRow }) {
  const common = useTranslations("common");
  const f = useFormat();
  return (
    <ul>
      {charger.connectors.map((k) => (
        <li key={k.connectorId}>
          {[k.connectorId, standardLabel(common, k.standard), f.power(k.powerKw)].join(" · ")}
        </li>
      ))}
    </ul>
  );
}

export function DepotChargerList({
  chargers,
  actions,
}: {
  chargers: DepotChargerRow[];
  actions(charger: DepotChargerRow): ReactNode;
}) {
  const t = useTranslations("fleets.depotList");
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table" aria-label={t("ariaLabel")}>
        <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th className="px-3 py-2">{t("name")}</th>
            <th className="px-3 py-2">{t("chargerId")}</th>
            <th className="px-3 py-2">{t("connectors")}</th>
            <th className="px-3 py-2">{t("position")}</th>
            <th className="px-3 py-2">{t("address")}</th>
            <th className="px-3 py-2">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {chargers.map((c) => (
            <tr
              key={c.id}
              className="border-t border-slate-200 align-top dark:border-slate-800"
              data-testid={`depot-charger-${c.chargerId}`}
            >
              <td className="px-3 py-2 font-medium">{c.name}</td>
              <td className="px-3 py-2 font-mono text-xs">{c.chargerId}</td>
              <td className="px-3 py-2">
                <Connectors charger={c} />
              </td>
              <td className="px-3 py-2 font-mono text-xs">{position(c)}</td>
              <td className="px-3 py-2">{c.address ?? "—"}</td>
              <td className="px-3 py-2">{actions(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 md:hidden" aria-label={t("ariaLabel")}>
        {chargers.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
            <p className="font-medium">{c.name}</p>
            <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{c.chargerId}</p>
            <div className="mt-1">
              <Connectors charger={c} />
            </div>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {c.address ? `${c.address} · ` : ""}
              {position(c)}
            </p>
            <div className="mt-2">{actions(c)}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
