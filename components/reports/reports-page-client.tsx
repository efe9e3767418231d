"use client";
// Cost reports: totals for the period, and for each breakdown a chart and the table it is drawn from, with CSV.
import { useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useIsClient } from "@/components/ui/use-is-client";
import { fetchJson, toQuery } from "@/components/sessions/fetch-json";
import { energyText, moneyText } from "@/components/sessions/format";
import { minorUnitDigits } from "@/lib/money";
import type { CostReport, CostRow } from "@/lib/reports/cost-report";
import type { ReportKind } from "@/lib/reports/schemas";

const BREAKDOWNS: Array<{
  kind: Exclude<ReportKind, "noShow">;
  title: string;
  rowsOf(r: CostReport): CostRow[];
  keyHeader: string;
}> = [
  { kind: "month", title: "Cost per month", rowsOf: (r) => r.byMonth, keyHeader: "Month" },
  { kind: "driver", title: "Cost per driver", rowsOf: (r) => r.byDriver, keyHeader: "Driver" },
  { kind: "fleet", title: "Cost per fleet", rowsOf: (r) => r.byFleet, keyHeader: "Fleet" },
  { kind: "operator", title: "Cost per operator", rowsOf: (r) => r.byOperator, keyHeader: "Operator" },
];

export function ReportsPageClient({ fleetId, defaults }: { fleetId: string; defaults: { from: string; to: string } }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isClient = useIsClient();
  const from = searchParams.get("from") ?? defaults.from;
  const to = searchParams.get("to") ?? defaults.to;
  const timeZone = isClient ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  const report = useQuery({
    queryKey: ["report", fleetId, from, to, timeZone],
    queryFn: () => fetchJson<CostReport>("/api/reports", { fleetId, from, to, timeZone }),
    enabled: isClient,
    placeholderData: keepPreviousData,
  });
  const currencies = report.data?.totals.map((t) => t.currency) ?? [];
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  // Charts show one currency at a time: amounts in different currencies are never stacked or summed.
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? "EUR");

  const setPeriod = (next: { from?: string; to?: string }) =>
    router.replace(`${pathname}?${toQuery({ from, to, ...next })}`, { scroll: false });
  const exportHref = (kind: ReportKind) =>
    `/api/reports/export?${toQuery({ fleetId, from, to, timeZone, report: kind })}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-44">
          <InputField
            label="From"
            type="date"
            value={from}
            onChange={(e) => e.target.value && setPeriod({ from: e.target.value })}
          />
        </div>
        <div className="w-44">
          <InputField
            label="To"
            type="date"
            value={to}
            onChange={(e) => e.target.value && setPeriod({ to: e.target.value })}
          />
        </div>
        {currencies.length > 1 && (
          <div className="w-36">
            <SelectField label="Chart currency" value={currency} onChange={(e) => setChosenCurrency(e.target.value)}>
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </SelectField>
          </div>
        )}
        {report.isFetching && <Spinner label="Updating…" />}
      </div>
      {report.isError && <p className="text-sm text-red-700">{report.error.message}</p>}
      {report.data && (
        <>
          <section aria-label="Totals" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {report.data.totals.length === 0 && <p className="text-sm text-slate-600">No sessions in this period.</p>}
            {report.data.totals.map((t) => (
              <Card key={t.currency} data-testid={`total-${t.currency}`} data-currency={t.currency}>
                <p className="text-xs uppercase text-slate-500">Total {t.currency}</p>
                <p className="text-2xl font-semibold" data-testid="total-incl">
                  {moneyText(t.inclVatMinor, t.currency)}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {moneyText(t.exclVatMinor, t.currency)} excl. VAT + {moneyText(t.vatMinor, t.currency)} VAT
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {t.sessions} sessions · {energyText(t.energyWh)} ·{" "}
                  {t.perKwhMinor === null ? "—" : `${moneyText(t.perKwhMinor, t.currency)}/kWh`}
                </p>
              </Card>
            ))}
          </section>
          {BREAKDOWNS.map((b) => (
            <Breakdown
              key={b.kind}
              title={b.title}
              keyHeader={b.keyHeader}
              rows={b.rowsOf(report.data)}
              currency={currency}
              exportHref={exportHref(b.kind)}
              kind={b.kind}
            />
          ))}
          <EnergyChart rows={report.data.byMonth} currency={currency} />
          <NoShowFees rows={report.data.noShowFees} exportHref={exportHref("noShow")} />
        </>
      )}
    </div>
  );
}

/** Major units for the chart axis only; every shown figure is formatted from minor units. */
function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

function Breakdown({
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
  currency: string;
  exportHref: string;
  kind: string;
}) {
  const chartRows = rows
    .filter((r) => r.currency === currency)
    .map((r) => ({ label: r.label, cost: toMajor(r.inclVatMinor, currency), minor: r.inclVatMinor }));
  return (
    <section aria-label={title} data-testid={`report-${kind}`}>
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-lg font-semibold">{title}</h2>
        <a className="text-sm underline" href={exportHref} download>
          Download CSV
        </a>
      </div>
      <div className="grid gap-4 xl:grid-cols-[2fr_3fr]">
        <Card className="h-64" data-testid="chart">
          {chartRows.length === 0 ? (
            <p className="text-sm text-slate-500">No {currency} costs in this period.</p>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chartRows} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis tick={{ fontSize: 12 }} />
                <Tooltip
                  formatter={(_value, _name, item) => moneyText((item.payload as { minor: number }).minor, currency)}
                />
                <Bar dataKey="cost" name={`Cost incl. VAT (${currency})`} fill="#2563eb" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full whitespace-nowrap text-left text-sm" aria-label={`${title} table`}>
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th className="px-3 py-2">{keyHeader}</th>
                <th className="px-3 py-2">Sessions</th>
                <th className="px-3 py-2">Energy</th>
                <th className="px-3 py-2">Excl. VAT</th>
                <th className="px-3 py-2">VAT</th>
                <th className="px-3 py-2">Incl. VAT</th>
                <th className="px-3 py-2">Per kWh</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.key}-${r.currency}`}
                  className="border-t border-slate-200 dark:border-slate-800"
                  data-currency={r.currency}
                >
                  <td className="px-3 py-2">{r.label}</td>
                  <td className="px-3 py-2">{r.sessions}</td>
                  <td className="px-3 py-2">{energyText(r.energyWh)}</td>
                  <td className="px-3 py-2">{moneyText(r.exclVatMinor, r.currency)}</td>
                  <td className="px-3 py-2">{moneyText(r.vatMinor, r.currency)}</td>
                  <td className="px-3 py-2" data-minor={r.inclVatMinor}>
                    {moneyText(r.inclVatMinor, r.currency)}
                  </td>
                  <td className="px-3 py-2">{r.perKwhMinor === null ? "—" : moneyText(r.perKwhMinor, r.currency)}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={7} className="px-3 py-2 text-slate-500">
                    Nothing in this period.
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

