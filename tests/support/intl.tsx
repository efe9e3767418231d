// Renders a component as the app does: inside next-intl's provider with a language's messages, and the
// formatter of its locale. `renderToStaticMarkup(withIntl(<Card />, "de"))`, or its text: `renderedText(<Card />, "de")`.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { FormatProvider } from "@/components/ui/format-provider";
import type { Language } from "@/lib/i18n/languages";
import { MESSAGES } from "@/lib/i18n/messages";

const LOCALES: Record<Language, string> = { en: "en-GB", de: "de-DE" };

export function withIntl(node: React.ReactNode, language: Language = "en", timeZone = "Europe/Berlin") {
  return (
    <NextIntlClientProvider locale={language} messages={MESSAGES[language] as AbstractIntlMessages} timeZone={timeZone}>
      <FormatProvider locale={LOCALES[language]} timeZone={timeZone} followsBrowser={false}>
        {node}
      </FormatProvider>
    </NextIntlClientProvider>
  );
}

/** What a reader sees of a component: its text, rendered as the app does, tags dropped, spaces collapsed. */
export function renderedText(node: React.ReactNode, language: Language = "en", timeZone = "Europe/Berlin") {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>{withIntl(node, language, timeZone)}</QueryClientProvider>,
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
