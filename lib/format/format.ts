// The one formatter of the app: dates, times, durations, numbers, energy, power, distances and money, for
// one locale and time zone. Every screen, CSV-free text and notification formats through it, so a date or
// an amount reads the same everywhere. Money uses the currency's ISO 4217 exponent (lib/money), never /100.
import { formatMoney, minorUnitDigits, type Money } from "@/lib/money";

export interface FormatSettings {
  /** BCP 47 locale, e.g. "en-GB" or "de-DE"; undefined = the runtime's (the browser's) own. */
  locale?: string;
  /** IANA time zone for instants; undefined = the runtime's own. */
  timeZone?: string;
}

const DASH = "—";

/** The single date-and-time style: "1 Dec 2026, 07:38" (en-GB), "01.12.2026, 07:38" (de-DE). */
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
const DATE: Intl.DateTimeFormatOptions = { dateStyle: "medium" };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: "short" };

type Instant = string | Date | number;
type Maybe<T> = T | null | undefined;

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

export interface Formatter {
  readonly locale: string | undefined;
  readonly timeZone: string | undefined;
  /** "1 Dec 2026, 07:38"; a dash when there is nothing. */
  dateTime(value: Maybe<Instant>): string;
  date(value: Maybe<Instant>): string;
  time(value: Maybe<Instant>): string;
  /** A calendar day "2026-12-01" as a date, never moved by a time zone. */
  day(isoDay: Maybe<string>): string;
  /** An instant's day, short and with its weekday: "Mon 7 Dec" / "Mo., 7. Dez." (a timeline's day labels). */
  weekday(value: Maybe<Instant>): string;
  /** A calendar month "2026-03" as "Mar 2026" / "März 2026". */
  month(isoMonth: Maybe<string>): string;
  /** "1 Dec 2026 – 31 Dec 2026", or one day. */
  dayRange(from: string, to: string): string;
  /**
   * A booking window in the charger's own time zone, labelled with it:
   * "1 Dec 2026, 07:38 – 09:00 (Europe/Berlin)"; the end date is repeated only when it differs.
   */
  window(start: Instant, end: Instant, chargerTimeZone: string): string;
  /** Money from minor units, or a dash without an amount or currency. */
  money(amountMinor: Maybe<number>, currency: Maybe<string>): string;
  moneyOf(amount: Maybe<Money>): string;
  /** Several currencies side by side ("€12.00 · 150.00 NOK"), a dash for none. */
  totals(amounts: Money[]): string;
  /** A rate per unit: "€0.49 per kWh" / "€0.10 per min" / "€1.00 per session". */
  rate(amountMinor: number, currency: string, unit: "kWh" | "min" | "session"): string;
  number(value: Maybe<number>, fractionDigits?: number): string;
  /** 0.25 → "25%"; `signed` shows "+25%". */
  percent(fraction: Maybe<number>, options?: { signed?: boolean }): string;
  /** Wh → "1.67 kWh". */
  energy(energyWh: Maybe<number>): string;
  /** kW → "11 kW". */
  power(kw: Maybe<number>): string;
  /** metres → "350 m" / "4.2 km". */
  distance(metres: Maybe<number>): string;
  /** seconds → "1 h 05 min" / "12 min 03 s" / "42 s". */
  duration(seconds: Maybe<number>): string;
  /** A VAT rate in basis points (1900 → "19%"). */
  vatRate(basisPoints: Maybe<number>): string;
}

/** "per kWh" in the locale's language: the one piece of wording a formatted figure carries. */
const PER_UNIT: Record<string, Record<"kWh" | "min" | "session", string>> = {
  en: { kWh: "per kWh", min: "per min", session: "per session" },
  de: { kWh: "pro kWh", min: "pro Min.", session: "pro Ladevorgang" },
};

function perUnit(locale: string | undefined, unit: "kWh" | "min" | "session"): string {
  return (PER_UNIT[(locale ?? "en").split("-")[0]!.toLowerCase()] ?? PER_UNIT.en!)[unit];
}

