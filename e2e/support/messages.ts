// The app's messages for specs, read from messages/<language>/<namespace>.json (Playwright's loader cannot import
// JSON modules the way the app's bundler does), and a translator over them like the app's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";

export type Tree = { [key: string]: string | Tree };

export function messagesOf(language: "en" | "de"): Tree {
  const dir = path.join("messages", language);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [file.slice(0, -".json".length), JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree]),
  );
}

/** `t("sessions.detail.started")`, `t("reports.totals.comparedWith", { period })`. */
export function translatorOf(language: "en" | "de") {
  const t = createTranslator({ locale: language, messages: messagesOf(language) as AbstractIntlMessages });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
}
