// The reader of this request, decided once: language and formatting locale (lib/i18n/languages.ts) and time
// zone (lib/format/reader.ts). next-intl (i18n/request.ts) and the formatter (lib/format/server.ts) both read it: one choice.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { createFormatter, type Formatter } from "@/lib/format";
import { TIME_ZONE_COOKIE, chooseTimeZone } from "@/lib/format/reader";
import { chooseLanguage, DEFAULT_LANGUAGE, type Language } from "./languages";
import { translator, type Translate } from "./messages";

export interface Reader {
  language: Language;
  /** BCP 47 locale for dates, numbers and money. */
  locale: string;
  timeZone: string;
  /** No zone chosen in Settings: the browser's is used, and the browser reports it when it changes. */
  followsBrowserTimeZone: boolean;
}

export const currentReader = cache(async (): Promise<Reader> => {
  // getCurrentUser is cached per request and already read by every signed-in page: the setting costs nothing.
  const [headerList, cookieStore, user] = await Promise.all([headers(), cookies(), getCurrentUser()]);
  const { language, formatLocale } = chooseLanguage(user?.locale, headerList.get("accept-language"));
  const zone = chooseTimeZone(user?.timeZone, cookieStore.get(TIME_ZONE_COOKIE)?.value);
  return { language, locale: formatLocale, timeZone: zone.timeZone, followsBrowserTimeZone: zone.followsBrowser };
});

/**
 * The reader's words of one namespace, outside React: CSV headers, stored texts said when read. English where
 * code runs outside a request (tests, scripts).
 */
export async function readerTranslator(namespace: string): Promise<Translate> {
  return translator(await readerLanguage(), namespace);
}

/** The reader's formatter; English (en-GB, UTC) outside a request. */
export function readerFormatter(): Promise<Formatter> {
  return currentReader().then(
    (reader) => createFormatter({ locale: reader.locale, timeZone: reader.timeZone }),
    () => createFormatter({ locale: "en-GB", timeZone: "UTC" }),
  );
}

/** The reader's language; English outside a request. */
export function readerLanguage(): Promise<Language> {
  return currentReader().then(
    (reader) => reader.language,
    () => DEFAULT_LANGUAGE,
  );
}
