// The reader's formatter for server components and route handlers: same settings as the browser's, and the
// same locale as the text (lib/i18n/reader.ts).
import "server-only";
import { currentReader } from "@/lib/i18n/reader";
import { createFormatter, type FormatSettings, type Formatter } from "./format";

export async function readerSettings(): Promise<Required<FormatSettings>> {
  const { locale, timeZone } = await currentReader();
  return { locale, timeZone };
}

export async function serverFormatter(): Promise<Formatter> {
  return createFormatter(await readerSettings());
}
