import { describe, expect, it } from "vitest";
import { describeBreach } from "./describe";
import type { Breach } from "./evaluate";

const cap: Breach = {
  rule: "monthlyCap",
  owner: { scope: "driver", name: "Ana Lima" },
  figure: { amountMinor: 123456, currency: "EUR" },
  limit: { amountMinor: 100000, currency: "EUR" },
};

describe("describeBreach", () => {
  it("says a cap's amounts in English formats when no reader is given", () => {
    const words = describeBreach(cap, "Europe/Berlin");
    expect(words.figure).toBe("€1,234.56");
    expect(words.limit).toBe("€1,000.00");
    expect(words.policy).toContain("Ana Lima");
  });

  it("says them in the reader's language and formats", () => {
    const words = describeBreach(cap, "Europe/Berlin", { language: "de", locale: "de-DE" });
    expect(words.figure.replace(/\s/g, " ")).toBe("1.234,56 €");
    expect(words.limit.replace(/\s/g, " ")).toBe("1.000,00 €");
    expect(words.policy).not.toBe(describeBreach(cap, "Europe/Berlin").policy);
  });

  it("names allowed days in the reader's language and the time in the fleet's zone", () => {
    const times: Breach = {
      rule: "allowedTimes",
      owner: { scope: "fleet", name: "Nord" },
      figure: new Date("2026-12-05T21:30:00Z"),
      limit: { days: [1, 2], hours: [6 * 60, 20 * 60] },
    };
    const en = describeBreach(times, "Europe/Berlin");
    const de = describeBreach(times, "Europe/Berlin", { language: "de", locale: "de-DE" });
    expect(en.limit).toMatch(/06:00–20:00$/);
    expect(de.limit).toMatch(/06:00–20:00$/);
    expect(de.limit).not.toBe(en.limit);
    expect(de.figure).toContain("22:30");
  });
});
