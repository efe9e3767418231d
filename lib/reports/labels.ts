// Words the report page and its CSV files share.

/** The group of sessions without a price or a currency: counted, never shown as money. */
export const NO_PRICE = "No price";

/** A report row's currency, or "No price" for the sessions that have none. */
export function currencyName(currency: string | null): string {
  return currency ?? NO_PRICE;
}
