"use client";
// The totals of the filtered session history, over every page: count, energy and the cost in each currency
// on its own (never added across currencies), with the sessions that have no price counted apart.
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/format-provider";
import type { SessionTotals } from "@/lib/sessions/list-sessions";

export function SessionTotalsRow({ totals }: { totals: SessionTotals }) {
  const t = useTranslations("sessions.totals");
  const f = useFormat();
  return (
    <div
      role="group"
      aria-label={t("label")}
      data-testid="session-totals"
      className="flex flex-wrap items-baseline gap-x-6 gap-y-1 border-t border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <span className="font-semibold">{t("total")}</span>
      <span data-testid="totals-sessions">{t("sessions", { count: totals.sessions })}</span>
      <span data-testid="totals-energy">{f.energy(totals.energyWh)}</span>
      {totals.costs.map((cost) => (
        <span
          key={cost.currency}
          data-testid="totals-cost"
          data-currency={cost.currency}
          data-minor={cost.inclVatMinor}
        >
          <span className="font-medium">{f.money(cost.inclVatMinor, cost.currency)}</span>{" "}
          <span className="text-slate-600 dark:text-slate-400">({t("sessions", { count: cost.sessions })})</span>
        </span>
      ))}
      {totals.unpriced > 0 && (
        <span data-testid="totals-unpriced" className="text-slate-600 dark:text-slate-400">
          {t("withoutPrice", { count: totals.unpriced })}
        </span>
      )}
    </div>
  );
}
