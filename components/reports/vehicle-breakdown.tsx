"use client";
// The report by vehicle: per vehicle and month its sessions, energy and cost (each currency on its own row), the
// distance from its odometer readings and the cost per 100 km; a chart of each vehicle's cost in one currency.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import type { VehicleCostRow } from "@/lib/reports/cost-report";
import { CostChart } from "./chart-loading";
import { toMajor } from "./cost-breakdown";
import { CELL, ReportTable, ROW } from "./report-table";
import type { CostChartRow } from "./cost-chart-client";

const HEADERS = ["currency", "sessions", "energy", "exclVat", "inclVat"] as const;

export function VehicleBreakdown({
  rows,
  currency,
  exportHref,
}: {
  rows: VehicleCostRow[];
  /** The chart's currency; the table shows every currency, each on its own rows. */
  currency: string | null;
  exportHref: string;
}) {
  const t = useTranslations("reports");
  const common = useTranslations("common");
  const f = useFormat();
  const title = t("breakdowns.vehicle.title");
  // The whole period per vehicle, in the chart's currency only: amounts in one currency add up.
  const perVehicle = new Map<string, CostChartRow>();
  for (const r of rows) {
    if (currency === null || r.currency !== currency) continue;
    const id = r.vehicleId ?? "none";
    const sum = perVehicle.get(id) ?? { label: r.label, cost: 0, minor: 0 };
    sum.minor += r.inclVatMinor;
    sum.cost = toMajor(sum.minor, currency);
    perVehicle.set(id, sum);
  }
  const chartRows = [...perVehicle.values()];
  const noDistance = (r: VehicleCostRow) =>
    t("vehicle.noDistanceFor", { vehicle: r.label, month: f.month(r.month), readings: r.odometerReadings });
  return (
    <section aria-label={title} data-testid="report-vehicle">
      <div className="mb-2 flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{title}</h2>
        <a className="text-sm underline" href={exportHref} download>
          {common("actions.downloadCsv")}
        </a>
      </div>
      <div className="grid gap-4 2xl:grid-cols-[2fr_3fr]">
        <div className="min-w-0">
          {currency && chartRows.length > 0 && (
            <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">{t("vehicle.chartTitle", { currency })}</p>
          )}
          <Card className="h-52 min-w-0 sm:h-64" data-testid="chart">
            {currency === null || chartRows.length === 0 ? (
              <p className="text-sm text-slate-500">
                {currency === null ? t("breakdown.noCostsToChart") : t("breakdown.noCurrencyCosts", { currency })}
              </p>
            ) : (
              <CostChart rows={chartRows} currency={currency} />
            )}
          </Card>
        </div>
        <ReportTable
          label={t("vehicle.tableLabel")}
          headers={[
            t("vehicle.headers.month"),
            t("vehicle.headers.vehicle"),
            ...HEADERS.map((h) => t(`breakdown.headers.${h}`)),
            t("vehicle.headers.distance"),
            t("vehicle.headers.per100Km"),
          ]}
          empty={rows.length === 0 ? t("breakdown.empty") : null}
        >
          {rows.map((r) => (
            <tr
              key={`${r.key}-${r.currency ?? "none"}`}
              className={ROW}
              data-vehicle={r.vehicleId ?? "none"}
              data-month={r.month}
              data-currency={r.currency ?? "none"}
            >
              <td className={CELL}>{f.month(r.month)}</td>
              <td className={CELL} title={r.vehicleId ? (r.vehicleName ?? undefined) : t("vehicle.noVehicleRow")}>
                {r.label}
              </td>
              <td className={CELL}>{r.currency ?? t("noPrice")}</td>
              <td className={CELL} data-column="sessions">
                {r.sessions}
              </td>
              <td className={CELL} data-column="energy">
                {f.energy(r.energyWh)}
              </td>
              <td className={CELL}>{f.money(r.exclVatMinor, r.currency)}</td>
              <td className={CELL}>{f.money(r.inclVatMinor, r.currency)}</td>
              <td className={CELL} data-column="distance">
                {r.distanceKm === null ? (
                  <span title={r.vehicleId ? noDistance(r) : undefined}>—</span>
                ) : (
                  t("vehicle.km", { km: r.distanceKm })
                )}
              </td>
              <td
                className={CELL}
                data-column="per100Km"
                data-minor={r.per100KmMinor ?? undefined}
                title={r.distanceKm === null && r.vehicleId ? noDistance(r) : undefined}
              >
                {r.per100KmMinor === null ? "—" : f.money(r.per100KmMinor, r.currency)}
              </td>
            </tr>
          ))}
        </ReportTable>
      </div>
      <p className="mt-2 max-w-3xl text-xs text-slate-600 dark:text-slate-400">{t("vehicle.explanation")}</p>
    </section>
  );
}
