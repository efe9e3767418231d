// Who is reading: the locale from the browser's Accept-Language and the time zone the browser reported
// (a cookie), so server and browser render the same text. A user setting will take precedence (Settings).
export const TIME_ZONE_COOKIE = "tz";
export const DEFAULT_LOCALE = "en-GB";
export const DEFAULT_TIME_ZONE = "UTC";

/** The first acceptable language of an Accept-Language header, as a canonical locale. */
export function localeFromAcceptLanguage(header: string | null | undefined): string {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) return canonical;
    } catch {
      // Not a language tag; try the next one.
    }
  }
  return DEFAULT_LOCALE;
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
