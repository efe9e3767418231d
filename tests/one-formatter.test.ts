// One formatter for the whole app: dates, numbers and money are formatted only in lib/format (and money's
// exact decimal text in lib/money). Anywhere else in app/, components/ and lib/ this fails on
//   - `Intl.NumberFormat` or `Intl.DateTimeFormat(...).format(...)`, and `toLocaleString` / `…DateString` /
//     `…TimeString`: a second way to show a number or a date;
//   - an amount divided by 100 (`amountMinor / 100`, `feeMinor / 100`, `price / 100`…): minor units follow
//     the currency's ISO 4217 exponent, which is not always 2.
// Not formatting, so allowed: `Intl.DateTimeFormat().resolvedOptions()` (reading the browser's zone),
// `formatToParts` for calendar arithmetic in a time zone, and time zone validity checks through
// lib/format/reader.ts (isTimeZone).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCANNED = ["app", "components", "lib"];
const OWNERS = ["lib/format/", "lib/money/"];

const RULES: Array<{ name: string; pattern: RegExp }> = [
  { name: "Intl.NumberFormat outside lib/format", pattern: /\bIntl\.NumberFormat\b/ },
  {
    name: "Intl.DateTimeFormat formatting outside lib/format",
    pattern: /\bIntl\.DateTimeFormat\((?![^)]*\)\s*\.resolvedOptions)(?![\s\S]{0,200}formatToParts)/,
  },
  { name: "toLocale…String", pattern: /\.toLocale(Date|Time)?String\(/ },
  {
    name: "an amount divided by 100",
    pattern: /\b\w*(minor|Minor|amount|Amount|price|Price|fee|Fee|cost|Cost)\w*\s*\/\s*100\b(?!\d)/,
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

export function offences(text: string): string[] {
  return RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.name);
}

describe("one formatter", () => {
  it("finds no second way to format dates, numbers or money", () => {
    const found: string[] = [];
    for (const file of SCANNED.flatMap(sourceFiles)) {
      if (OWNERS.some((owner) => file.startsWith(owner))) continue;
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const name of offences(text)) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it("recognises each forbidden form and lets the allowed ones pass", () => {
    expect(offences(`new Intl.NumberFormat(undefined, { style: "currency" })`)).toHaveLength(1);
    expect(offences(`new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d)`)).toHaveLength(1);
    expect(offences(`date.toLocaleDateString()`)).toHaveLength(1);
    expect(offences(`(booking.feeMinor / 100).toFixed(2)`)).toHaveLength(1);
    expect(offences(`Intl.DateTimeFormat().resolvedOptions().timeZone`)).toEqual([]);
    expect(offences(`new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric" }).formatToParts(at)`)).toEqual([]);
    expect(offences(`const rank = Math.ceil((p / 100) * sorted.length)`)).toEqual([]);
  });
});
