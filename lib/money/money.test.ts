import { describe, expect, it } from "vitest";
import {
  addMoney,
  addVat,
  CurrencyMismatchError,
  divideRounded,
  formatMoney,
  formatTotals,
  minorToDecimalString,
  minorUnitDigits,
  perKwhMinor,
  splitVat,
  totalsByCurrency,
} from "./money";

describe("addMoney", () => {
  it("adds integer minor units exactly where floats would drift", () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in minor units it is 30.
    expect(addMoney({ amountMinor: 10, currency: "EUR" }, { amountMinor: 20, currency: "eur" })).toEqual({
      amountMinor: 30,
      currency: "EUR",
    });
  });

  it("refuses to add different currencies", () => {
    expect(() => addMoney({ amountMinor: 100, currency: "EUR" }, { amountMinor: 100, currency: "NOK" })).toThrow(
      CurrencyMismatchError,
    );
  });

  it("refuses fractional minor units", () => {
    expect(() => addMoney({ amountMinor: 1.5, currency: "EUR" })).toThrow(RangeError);
  });
});

describe("totalsByCurrency", () => {
  it("keeps one total per currency and never mixes them", () => {
    const totals = totalsByCurrency([
      { amountMinor: 1250, currency: "EUR" },
      { amountMinor: 9900, currency: "NOK" },
      { amountMinor: -250, currency: "EUR" },
    ]);
    expect(totals).toEqual([
      { amountMinor: 1000, currency: "EUR" },
      { amountMinor: 9900, currency: "NOK" },
    ]);
  });

  it("is empty for no amounts", () => {
    expect(totalsByCurrency([])).toEqual([]);
  });
});

describe("VAT", () => {
  it("splits a gross price so that net + VAT equals the gross exactly", () => {
    expect(splitVat(200, 2500)).toEqual({ exclVatMinor: 160, vatMinor: 40, inclVatMinor: 200 });
    expect(splitVat(1190, 1900)).toEqual({ exclVatMinor: 1000, vatMinor: 190, inclVatMinor: 1190 });
    for (let gross = 0; gross < 2000; gross += 7) {
      const split = splitVat(gross, 1900);
      expect(split.exclVatMinor + split.vatMinor).toBe(gross);
    }
  });

  it("rounds the net half away from zero, also for refunds", () => {
    // 1 / 1.19 = 0.840… → 1; 3 / 1.19 = 2.521 → 3; 5 / 1.25 = 4 exactly
    expect(splitVat(1, 1900).exclVatMinor).toBe(1);
    expect(splitVat(3, 1900).exclVatMinor).toBe(3);
    expect(splitVat(-1190, 1900)).toEqual({ exclVatMinor: -1000, vatMinor: -190, inclVatMinor: -1190 });
  });

  it("handles a zero rate", () => {
    expect(splitVat(999, 0)).toEqual({ exclVatMinor: 999, vatMinor: 0, inclVatMinor: 999 });
  });

  it("adds VAT to a net price with the VAT rounded to the cent", () => {
    expect(addVat(1000, 1900)).toEqual({ exclVatMinor: 1000, vatMinor: 190, inclVatMinor: 1190 });
    // 0.19 * 5 = 0.95 → 1 cent
    expect(addVat(5, 1900).vatMinor).toBe(1);
    // 7.7 % Swiss rate: 770 basis points
    expect(addVat(1000, 770).inclVatMinor).toBe(1077);
  });

  it("rejects negative or fractional rates", () => {
    expect(() => splitVat(100, -1)).toThrow(RangeError);
    expect(() => splitVat(100, 19.5)).toThrow(RangeError);
  });
});

describe("rounding", () => {
  it("rounds halves away from zero", () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(0, 7)).toBe(0);
  });

  it("gives the average price per kWh in minor units", () => {
    // 12.34 EUR for 30.5 kWh → 40.459… cents per kWh → 40
    expect(perKwhMinor(1234, 30_500)).toBe(40);
    expect(perKwhMinor(1234, 0)).toBeNull();
  });
});

describe("display", () => {
  it("knows each currency's minor unit", () => {
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
    // ISO 4217, not Intl's display digits: Intl shows HUF without decimals, but its minor unit is the fillér.
    expect(minorUnitDigits("HUF")).toBe(2);
  });

  it("writes exact decimal text from minor units", () => {
    expect(minorToDecimalString(1234, 2)).toBe("12.34");
    expect(minorToDecimalString(5, 2)).toBe("0.05");
    expect(minorToDecimalString(-5, 2)).toBe("-0.05");
    expect(minorToDecimalString(1200, 0)).toBe("1200");
    expect(minorToDecimalString(1, 3)).toBe("0.001");
  });

  it("formats in the reader's locale", () => {
    const nbsp = /\u00a0|\u202f/g;
    expect(formatMoney({ amountMinor: 123456, currency: "EUR" }, "de-DE").replace(nbsp, " ")).toBe("1.234,56 €");
    expect(formatMoney({ amountMinor: 123456, currency: "EUR" }, "en-GB")).toBe("€1,234.56");
    expect(formatMoney({ amountMinor: 1200, currency: "JPY" }, "en-US")).toBe("¥1,200");
    expect(formatMoney({ amountMinor: 635_559, currency: "HUF" }, "en-GB").replace(/\u00a0/g, " ")).toBe(
      "HUF 6,355.59",
    );
    // Large amounts stay exact: 90 071 992 547 409.91 would lose its cents as a float of euros times 100.
    expect(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: "EUR" }, "en-GB")).toBe(
      "€90,071,992,547,409.91",
    );
  });

  it("shows several currencies side by side instead of one wrong sum", () => {
    expect(
      formatTotals(
        [
          { amountMinor: 1200, currency: "EUR" },
          { amountMinor: 15000, currency: "NOK" },
        ],
        "en-GB",
      ).replace(/\u00a0/g, " "),
    ).toBe("€12.00 · NOK 150.00");
    expect(formatTotals([], "en-GB")).toBe("—");
  });
});
