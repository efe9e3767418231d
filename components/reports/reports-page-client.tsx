"use client";
// Cost reports: the period, totals beside the previous period, and for each breakdown a chart and its table, with CSV.
import { useState } from "react";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { useIsClient } from "@/components/ui/use-is-client";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey, apiUrl } from "@/lib/api/client";
import { parseAsDay } from "@/components/sessions/day-param";
import type { CostReport, CostRow } from "@/lib/reports/cost-report";
import type { DayRange } from "@/lib/reports/period";
import type { ReportKind } from "@/lib/reports/schemas";
import { CostBreakdown } from "./cost-breakdown";
import { EnergyCharts } from "./chart-loading";
import { PeriodControls } from "./period-controls";
import { PriceDifferences } from "./price-differences";
import { ReportTotals } from "./report-totals";
import { VehicleBreakdown } from "./vehicle-breakdown";

const BREAKDOWNS: Array<{
  kind: Exclude<ReportKind, "noShow" | "vehicle" | "priceDifference">;
  rowsOf(r: CostReport): CostRow[];
}> = [
  { kind: "month", rowsOf: (r) => r.byMonth },
  { kind: "driver", rowsOf: (r) => r.byDriver },
  { kind: "fleet", rowsOf: (r) => r.byFleet },
  { kind: "operator", rowsOf: (r) => r.byOperator },
];

export function ReportsPageClient({ fleetId, defaults }: { fleetId: string; defaults: DayRange }) {
  const t = useTranslations("reports");
  const f = useFormat();
  const isClient = useIsClient();
  // The period stays in the URL even when it is the default, so a shared link shows the same days.
  const [{ from, to }, setPeriod] = useQueryStates(
    { from: parseAsDay.withDefault(defaults.from), to: parseAsDay.withDefault(defaults.to) },
    { history: "replace", scroll: false, clearOnDefault: false },
  );
  const timeZone = f.timeZone ?? "UTC";
  const report = useQuery({
    queryKey: apiKey(api.reports.get, { fleetId, from, to, timeZone }),
    queryFn: () => apiGet(api.reports.get, { fleetId, from, to, timeZone }),
    enabled: isClient,
    placeholderData: keepPreviousData,
  });
  // Sessions without a price have no currency to chart.
  const currencies = (report.data?.totals ?? []).flatMap((t) => (t.currency === null ? [] : [t.currency]));
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  // Charts show one currency at a time: amounts in different currencies are never stacked or summed.
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? null);

  const exportHref = (kind: ReportKind) => apiUrl(api.reports.export, { fleetId, from, to, timeZone, report: kind });

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <PeriodControls
          range={{ from, to }}
          timeZone={timeZone}
          onChange={(next) => void setPeriod({ from, to, ...next })}
        />
        <div className="flex flex-wrap items-end gap-3">
          {currencies.length > 1 && currency && (
            <div className="w-36">
              <SelectField
                label={t("chartCurrency")}
                value={currency}
                onChange={(e) => setChosenCurrency(e.target.value)}
              >
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </SelectField>
            </div>
          )}
          {report.isFetching && <Spinner label={t("updating")} />}
        </div>
      </div>
      {report.isError && <p className="text-sm text-red-700">{report.error.message}</p>}
      {report.data && (
        <>
          <ReportTotals report={report.data} />
          {BREAKDOWNS.map((b) => (
            <CostBreakdown
              key={b.kind}
              title={t(`breakdowns.${b.kind}.title`)}
              keyHeader={t(`breakdowns.${b.kind}.keyHeader`)}
              rows={b.rowsOf(report.data)}
              currency={currency}
              exportHref={exportHref(b.kind)}
              kind={b.kind}
            />
          ))}
          <VehicleBreakdown rows={report.data.byVehicle} currency={currency} exportHref={exportHref("vehicle")} />
          {currency && <EnergyCharts rows={report.data.byMonth} currency={currency} />}
          <NoShowFees rows={report.data.noShowFees} exportHref={exportHref("noShow")} />
        </>
      )}
      <PriceDifferences fleetId={fleetId} period={{ from, to, timeZone }} />
    </div>
  );
}

function NoShowFees({ rows, exportHref }: { rows: CostReport["noShowFees"]; exportHref: string }) {
  const t = useTranslations("reports");
  const common = useTranslations("common");
  const f = useFormat();
  return (
    <section aria-label={t("noShow.title")}>
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-lg font-semibold">{t("noShow.title")}</h2>
        <a className="text-sm underline" href={exportHref} download>
          {common("actions.downloadCsv")}
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noShow.empty")}</p>
      ) : (
        <table className="w-full max-w-xl text-left text-sm" aria-label={t("noShow.tableLabel")}>
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th className="py-1">{t("noShow.month")}</th>
              <th className="py-1">{t("noShow.noShows")}</th>
              <th className="py-1">{t("noShow.fees")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.key}-${r.currency}`}>
                <td className="py-1">{r.label}</td>
                <td className="py-1">{r.bookings}</td>
                <td className="py-1">{f.money(r.feeMinor, r.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
