// The price check's threshold: percent of the estimate or an amount in the prices' currency, either way.
import { describe, expect, it } from "vitest";
import { exceedsThreshold, priceDifference } from "./price-threshold";

describe("priceDifference", () => {
  it("is the final price minus the estimate, and its share of the estimate", () => {
    expect(priceDifference(1000, 1250)).toEqual({ differenceMinor: 250, percent: 25 });
    expect(priceDifference(1000, 900)).toEqual({ differenceMinor: -100, percent: -10 });
    expect(priceDifference(0, 300)).toEqual({ differenceMinor: 300, percent: null });
  });
});

describe("exceedsThreshold", () => {
  const percent = (value: number) => ({ mode: "percent" as const, value });
  const amount = (value: number) => ({ mode: "amount" as const, value });

  it("reports a difference over the percentage, dearer or cheaper, and not one exactly at it", () => {
    expect(exceedsThreshold(1000, 1101, "EUR", percent(10))).toBe(true);
    expect(exceedsThreshold(1000, 899, "EUR", percent(10))).toBe(true);
    expect(exceedsThreshold(1000, 1100, "EUR", percent(10))).toBe(false);
    expect(exceedsThreshold(1000, 1050, "EUR", percent(10))).toBe(false);
  });

  it("counts any charge over an estimate of zero, and no charge as no difference", () => {
    expect(exceedsThreshold(0, 1, "EUR", percent(50))).toBe(true);
    expect(exceedsThreshold(0, 0, "EUR", percent(0))).toBe(false);
  });

  it("reads an amount in major units of the prices' own currency", () => {
    expect(exceedsThreshold(1000, 1251, "EUR", amount(2.5))).toBe(true);
    expect(exceedsThreshold(1000, 1250, "EUR", amount(2.5))).toBe(false);
    expect(exceedsThreshold(1000, 749, "EUR", amount(2.5))).toBe(true);
    // Yen have no minor unit: 3 is ¥3.
    expect(exceedsThreshold(1000, 1004, "JPY", amount(3))).toBe(true);
    expect(exceedsThreshold(1000, 1003, "JPY", amount(3))).toBe(false);
  });
});
