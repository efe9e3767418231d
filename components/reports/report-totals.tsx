"use client";
// The period's totals, one card per currency, each beside the previous period of the same length.
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import type { Formatter } from "@/lib/format";
import type { TotalsChange } from "@/lib/reports/compare-totals";
import type { CostReport } from "@/lib/reports/cost-report";
import { currencyName } from "@/lib/reports/labels";

function sessionsText(count: number): string {
  return `${count} ${count === 1 ? "session" : "sessions"}`;
}

/** "€11.90 more than the previous period (€23.80), +50%." — or less, or the same. */
function costChangeText(f: Formatter, change: TotalsChange, previousMinor: number, currency: string): string {
  const previous = f.money(previousMinor, currency);
  const diff = change.inclVatChangeMinor ?? 0;
  if (diff === 0) return `The same as the previous period (${previous}).`;
  const amount = `${f.money(Math.abs(diff), currency)} ${diff > 0 ? "more" : "less"} than the previous period (${previous})`;
  if (change.inclVatChangePercent === null) return `${amount}.`;
  return `${amount}, ${f.percent(change.inclVatChangePercent / 100, { signed: true })}.`;
}

export function ReportTotals({ report }: { report: CostReport }) {
  const f = useFormat();
  const { changes, period } = report.comparison;
  return (
    <section aria-labelledby="report-totals" className="space-y-3">
      <div>
        <h2 id="report-totals" className="text-lg font-semibold">
          Totals
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="comparison-period">
          Compared with the previous period of the same length: {f.dayRange(period.from, period.to)}.
        </p>
      </div>
      {report.totals.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No sessions in this period.</p>
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
      {changes.length > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Each currency is totalled on its own and never added to another: a driver, fleet or operator who paid in two
          currencies has a row for each below. Sessions without a price, such as a start that failed or a session still
          running, are counted under “No price”.
        </p>
      )}
    </section>
  );
}

function PricedTotal({ change, currency }: { change: TotalsChange; currency: string }) {
  const f = useFormat();
  const t = change.current;
  return (
    <Card data-testid={`total-${currency}`} data-currency={t ? currency : undefined}>
      <h3 className="text-xs uppercase text-slate-500">Total {currency}</h3>
      {t ? (
        <>
          <p className="text-2xl font-semibold" data-testid="total-incl" data-minor={t.inclVatMinor}>
            {f.money(t.inclVatMinor, currency)}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {f.money(t.exclVatMinor, currency)} excl. VAT + {f.money(t.vatMinor, currency)} VAT
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="total-sessions">
            {sessionsText(t.sessions)} · {f.energy(t.energyWh)}
            {t.perKwhMinor !== null && ` · ${f.rate(t.perKwhMinor, currency, "kWh")}`}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No {currency} costs in this period.</p>
      )}
      <p className="mt-2 text-sm" data-testid="total-change" data-previous-minor={change.previous?.inclVatMinor ?? 0}>
        {change.previous
          ? costChangeText(f, change, change.previous.inclVatMinor, currency)
          : `No ${currency} costs in the previous period.`}
      </p>
    </Card>
  );
}

function UnpricedTotal({ change }: { change: TotalsChange }) {
  const f = useFormat();
  const sessions = change.current?.sessions ?? 0;
  return (
    <Card data-testid="total-no-price">
      <h3 className="text-xs uppercase text-slate-500">{currencyName(null)}</h3>
      <p className="text-2xl font-semibold" data-testid="total-sessions">
        {sessionsText(sessions)}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {f.energy(change.current?.energyWh ?? 0)} · not included in the costs
      </p>
      <p className="mt-2 text-sm" data-testid="total-change">
        Previous period: {sessionsText(change.previous?.sessions ?? 0)} without a price.
      </p>
    </Card>
  );
}
