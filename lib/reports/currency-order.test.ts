import { describe, expect, it } from "vitest";
import { inCurrencyOrder } from "./currency-order";

describe("inCurrencyOrder", () => {
  it("groups rows by currency in the given order and keeps each currency's own ranking", () => {
    const rows = [
      { label: "Ole", currency: "NOK", inclVatMinor: 90_000 },
      { label: "Dora", currency: "EUR", inclVatMinor: 5_000 },
      { label: "Unpriced", currency: null, inclVatMinor: 0 },
      { label: "Dirk", currency: "EUR", inclVatMinor: 1_000 },
      { label: "Kari", currency: "NOK", inclVatMinor: 100 },
    ];
    expect(inCurrencyOrder(rows, ["EUR", "NOK", null]).map((r) => r.label)).toEqual([
      "Dora",
      "Dirk",
      "Ole",
      "Kari",
      "Unpriced",
    ]);
  });

  it("puts currencies missing from the order after the known ones, and no price last", () => {
    const rows = [
      { label: "a", currency: null },
      { label: "b", currency: "SEK" },
      { label: "c", currency: "EUR" },
    ];
    expect(inCurrencyOrder(rows, ["EUR"]).map((r) => r.label)).toEqual(["c", "b", "a"]);
  });
});
