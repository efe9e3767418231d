"use client";
// One breakdown (per month, driver, fleet or operator): a chart of one currency and the table it is drawn from.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { minorUnitDigits } from "@/lib/money";
import type { CostRow } from "@/lib/reports/cost-report";
import { CostChart } from "./chart-loading";
import type { CostChartRow } from "./cost-chart-client";

/** Major units for a chart axis only; every shown figure is formatted from minor units. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

const HEADERS = ["currency", "sessions", "energy", "exclVat", "vat", "inclVat", "perKwh"] as const;

export function CostBreakdown({
  title,
  keyHeader,
  rows,
  currency,
  exportHref,
  kind,
}: {
  title: string;
  keyHeader: string;
  rows: CostRow[];
  /** The chart's currency; the table shows every currency, each on its own rows. */
  currency: string | null;
  exportHref: string;
  kind: string;
}) {
  const t = useTranslations("reports");
  const common = useTranslations("common");
  const f = useFormat();
  const chartRows: CostChartRow[] = rows
    .filter((r) => currency !== null && r.currency === currency)
    .map((r) => ({
      label: kind === "month" ? f.month(r.key) : r.label,
      cost: toMajor(r.inclVatMinor, currency!),
      minor: r.inclVatMinor,
    }));
  return (
    <section aria-label={title} data-testid={`report-${kind}`}>
      <div className="mb-2 flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{title}</h2>
        <a className="text-sm underline" href={exportHref} download>
          {common("actions.downloadCsv")}
        </a>
      </div>
      {/* Side by side only where the table fits beside its chart with every column showing. */}
      <div className="grid gap-4 2xl:grid-cols-[2fr_3fr]">
        <Card className="h-52 min-w-0 sm:h-64" data-testid="chart">
          {currency === null || chartRows.length === 0 ? (
            <p className="text-sm text-slate-500">
              {currency === null ? t("breakdown.noCostsToChart") : t("breakdown.noCurrencyCosts", { currency })}
            </p>
          ) : (
            <CostChart rows={chartRows} currency={currency} />
          )}
        </Card>
        <div className="min-w-0 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table
            className="w-full whitespace-nowrap text-left text-sm"
            aria-label={t("breakdown.tableLabel", { title })}
          >
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                {[keyHeader, ...HEADERS.map((h) => t(`breakdown.headers.${h}`))].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.key}-${r.currency ?? "none"}`}
                  className="border-t border-slate-200 dark:border-slate-800"
                  data-currency={r.currency ?? "none"}
                >
                  <td className="px-3 py-2">{kind === "month" ? f.month(r.key) : r.label}</td>
                  <td className="px-3 py-2">{r.currency ?? t("noPrice")}</td>
                  <td className="px-3 py-2">{r.sessions}</td>
                  <td className="px-3 py-2">{f.energy(r.energyWh)}</td>
                  <td className="px-3 py-2">{f.money(r.exclVatMinor, r.currency)}</td>
                  <td className="px-3 py-2">{f.money(r.vatMinor, r.currency)}</td>
                  <td className="px-3 py-2" data-minor={r.currency === null ? undefined : r.inclVatMinor}>
                    {f.money(r.inclVatMinor, r.currency)}
                  </td>
                  <td className="px-3 py-2">{f.money(r.perKwhMinor, r.currency)}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={HEADERS.length + 1} className="px-3 py-2 text-slate-500">
                    {t("breakdown.empty")}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