export function createFormatter(settings: FormatSettings = {}): Formatter {
  const { locale, timeZone } = settings;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone });
  const dateFormat = new Intl.DateTimeFormat(locale, { ...DATE, timeZone });
  const timeFormat = new Intl.DateTimeFormat(locale, { ...TIME, timeZone });
  const dayFormat = new Intl.DateTimeFormat(locale, { ...DATE, timeZone: "UTC" });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const unit = (name: "meter" | "kilometer", maximumFractionDigits: number) =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, maximumFractionDigits });

  const self: Formatter = {
    locale,
    timeZone,
    dateTime: (value) => (value === null || value === undefined ? DASH : dateTimeFormat.format(toDate(value))),
    date: (value) => (value === null || value === undefined ? DASH : dateFormat.format(toDate(value))),
    time: (value) => (value === null || value === undefined ? DASH : timeFormat.format(toDate(value))),
    day(isoDay) {
      if (!isoDay) return DASH;
      const [y, m, d] = isoDay.split("-").map(Number);
      return dayFormat.format(Date.UTC(y, m - 1, d));
    },
    weekday: (value) => (value === null || value === undefined ? DASH : weekdayFormat.format(toDate(value))),
    month(isoMonth) {
      const match = /^(\d{4})-(\d{2})$/.exec(isoMonth ?? "");
      if (!match) return isoMonth || DASH;
      return monthFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
    },
    dayRange: (from, to) => (from === to ? self.day(from) : `${self.day(from)} – ${self.day(to)}`),
    window(start, end, chargerTimeZone) {
      const date = new Intl.DateTimeFormat(locale, { ...DATE, timeZone: chargerTimeZone });
      const both = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: chargerTimeZone });
      const time = new Intl.DateTimeFormat(locale, { ...TIME, timeZone: chargerTimeZone });
      const [s, e] = [toDate(start), toDate(end)];
      const endText = date.format(s) === date.format(e) ? time.format(e) : both.format(e);
      return `${both.format(s)} – ${endText} (${chargerTimeZone})`;
    },
    money: (amountMinor, currency) =>
      amountMinor === null || amountMinor === undefined || !currency
        ? DASH
        : formatMoney({ amountMinor, currency }, locale),
    moneyOf: (amount) => (amount ? formatMoney(amount, locale) : DASH),
    totals: (amounts) => (amounts.length === 0 ? DASH : amounts.map((a) => formatMoney(a, locale)).join(" · ")),
    rate: (amountMinor, currency, per) => `${formatMoney({ amountMinor, currency }, locale)} ${perUnit(locale, per)}`,
    number: (value, fractionDigits = 0) =>
      value === null || value === undefined
        ? DASH
        : new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value),
    percent: (fraction, options = {}) =>
      fraction === null || fraction === undefined
        ? DASH
        : new Intl.NumberFormat(locale, {
            style: "percent",
            maximumFractionDigits: 1,
            signDisplay: options.signed ? "exceptZero" : "auto",
          }).format(fraction),
    energy: (wh) =>
      wh === null || wh === undefined
        ? DASH
        : `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wh / 1000)} kWh`,
    power: (kw) => (kw === null || kw === undefined ? DASH : `${self.number(kw, 1)} kW`),
    distance(metres) {
      if (metres === null || metres === undefined) return DASH;
      if (metres < 1000) return unit("meter", 0).format(Math.round(metres / 10) * 10);
      return unit("kilometer", metres < 10_000 ? 1 : 0).format(metres / 1000);
    },
    duration(seconds) {
      if (seconds === null || seconds === undefined) return DASH;
      const total = Math.max(0, Math.round(seconds));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const two = (n: number) => String(n).padStart(2, "0");
      return h > 0 ? `${h} h ${two(m)} min` : m > 0 ? `${m} min ${two(s)} s` : `${s} s`;
    },
    vatRate: (basisPoints) =>
      basisPoints === null || basisPoints === undefined ? DASH : self.percent(basisPoints / 10_000),
  };
  return self;
}

/** Digits after the decimal point for a currency (re-exported so no screen divides by 100 itself). */
export { minorUnitDigits };
