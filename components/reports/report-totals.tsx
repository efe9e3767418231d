"use client";
// The period's totals, one card per currency, each beside the previous period of the same length.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import type { TotalsChange } from "@/lib/reports/compare-totals";
import type { CostReport } from "@/lib/reports/cost-report";

/** "€11.90 more than the previous period (€23.80), +50%." — or less, or the same. */
function useCostChangeText(): (change: TotalsChange, previousMinor: number, currency: string) => string {
  const t = useTranslations("reports");
  const f = useFormat();
  return (change, previousMinor, currency) => {
    const previous = f.money(previousMinor, currency);
    const diff = change.inclVatChangeMinor ?? 0;
    if (diff === 0) return t("totals.same", { previous });
    const values = { direction: diff > 0 ? "more" : "less", amount: f.money(Math.abs(diff), currency), previous };
    if (change.inclVatChangePercent === null) return t("totals.change", values);
    const percent = f.percent(change.inclVatChangePercent / 100, { signed: true });
    return t("totals.changePercent", { ...values, percent });
  };
}

export function ReportTotals({ report }: { report: CostReport }) {
  const t = useTranslations("reports");
  const f = useFormat();
  const { changes, period } = report.comparison;
  return (
    <section aria-labelledby="report-totals" className="space-y-3">
      <div>
        <h2 id="report-totals" className="text-lg font-semibold">
          {t("totals.title")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="comparison-period">
          {t("totals.comparedWith", { period: f.dayRange(period.from, period.to) })}
        </p>
      </div>
      {report.totals.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.noSessions")}</p>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {changes.map((c) =>
          c.currency === null ? (
            <UnpricedTotal key="no-price" change={c} />
          ) : (
            <PricedTotal key={c.currency} change={c} currency={c.currency} />
          ),
        )}
      </div>
      {changes.length > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{t("totals.currencyNote")}</p>}
    </section>
  );
}

function PricedTotal({ change, currency }: { change: TotalsChange; currency: string }) {
  const t = useTranslations("reports");
  const f = useFormat();
  const costChangeText = useCostChangeText();
  const current = change.current;
  return (
    <Card data-testid={`total-${currency}`} data-currency={current ? currency : undefined}>
      <h3 className="text-xs uppercase text-slate-500">{t("totals.total", { currency })}</h3>
      {current ? (
        <>
          <p className="text-2xl font-semibold" data-testid="total-incl" data-minor={current.inclVatMinor}>
            {f.money(current.inclVatMinor, currency)}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("totals.split", {
              excl: f.money(current.exclVatMinor, currency),
              vat: f.money(current.vatMinor, currency),
            })}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="total-sessions">
            {t("totals.sessions", { count: current.sessions })} · {f.energy(current.energyWh)}
            {current.perKwhMinor !== null && ` · ${f.rate(current.perKwhMinor, currency, "kWh")}`}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.noCosts", { currency })}</p>
      )}
      <p className="mt-2 text-sm" data-testid="total-change" data-previous-minor={change.previous?.inclVatMinor ?? 0}>
        {change.previous
          ? costChangeText(change, change.previous.inclVatMinor, currency)
          : t("totals.noPreviousCosts", { currency })}
      </p>
    </Card>
  );
}

function UnpricedTotal({ change }: { change: TotalsChange }) {
  const t = useTranslations("reports");
  const f = useFormat();
  const sessions = change.current?.sessions ?? 0;
  return (
    <Card data-testid="total-no-price">
      <h3 className="text-xs uppercase text-slate-500">{t("noPrice")}</h3>
      <p className="text-2xl font-semibold" data-testid="total-sessions">
        {t("totals.sessions", { count: sessions })}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("totals.notIncluded", { energy: f.energy(change.current?.energyWh ?? 0) })}
      </p>
      <p className="mt-2 text-sm" data-testid="total-change">
        {t("totals.previousUnpriced", { count: change.previous?.sessions ?? 0 })}
      </p>
    </Card>
  );
}
