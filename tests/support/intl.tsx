// Renders a component as the app does: inside next-intl's provider with a language's messages, and the
// formatter of its locale. `renderToStaticMarkup(withIntl(<Card />, "de"))`.
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { FormatProvider } from "@/components/ui/format-provider";
import type { Language } from "@/lib/i18n/languages";
import { MESSAGES } from "@/lib/i18n/messages";

const LOCALES: Record<Language, string> = { en: "en-GB", de: "de-DE" };

export function withIntl(node: React.ReactNode, language: Language = "en", timeZone = "Europe/Berlin") {
  return (
    <NextIntlClientProvider locale={language} messages={MESSAGES[language] as AbstractIntlMessages} timeZone={timeZone}>
      <FormatProvider locale={LOCALES[language]} timeZone={timeZone}>
        {node}
      </FormatProvider>
    </NextIntlClientProvider>
  );
}
