import { describe, expect, it } from "vitest";
import { type Part, rollupParts, type Stretch } from "./session-rollup";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const DRIVER = ["year", "quarter", "month"] as const;
const TOTAL = ["month", "day"] as const;

/** How many times the parts count the instant: +1 for each part holding it that adds, -1 for each that takes away. */
function countedAt(parts: Part[], instant: number): number {
  return parts
    .filter((p) => (p.start === null || p.start.getTime() <= instant) && (p.end === null || instant < p.end.getTime()))
    .reduce((n, p) => n + p.sign, 0);
}

/** The hours of sessions the parts read one by one. */
const rawHours = (parts: Part[]) =>
  parts.filter((p) => p.grain === "raw").reduce((h, p) => h + (p.end!.getTime() - p.start!.getTime()) / HOUR, 0);

/** Every part of a grain is whole units of it: its bounds are starts of units. */
function wholeUnits(part: Part): boolean {
  const bounds = [part.start, part.end].filter((b): b is Date => b !== null);
  return bounds.every((b) => {
    const [month, day, rest] = [b.getUTCMonth(), b.getUTCDate(), b.getTime() % (24 * HOUR)];
    if (part.grain === "raw") return true;
    if (part.grain === "day") return rest === 0;
    if (part.grain === "month") return rest === 0 && day === 1;
    if (part.grain === "quarter") return rest === 0 && day === 1 && month % 3 === 0;
    return rest === 0 && day === 1 && month === 0;
  });
}

/** The parts count every instant of the stretch exactly once and nothing outside it, checked each half hour. */
function expectExactCover(stretch: Stretch, parts: Part[]) {
  const from = (stretch.start ?? at("2024-06-01T00:00Z")).getTime() - 40 * 24 * HOUR;
  const to = (stretch.end ?? at("2028-06-01T00:00Z")).getTime() + 40 * 24 * HOUR;
  const miscounted: string[] = [];
  for (let t = from; t < to; t += HOUR / 2) {
    const inside =
      (stretch.start === null || stretch.start.getTime() <= t) && (stretch.end === null || t < stretch.end.getTime());
    if (countedAt(parts, t) !== (inside ? 1 : 0)) miscounted.push(new Date(t).toISOString());
  }
  expect(miscounted).toEqual([]);
  expect(parts.every(wholeUnits)).toBe(true);
}

describe("rollupParts", () => {
  const stretches: Array<[string, Stretch]> = [
    // A year in Berlin: 2025-04-01 to 2026-03-31 inclusive, each end two hours before a UTC month's start.
    ["a Berlin year", { start: at("2025-03-31T22:00Z"), end: at("2026-03-31T22:00Z") }],
    ["a Berlin month", { start: at("2026-02-28T23:00Z"), end: at("2026-03-31T22:00Z") }],
    ["a year to date in Kolkata", { start: at("2025-12-04T18:30Z"), end: at("2026-12-04T18:30Z") }],
    ["ten days", { start: at("2026-01-10T00:00Z"), end: at("2026-01-20T00:00Z") }],
    ["a few hours", { start: at("2026-03-10T05:00Z"), end: at("2026-03-10T09:30Z") }],
    ["whole UTC months", { start: at("2026-01-01T00:00Z"), end: at("2026-04-01T00:00Z") }],
    ["from the start of time", { start: null, end: at("2026-03-15T12:00Z") }],
    ["to the end of time", { start: at("2026-03-15T12:00Z"), end: null }],
    ["everything", { start: null, end: null }],
  ];

  for (const [name, stretch] of stretches) {
    it(`counts ${name} exactly once, at the driver's grains and the totals'`, () => {
      expectExactCover(stretch, rollupParts(stretch, [...DRIVER]));
      expectExactCover(stretch, rollupParts(stretch, [...TOTAL]));
    });
  }

  it("reads a year in Berlin as whole units and four hours of sessions, not most of a month of them", () => {
    const year = { start: at("2025-03-31T22:00Z"), end: at("2026-03-31T22:00Z") };
    const parts = rollupParts(year, [...DRIVER]);
    expect(rawHours(parts)).toBe(4);
    // 2025 less its first quarter, plus the first quarter of 2026: three units of the rollup.
    expect(parts.filter((p) => p.grain !== "raw").map((p) => [p.grain, p.sign])).toEqual([
      ["quarter", -1],
      ["year", 1],
      ["quarter", 1],
    ]);
  });

  it("reads a month in Berlin as the UTC month and the hours that differ", () => {
    const march = { start: at("2026-02-28T23:00Z"), end: at("2026-03-31T22:00Z") };
    const parts = rollupParts(march, [...TOTAL]);
    expect(parts.filter((p) => p.grain === "month")).toHaveLength(1);
    expect(rawHours(parts)).toBe(3);
  });

  it("leaves a short stretch to the finer grains instead of taking most of a unit away", () => {
    const tenDays = rollupParts({ start: at("2026-01-10T00:00Z"), end: at("2026-01-20T00:00Z") }, [...TOTAL]);
    expect(tenDays.map((p) => [p.grain, p.sign])).toEqual([["day", 1]]);
    const hours = rollupParts({ start: at("2026-03-10T05:00Z"), end: at("2026-03-10T09:30Z") }, [...TOTAL]);
    expect(hours.map((p) => p.grain)).toEqual(["raw"]);
  });

  it("gives nothing for an empty or reversed stretch", () => {
    expect(rollupParts({ start: at("2026-03-01T00:00Z"), end: at("2026-03-01T00:00Z") }, [...TOTAL])).toEqual([]);
    expect(rollupParts({ start: at("2026-03-02T00:00Z"), end: at("2026-03-01T00:00Z") }, [...TOTAL])).toEqual([]);
  });
});
