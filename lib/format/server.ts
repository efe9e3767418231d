// The reader's formatter for server components and route handlers: same settings as the browser's.
import "server-only";
import { cookies, headers } from "next/headers";
import { createFormatter, type FormatSettings, type Formatter } from "./format";
import { TIME_ZONE_COOKIE, localeFromAcceptLanguage, validTimeZone } from "./reader";

export async function readerSettings(): Promise<Required<FormatSettings>> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return {
    locale: localeFromAcceptLanguage(headerList.get("accept-language")),
    timeZone: validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value),
  };
}

export async function serverFormatter(): Promise<Formatter> {
  return createFormatter(await readerSettings());
}
