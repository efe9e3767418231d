import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/format";
import { translator } from "@/lib/i18n/messages";
import { chargerWords, snapshotPrice } from "./charger-words";

const en = chargerWords(createFormatter({ locale: "en-GB", timeZone: "Europe/Berlin" }), translator("en", "common"));
const de = chargerWords(createFormatter({ locale: "de-DE", timeZone: "Europe/Berlin" }), translator("de", "common"));

describe("a price in words", () => {
  it("reads a tariff as a rate, never as a total", () => {
    const tariff = { currency: "EUR", perKwhMinor: 44, perMinuteMinor: 10, perSessionMinor: 0 };
    expect(en.price({ tariff, fleetSpecific: true }, "aBooking")).toBe("Fleet rate: €0.44 per kWh + €0.10 per min");
    expect(en.price({ tariff: { currency: "NOK", perKwhMinor: 449, perSessionMinor: 100 } }, "aBooking")).toBe(
      "Rate: NOK\u00a04.49 per kWh + NOK\u00a01.00 per session",
    );
  });

  it("reads an estimate as the cost of the booking, with the rate behind it when known", () => {
    const sessionEstimate = { amountMinor: 585, currency: "EUR" };
    expect(en.price({ sessionEstimate, tariff: { currency: "EUR", perKwhMinor: 49 } }, "thisBooking")).toBe(
      "Estimated cost: €5.85 for this booking, at €0.49 per kWh",
    );
    expect(de.price({ sessionEstimate }, "aBooking")).toBe("Geschätzte Kosten: 5,85\u00a0€ für eine Buchung");
    expect(de.price({ tariff: { currency: "EUR", perKwhMinor: 44 }, fleetSpecific: true }, "aBooking")).toBe(
      "Flottentarif: 0,44\u00a0€ pro kWh",
    );
  });

  it("says so when there is no price", () => {
    expect(en.price(undefined, "thisBooking")).toBe("Price not published by the provider");
    expect(en.price(snapshotPrice({}), "thisBooking")).toBe("Price not published by the provider");
  });

  it("reads a booking's snapshot as an estimate and a rate", () => {
    expect(
      snapshotPrice({ estimateMinor: 1875, currency: "EUR", tariff: { currency: "EUR", perKwhMinor: 59 } }),
    ).toEqual({
      sessionEstimate: { amountMinor: 1875, currency: "EUR" },
      tariff: { currency: "EUR", perKwhMinor: 59 },
    });
  });
});

describe("a connector in words", () => {
  it("names the standard, the power in the reader's locale and the current", () => {
    const charger = { connectorStandard: "IEC_62196_T2" as const, powerKw: 7.4, powerType: "AC_3_PHASE" as const };
    expect(en.connector(charger)).toBe("Type 2 · 7.4 kW AC");
    expect(de.connector({ ...charger, connectorStandard: "GBT_DC", powerType: "DC" })).toBe("GB/T (DC) · 7,4 kW DC");
  });

  it("falls back to the stored label, then says power is not published", () => {
    expect(en.connector({ connectorLabel: "IEC 62196 T2 · 22 kW AC" })).toBe("IEC 62196 T2 · 22 kW AC");
    expect(en.connector({})).toBe("Power not published");
  });
});
