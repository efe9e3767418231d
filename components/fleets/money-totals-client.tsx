"use client";
// Per-currency totals in the reader's locale (amounts in different currencies are shown side by side, never added).
import { useSyncExternalStore } from "react";
import { formatTotals, type Money } from "@/lib/money";

const noSubscription = () => () => {};

export function MoneyTotals({ amounts }: { amounts: Money[] }) {
  // The server renders a neutral locale; the browser re-renders in the reader's own.
  const locale = useSyncExternalStore(
    noSubscription,
    () => navigator.language,
    () => "en-GB",
  );
  return <span>{formatTotals(amounts, locale)}</span>;
}
