// Who is reading: the locale from the browser's Accept-Language and the time zone the browser reported
// (a cookie), so server and browser render the same text. lib/i18n/languages.ts puts the user's setting first.
export const TIME_ZONE_COOKIE = "tz";
export const DEFAULT_LOCALE = "en-GB";
export const DEFAULT_TIME_ZONE = "UTC";

/** The acceptable languages of an Accept-Language header, in its order, as canonical locales the runtime knows. */
export function acceptedLocales(header: string | null | undefined): string[] {
  const parts = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.split(";").map((p) => p.trim());
      const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((p) => p.tag && p.tag !== "*" && p.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const locales: string[] = [];
  for (const { tag } of parts) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) locales.push(canonical);
    } catch {
      // Not a language tag; try the next one.
    }
  }
  return locales;
}

/** The first acceptable language of an Accept-Language header, as a canonical locale. */
export function localeFromAcceptLanguage(header: string | null | undefined): string {
  return acceptedLocales(header)[0] ?? DEFAULT_LOCALE;
}

/** True for an IANA time zone the runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A time zone the runtime knows, else UTC (cookies are user input). */
export function validTimeZone(value: string | null | undefined): string {
  return value && isTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}
