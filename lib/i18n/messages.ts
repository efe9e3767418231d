// The messages of each language (messages/<language>/<namespace>.json). Static imports, bundled with the server;
// a language whose messages lack a key of the English ones does not compile.
import en from "@/messages/en";
import de from "@/messages/de";
// next-intl's own core (it re-exports it), free of React: jobs and scripts run this outside Next.
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { Language } from "./languages";

export type Messages = typeof en;

export const MESSAGES: Record<Language, Messages> = { en, de };

/** The namespaces client components translate with; the rest stays on the server. */
export const CLIENT_NAMESPACES = [
  "roles",
  "shell",
  "notifications",
  "signIn",
  "settings",
  "validation",
  "common",
  "map",
  "bookings",
  "board",
  "alerts",
  "wizard",
  "batches",
  "sessions",
  "reports",
  "keys",
  "vehicles",
  "fleets",
  "invitations",
  "join",
  "audit",
  "providers",
  "errors",
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(language: Language): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const messages = MESSAGES[language];
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}

/** A translator whose keys are checked by tests/i18n-keys-used.test.ts rather than by the compiler. */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** The messages of `namespace` in `language`, outside React: domain words, tests, CSV headers, emails. */
export function translator(language: Language, namespace?: string): Translate {
  const t = createTranslator({ locale: language, messages: MESSAGES[language] as AbstractIntlMessages, namespace });
  return (key, values) => t(key as never, values as never);
}
