import { describe, expect, it } from "vitest";
import { createFormatter } from "./format";

const en = createFormatter({ locale: "en-GB", timeZone: "Europe/London" });
const de = createFormatter({ locale: "de-DE", timeZone: "Europe/Berlin" });
const at = "2026-12-01T06:38:00Z";

describe("one formatter", () => {
  it("formats an instant one way per locale, in the reader's time zone", () => {
    expect(en.dateTime(at)).toBe("1 Dec 2026, 06:38");
    expect(de.dateTime(at)).toBe("01.12.2026, 07:38");
    expect(de.date(at)).toBe("01.12.2026");
    expect(de.time(at)).toBe("07:38");
    expect(en.dateTime(null)).toBe("—");
  });

  it("names a day with its weekday, on the reader's wall clock", () => {
    // 23:30 in London on Monday is already Tuesday in Berlin.
    expect(en.weekday("2026-12-07T23:30:00Z")).toBe("Mon 7 Dec");
    expect(de.weekday("2026-12-07T23:30:00Z")).toBe("Di., 8. Dez.");
  });

  it("keeps calendar days on their day whatever the time zone", () => {
    const tokyo = createFormatter({ locale: "en-GB", timeZone: "Pacific/Honolulu" });
    expect(tokyo.day("2026-12-01")).toBe("1 Dec 2026");
    expect(en.dayRange("2026-12-01", "2026-12-31")).toBe("1 Dec 2026 – 31 Dec 2026");
    expect(en.dayRange("2026-12-01", "2026-12-01")).toBe("1 Dec 2026");
    expect(en.month("2026-03")).toBe("Mar 2026");
    expect(de.month("2026-03")).toBe("März 2026");
  });

  it("shows a booking window in the charger's own time zone, labelled with it", () => {
    expect(en.window("2026-12-01T06:00:00Z", "2026-12-01T07:30:00Z", "Europe/Berlin")).toBe(
      "1 Dec 2026, 07:00 – 08:30 (Europe/Berlin)",
    );
    expect(de.window("2026-12-01T22:00:00Z", "2026-12-02T01:00:00Z", "Europe/Oslo")).toBe(
      "01.12.2026, 23:00 – 02.12.2026, 02:00 (Europe/Oslo)",
    );
  });

  it("formats money by the currency's ISO 4217 exponent, never by dividing by 100", () => {
    expect(de.money(123456, "EUR")).toBe("1.234,56\u00a0€");
    expect(en.money(123456, "EUR")).toBe("€1,234.56");
    expect(en.money(1234, "JPY")).toBe("JP¥1,234");
    expect(en.money(1234, "KWD")).toBe("KWD\u00a01.234");
    expect(en.money(15000, "NOK")).toBe("NOK\u00a0150.00");
    expect(en.money(null, "EUR")).toBe("—");
    expect(en.money(100, null)).toBe("—");
    expect(
      en.totals([
        { amountMinor: 1200, currency: "EUR" },
        { amountMinor: 15000, currency: "NOK" },
      ]),
    ).toBe("€12.00 · NOK\u00a0150.00");
    expect(en.rate(49, "EUR", "kWh")).toBe("€0.49 per kWh");
    expect(de.rate(49, "EUR", "kWh")).toBe("0,49\u00a0€ pro kWh");
    expect(de.rate(100, "EUR", "session")).toBe("1,00\u00a0€ pro Ladevorgang");
  });

  it("formats energy, power, distance, duration, percent and VAT", () => {
    expect(en.energy(1670)).toBe("1.67 kWh");
    expect(de.energy(1670)).toBe("1,67 kWh");
    expect(en.power(11)).toBe("11 kW");
    expect(de.power(7.4)).toBe("7,4 kW");
    expect(en.distance(347)).toBe("350 m");
    expect(en.distance(4240)).toBe("4.2 km");
    expect(en.duration(3900)).toBe("1 h 05 min");
    expect(en.duration(723)).toBe("12 min 03 s");
    expect(en.duration(42)).toBe("42 s");
    expect(en.percent(0.5, { signed: true })).toBe("+50%");
    expect(de.vatRate(1900)).toBe("19\u00a0%");
  });
});
