// The messages of each language. Static imports: both files are small and bundled with the server.
import en from "@/messages/en.json";
import de from "@/messages/de.json";
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
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(language: Language): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const messages = MESSAGES[language];
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
