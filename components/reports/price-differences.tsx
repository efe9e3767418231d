"use client";
// The price check on the report page: the threshold (percent of the estimate or an amount, kept in the URL), per
// operator the sessions compared and over it with their sums per currency, the largest differences, and the CSV.
import { parseAsFloat, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { InputField, SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { useIsClient } from "@/components/ui/use-is-client";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey, apiUrl } from "@/lib/api/client";
import { THRESHOLD_MODES } from "@/lib/reports/price-threshold";

import { CELL, ReportTable, ROW } from "./report-table";

const OPERATOR_HEADERS = ["operator", "compared", "over", "sums", "withoutEstimate", "otherCurrency"] as const;
const LARGEST_HEADERS = ["started", "operator", "charger", "estimate", "final", "difference"] as const;

export function PriceDifferences({
  fleetId,
  period,
}: {
  fleetId: string;
  period: { from: string; to: string; timeZone: string };
}) {
  const t = useTranslations("reports");
  const common = useTranslations("common");
  const f = useFormat();
  const isClient = useIsClient();
  const [{ diffBy, over }, setThreshold] = useQueryStates(
    { diffBy: parseAsStringLiteral(THRESHOLD_MODES).withDefault("percent"), over: parseAsFloat.withDefault(10) },
    { history: "replace", scroll: false },
  );
  const threshold = Math.max(0, over);
  const params = { fleetId, ...period, thresholdMode: diffBy, threshold };
  const report = useQuery({
    queryKey: apiKey(api.reports.priceDifferences, params),
    queryFn: () => apiGet(api.reports.priceDifferences, params),
    enabled: isClient,
    placeholderData: keepPreviousData,
  });
  const exportHref = apiUrl(api.reports.export, { ...params, report: "priceDifference" });
  const title = t("priceDifference.title");
  const operators = report.data?.operators ?? [];
  const rows = report.data?.rows ?? [];
  return (
    <section aria-label={title} data-testid="report-price-difference">
      <div className="mb-2 flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{title}</h2>
        <a className="text-sm underline" href={exportHref} download>
          {common("actions.downloadCsv")}
        </a>
      </div>
      <p className="mb-2 max-w-3xl text-xs text-slate-600 dark:text-slate-400">{t("priceDifference.explanation")}</p>
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <div className="w-48">
          <SelectField
            label={t("priceDifference.mode")}
            value={diffBy}
            onChange={(e) => void setThreshold({ diffBy: e.target.value === "amount" ? "amount" : "percent" })}
          >
            {THRESHOLD_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`priceDifference.modes.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-36">
          <InputField
            label={diffBy === "percent" ? t("priceDifference.overPercent") : t("priceDifference.overAmount")}
            type="number"
            min={0}
            step={diffBy === "percent" ? 1 : 0.01}
            value={threshold}
            onChange={(e) => e.target.value !== "" && void setThreshold({ over: Number(e.target.value) })}
          />
        </div>
        {report.isFetching && <Spinner label={t("updating")} />}
      </div>
      {report.isError && <p className="text-sm text-red-700">{report.error.message}</p>}
      <ReportTable
        label={t("priceDifference.operatorsLabel")}
        headers={OPERATOR_HEADERS.map((h) => t(`priceDifference.headers.${h}`))}
        empty={report.data && operators.length === 0 ? t("priceDifference.empty") : null}
      >
        {operators.map((o) => (
          <tr key={o.operator} className={ROW} data-operator={o.operator}>
            <td className={CELL}>{o.operator}</td>
            <td className={CELL} data-column="compared">
              {o.compared}
            </td>
            <td className={CELL} data-column="over">
              {o.over}
            </td>
            <td className={CELL}>
              {o.sums.length === 0
                ? "—"
                : o.sums
                    .map((s) =>
                      t("priceDifference.sum", {
                        estimate: f.money(s.estimateMinor, s.currency),
                        final: f.money(s.finalMinor, s.currency),
                        difference: f.money(s.differenceMinor, s.currency),
                      }),
                    )
                    .join(" · ")}
            </td>
            <td className={CELL} data-column="withoutEstimate">
              {o.withoutEstimate}
            </td>
            <td className={CELL}>{o.otherCurrency}</td>
          </tr>
        ))}
      </ReportTable>
      <h3 className="mb-1 mt-4 text-sm font-semibold">{t("priceDifference.largest")}</h3>
      {report.data && rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("priceDifference.noneOver")}</p>
      ) : (
        <ReportTable
          label={t("priceDifference.largestLabel")}
          headers={LARGEST_HEADERS.map((h) => t(`priceDifference.headers.${h}`))}
          empty={null}
        >
          {rows.map((r) => (
            <tr key={r.sessionId} className={ROW} data-session={r.sessionId}>
              <td className={CELL}>{f.dateTime(r.startTime)}</td>
              <td className={CELL}>{r.operator}</td>
              <td className={CELL}>{r.chargerName ?? "—"}</td>
              <td className={CELL}>{f.money(r.estimateMinor, r.currency)}</td>
              <td className={CELL}>{f.money(r.finalMinor, r.currency)}</td>
              <td className={CELL} data-column="difference">
                {f.money(r.differenceMinor, r.currency)}
                {r.percent !== null && ` (${f.percent(r.percent / 100, { signed: true })})`}
              </td>
            </tr>
          ))}
        </ReportTable>
      )}
    </section>
  );
}
