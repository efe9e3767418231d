// Client components get only the namespaces lib/i18n/messages.ts hands to NextIntlClientProvider: one that
// translates with any other would show message keys ("validation.own.email") instead of words.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "@/lib/i18n/messages";

const clientFiles = ["app", "components"].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8"))),
);

describe("client translations", () => {
  it("use only the namespaces sent to the browser", () => {
    const missing: string[] = [];
    for (const file of clientFiles) {
      for (const [, namespace] of readFileSync(file, "utf8").matchAll(/useTranslations\(\s*["']([^"']+)["']/g)) {
        const root = namespace!.split(".")[0]!;
        if (!(CLIENT_NAMESPACES as readonly string[]).includes(root)) missing.push(`${file}: ${namespace}`);
      }
    }
    expect(clientFiles.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
