// Report wording: the currency's name or "No price", calendar days, and a change since the previous period.
import { moneyText } from "@/components/sessions/format";
import { NO_PRICE } from "@/lib/reports/labels";
import type { DayRange } from "@/lib/reports/period";

export function currencyName(currency: string | null): string {
  return currency ?? NO_PRICE;
}

/** Money for a row or total, or a dash for sessions without a price: they have no currency to format with. */
export function costText(amountMinor: number | null, currency: string | null): string {
  return currency === null ? "—" : moneyText(amountMinor, currency);
}

function dayText(isoDay: string): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  // Calendar days, not instants: formatted in UTC so no time zone moves them to the day before.
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

export function dayRangeText(range: DayRange): string {
  return range.from === range.to ? dayText(range.from) : `${dayText(range.from)} – ${dayText(range.to)}`;
}

/** "€11.90 more than the previous period (€23.80), +50%." — or less, or the same. */
export function costChangeText(
  change: { inclVatChangeMinor: number | null; inclVatChangePercent: number | null },
  previousMinor: number,
  currency: string,
): string {
  const previous = moneyText(previousMinor, currency);
  const diff = change.inclVatChangeMinor ?? 0;
  if (diff === 0) return `The same as the previous period (${previous}).`;
  const amount = `${moneyText(Math.abs(diff), currency)} ${diff > 0 ? "more" : "less"} than the previous period (${previous})`;
  if (change.inclVatChangePercent === null) return `${amount}.`;
  const share = new Intl.NumberFormat(undefined, { style: "percent", signDisplay: "exceptZero" }).format(
    change.inclVatChangePercent / 100,
  );
  return `${amount}, ${share}.`;
}

export function sessionsText(count: number): string {
  return `${count} ${count === 1 ? "session" : "sessions"}`;
}