function EnergyChart({ rows, currency }: { rows: CostRow[]; currency: string }) {
  const data = rows
    .filter((r) => r.currency === currency)
    .map((r) => ({
      label: r.label,
      kwh: r.energyWh / 1000,
      perKwh: r.perKwhMinor === null ? null : toMajor(r.perKwhMinor, currency),
    }));
  return (
    <section aria-label="Energy and average price" className="grid gap-4 lg:grid-cols-2">
      <Card className="h-64">
        <h2 className="mb-2 font-semibold">Energy per month (kWh)</h2>
        <ResponsiveContainer width="100%" height="85%">
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="kwh" name="kWh" fill="#059669" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Card>
      <Card className="h-64">
        <h2 className="mb-2 font-semibold">Average cost per kWh incl. VAT ({currency})</h2>
        <ResponsiveContainer width="100%" height="85%">
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} />
            <Tooltip />
            <Line dataKey="perKwh" name={`${currency}/kWh`} stroke="#d97706" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Card>
    </section>
  );
}

function NoShowFees({ rows, exportHref }: { rows: CostReport["noShowFees"]; exportHref: string }) {
  return (
    <section aria-label="No-show fees">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-lg font-semibold">No-show fees</h2>
        <a className="text-sm underline" href={exportHref} download>
          Download CSV
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No booking in this period ended as a no-show with a fee.
        </p>
      ) : (
        <table className="w-full max-w-xl text-left text-sm" aria-label="No-show fees table">
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th className="py-1">Month</th>
              <th className="py-1">No-shows</th>
              <th className="py-1">Fees</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.key}-${r.currency}`}>
                <td className="py-1">{r.label}</td>
                <td className="py-1">{r.bookings}</td>
                <td className="py-1">{moneyText(r.feeMinor, r.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
