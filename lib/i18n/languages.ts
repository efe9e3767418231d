// The languages the app speaks, and the one choice of language and formatting locale for a request: the
// user's own setting, else the first language of the browser's Accept-Language we speak, else English.
import { acceptedLocales } from "@/lib/format/reader";

/** Every language with a messages file (messages/<code>.json); tests/i18n-messages.test.ts holds them equal. */
export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language in its own words, for the language setting. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", de: "Deutsch" };

/** How dates and money read in a language when the browser names no region of it. */
const FORMAT_LOCALES: Record<Language, string> = { en: "en-GB", de: "de-DE" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function languageOf(locale: string): string {
  return locale.split("-")[0]!.toLowerCase();
}

export interface ReaderLanguage {
  /** The language of the text. */
  language: Language;
  /** The BCP 47 locale the formatter uses: the browser's own region where it speaks that language. */
  formatLocale: string;
}

/**
 * The reader's language: `userLocale` (User.locale; null = the browser's) wins, then Accept-Language, then
 * English. Dates and money follow the same language, in the browser's region of it ("en-US", "de-AT").
 */
export function chooseLanguage(userLocale: string | null | undefined, acceptLanguage: string | null | undefined) {
  const accepted = acceptedLocales(acceptLanguage);
  const language: Language = isLanguage(userLocale)
    ? userLocale
    : (accepted.map(languageOf).find(isLanguage) ?? DEFAULT_LANGUAGE);
  const formatLocale = accepted.find((locale) => languageOf(locale) === language) ?? FORMAT_LOCALES[language];
  return { language, formatLocale } satisfies ReaderLanguage;
}
