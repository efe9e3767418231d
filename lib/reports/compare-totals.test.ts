import { describe, expect, it } from "vitest";
import type { CostFigures } from "./cost-report";
import { compareTotals } from "./compare-totals";

function totals(currency: string | null, sessions: number, inclVatMinor: number, energyWh = 10_000): CostFigures {
  return {
    currency,
    sessions,
    energyWh,
    exclVatMinor: inclVatMinor,
    vatMinor: 0,
    inclVatMinor,
    perKwhMinor: currency === null ? null : 0,
  };
}

describe("compareTotals", () => {
  it("compares each currency with itself, never across currencies", () => {
    const changes = compareTotals(
      [totals("EUR", 4, 12_000), totals("NOK", 1, 5_000)],
      [totals("NOK", 2, 10_000), totals("EUR", 3, 10_000)],
    );
    expect(changes.map((c) => [c.currency, c.inclVatChangeMinor, c.inclVatChangePercent, c.sessionsChange])).toEqual([
      ["EUR", 2_000, 20, 1],
      ["NOK", -5_000, -50, -1],
    ]);
  });

  it("keeps a currency only one period has, with no percentage from nothing", () => {
    const changes = compareTotals([totals("EUR", 1, 500)], [totals("DKK", 2, 3_000)]);
    expect(changes.map((c) => [c.currency, c.current?.inclVatMinor, c.previous?.inclVatMinor])).toEqual([
      ["EUR", 500, undefined],
      ["DKK", undefined, 3_000],
    ]);
    expect(changes[0].inclVatChangePercent).toBeNull();
    expect(changes[0].inclVatChangeMinor).toBe(500);
    expect(changes[1].inclVatChangeMinor).toBe(-3_000);
    expect(changes[1].inclVatChangePercent).toBe(-100);
  });

  it("counts sessions without a price last and never as money", () => {
    const changes = compareTotals([totals(null, 3, 0, 0), totals("EUR", 1, 100)], [totals(null, 1, 0, 0)]);
    expect(changes.map((c) => c.currency)).toEqual(["EUR", null]);
    expect(changes[1]).toMatchObject({ sessionsChange: 2, inclVatChangeMinor: null, inclVatChangePercent: null });
  });

  it("is empty when neither period has sessions", () => {
    expect(compareTotals([], [])).toEqual([]);
  });
});
