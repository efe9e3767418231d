// Report rows grouped by currency in the totals' order: amounts are ranked within a currency, never across.

/** Stable: within a currency the rows keep their order (the query's, largest cost first). */
export function inCurrencyOrder<Row extends { currency: string | null }>(
  rows: Row[],
  currencies: Array<string | null>,
): Row[] {
  const rank = (currency: string | null) => {
    const index = currencies.indexOf(currency);
    // Currencies the totals do not list go after those they do; the sessions without a price always last.
    return currency === null ? Number.MAX_SAFE_INTEGER : index === -1 ? currencies.length : index;
  };
  return [...rows].sort((a, b) => rank(a.currency) - rank(b.currency));
}
