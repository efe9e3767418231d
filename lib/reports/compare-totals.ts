// Totals of a period beside those of the previous one, currency by currency: a change is never across currencies.
import type { CostFigures } from "./cost-report";

export interface TotalsChange {
  /** null: the sessions without a price, counted but never shown as money. */
  currency: string | null;
  current: CostFigures | null;
  previous: CostFigures | null;
  sessionsChange: number;
  energyWhChange: number;
  /** Change of the cost incl. VAT in minor units; null for the sessions without a price. */
  inclVatChangeMinor: number | null;
  /** Change of the cost incl. VAT in whole percent; null when the previous period had no cost to compare with. */
  inclVatChangePercent: number | null;
}

/** Priced currencies in the current period's order, then those only the previous period had, then no price. */
export function compareTotals(current: CostFigures[], previous: CostFigures[]): TotalsChange[] {
  const currencies = [...new Set([...current, ...previous].map((t) => t.currency))].sort(
    (a, b) => Number(a === null) - Number(b === null),
  );
  return currencies.map((currency) => {
    const now = current.find((t) => t.currency === currency) ?? null;
    const before = previous.find((t) => t.currency === currency) ?? null;
    const nowIncl = now?.inclVatMinor ?? 0;
    const beforeIncl = before?.inclVatMinor ?? 0;
    return {
      currency,
      current: now,
      previous: before,
      sessionsChange: (now?.sessions ?? 0) - (before?.sessions ?? 0),
      energyWhChange: (now?.energyWh ?? 0) - (before?.energyWh ?? 0),
      inclVatChangeMinor: currency === null ? null : nowIncl - beforeIncl,
      inclVatChangePercent:
        currency === null || beforeIncl <= 0 ? null : Math.round(((nowIncl - beforeIncl) * 100) / beforeIncl),
    };
  });
}
