// next-intl's request configuration (found by the plugin in next.config.ts): no locale in the URL; the
// language is the reader's (lib/i18n/reader.ts), the same choice the formatter makes.
import { getRequestConfig } from "next-intl/server";
import { currentReader } from "@/lib/i18n/reader";
import { MESSAGES } from "@/lib/i18n/messages";

export default getRequestConfig(async () => {
  const reader = await currentReader();
  return { locale: reader.language, messages: MESSAGES[reader.language], timeZone: reader.timeZone };
});
