"use client";
// One breakdown (per month, driver, fleet or operator): a chart of one currency and the table it is drawn from.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { minorUnitDigits } from "@/lib/money";
import type { CostRow } from "@/lib/reports/cost-report";
import { CostChart } from "./chart-loading";
import { CELL, ReportTable, ROW } from "./report-table";
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
        <ReportTable
          label={t("breakdown.tableLabel", { title })}
          headers={[keyHeader, ...HEADERS.map((h) => t(`breakdown.headers.${h}`))]}
          empty={rows.length === 0 ? t("breakdown.empty") : null}
        >
          {rows.map((r) => (
            <tr key={`${r.key}-${r.currency ?? "none"}`} className={ROW} data-currency={r.currency ?? "none"}>
              <td className={CELL}>{kind === "month" ? f.month(r.key) : r.label}</td>
              <td className={CELL}>{r.currency ?? t("noPrice")}</td>
              <td className={CELL}>{r.sessions}</td>
              <td className={CELL}>{f.energy(r.energyWh)}</td>
              <td className={CELL}>{f.money(r.exclVatMinor, r.currency)}</td>
              <td className={CELL}>{f.money(r.vatMinor, r.currency)}</td>
              <td className={CELL} data-minor={r.currency === null ? undefined : r.inclVatMinor}>
                {f.money(r.inclVatMinor, r.currency)}
              </td>
              <td className={CELL}>{f.money(r.perKwhMinor, r.currency)}</td>
            </tr>
          ))}
        </ReportTable>
      </div>
    </section>
  );
}
