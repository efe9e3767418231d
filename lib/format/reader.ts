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

/** The zone the reader sees times in, and whether it follows the browser (no setting) or the user chose it. */
export interface ReaderTimeZone {
  timeZone: string;
  followsBrowser: boolean;
}

/**
 * The reader's time zone: the user's setting (User.timeZone) wins; else the zone the browser reported (the
 * cookie), which the browser keeps up to date; else UTC until it has.
 */
export function chooseTimeZone(
  userZone: string | null | undefined,
  browserZone: string | null | undefined,
): ReaderTimeZone {
  if (userZone && isTimeZone(userZone)) return { timeZone: userZone, followsBrowser: false };
  return { timeZone: validTimeZone(browserZone), followsBrowser: true };
}

export interface TimeZoneChoice {
  zone: string;
  /** The zone and its offset from UTC now ("Europe/Berlin · GMT+01:00"), so a zone is found by either. */
  label: string;
}

let choices: { hour: number; list: TimeZoneChoice[] } | null = null;

/**
 * Every IANA time zone the runtime knows, UTC first: the choices of Settings → Time zone. Offsets move with
 * summer time, so the list is made again each hour (making it costs tens of milliseconds).
 */
export function timeZoneChoices(now: Date = new Date()): TimeZoneChoice[] {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (choices?.hour === hour) return choices.list;
  const zones = [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== DEFAULT_TIME_ZONE)];
  const list = zones.map((zone) => {
    if (zone === DEFAULT_TIME_ZONE) return { zone, label: zone };
    const offset = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value;
    return { zone, label: offset ? `${zone.replace(/_/g, " ")} · ${offset}` : zone.replace(/_/g, " ") };
  });
  choices = { hour, list };
  return list;
}
