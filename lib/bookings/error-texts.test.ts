// Every `errors` text the booking, session, sync, provider and search code says exists in English (and so, by
// tests/i18n-messages.test.ts, in every language): a missing key would show the reader the key instead of words.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";

const AREAS = [
  "lib/bookings",
  "lib/sessions",
  "lib/provider-sync",
  "lib/providers",
  "lib/search",
  "lib/actions/bookings.ts",
  "lib/actions/sessions.ts",
  "app/api",
];

function sourceFiles(area: string): string[] {
  if (/\.tsx?$/.test(area)) return [area];
  return readdirSync(area, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(area, f))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
}

function lookUp(dotted: string): unknown {
  let node: unknown = MESSAGES.en.errors;
  for (const part of dotted.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** `text("a.b")` and `say("a.b")` with a literal key must name a message; `text(`a.${x}`)` a group. */
const CALL = /\b(?:text|say)\(\s*(["'`])((?:(?!\1).)+)\1/g;

describe("errors texts asked for", () => {
  it("exist in English, every one", () => {
    const missing: string[] = [];
    for (const file of AREAS.flatMap(sourceFiles)) {
      for (const [, quote, key] of readFileSync(file, "utf8").matchAll(CALL)) {
        const literal = quote !== "`" || !key!.includes("${");
        const wanted = literal ? key! : key!.slice(0, key!.indexOf("${")).replace(/\.$/, "");
        const found = lookUp(wanted);
        if (literal ? typeof found !== "string" : typeof found !== "object") missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
