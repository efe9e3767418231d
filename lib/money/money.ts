// Money as integer minor units plus an ISO 4217 currency: adding, VAT split, totals per currency, display.

export interface Money {
  amountMinor: number;
  currency: string;
}

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`Cannot combine ${a} and ${b}: amounts in different currencies are kept apart`);
    this.name = "CurrencyMismatchError";
  }
}

function assertMinor(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount of minor units: ${value}`);
}

export function money(amountMinor: number, currency: string): Money {
  assertMinor(amountMinor);
  return { amountMinor, currency: currency.toUpperCase() };
}

/** Adds amounts of one currency; refuses to mix currencies. */
export function addMoney(...amounts: Money[]): Money {
  if (amounts.length === 0) throw new RangeError("addMoney needs at least one amount");
  const currency = amounts[0].currency.toUpperCase();
  let total = 0;
  for (const amount of amounts) {
    if (amount.currency.toUpperCase() !== currency) throw new CurrencyMismatchError(currency, amount.currency);
    assertMinor(amount.amountMinor);
    total += amount.amountMinor;
  }
  assertMinor(total);
  return { amountMinor: total, currency };
}

/** One total per currency, in first-seen order: the only safe way to "sum" mixed amounts. */
export function totalsByCurrency(amounts: Iterable<Money>): Money[] {
  const totals = new Map<string, number>();
  for (const amount of amounts) {
    assertMinor(amount.amountMinor);
    const currency = amount.currency.toUpperCase();
    totals.set(currency, (totals.get(currency) ?? 0) + amount.amountMinor);
  }
  return [...totals].map(([currency, amountMinor]) => ({ amountMinor, currency }));
}

/** Integer division rounded half away from zero (so refunds round like charges). */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  const sign = numerator < 0 ? -1 : 1;
  const n = BigInt(Math.abs(numerator));
  const d = BigInt(denominator);
  const rounded = (n * 2n + d) / (2n * d);
  return sign * Number(rounded);
}

export interface VatSplit {
  exclVatMinor: number;
  vatMinor: number;
  inclVatMinor: number;
}

/**
 * Splits a price including VAT into net and VAT. The net is rounded to the minor unit and the VAT is
 * the remainder, so net + VAT always equals the gross exactly.
 */
export function splitVat(inclVatMinor: number, vatRateBasisPoints: number): VatSplit {
  assertMinor(inclVatMinor);
  if (!Number.isInteger(vatRateBasisPoints) || vatRateBasisPoints < 0)
    throw new RangeError(`bad VAT rate: ${vatRateBasisPoints}`);
  const exclVatMinor = divideRounded(inclVatMinor * 10_000, 10_000 + vatRateBasisPoints);
  return { exclVatMinor, vatMinor: inclVatMinor - exclVatMinor, inclVatMinor };
}

/** Adds VAT to a net price; the VAT is rounded to the minor unit. */
export function addVat(exclVatMinor: number, vatRateBasisPoints: number): VatSplit {
  assertMinor(exclVatMinor);
  const vatMinor = divideRounded(exclVatMinor * vatRateBasisPoints, 10_000);
  return { exclVatMinor, vatMinor, inclVatMinor: exclVatMinor + vatMinor };
}

/**
 * ISO 4217 minor-unit exponents other than 2. Providers count "minor units" by ISO 4217, which differs
 * from what Intl shows for some currencies (Intl displays HUF and IDR without decimals, ISO has 2).
 */
const ISO_4217_EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Digits after the decimal point of a currency's minor unit (EUR 2, HUF 2, JPY 0, KWD 3), per ISO 4217. */
export function minorUnitDigits(currency: string): number {
  return ISO_4217_EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** "-12.34" for -1234 EUR: exact decimal text from the integer, never via a float. */
export function minorToDecimalString(amountMinor: number, digits: number): string {
  assertMinor(amountMinor);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? "" : `.${text.slice(-digits)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Money in the reader's locale, e.g. "1.234,56 €" in de-DE or "€1,234.56" in en-GB. */
export function formatMoney(amount: Money, locale?: string): string {
  const digits = minorUnitDigits(amount.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: amount.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl formats a decimal string exactly (no binary float in between).
  return formatter.format(minorToDecimalString(amount.amountMinor, digits) as unknown as number);
}

/** Several currencies side by side, e.g. "€12.00 · 150.00 NOK"; an em dash when there is nothing. */
export function formatTotals(amounts: Money[], locale?: string): string {
  return amounts.length === 0 ? "—" : amounts.map((a) => formatMoney(a, locale)).join(" · ");
}

/** Average price per kWh in minor units (rounded), or null without energy. */
export function perKwhMinor(amountMinor: number, energyWh: number): number | null {
  if (energyWh <= 0) return null;
  return divideRounded(amountMinor * 1000, energyWh);
}
