import { describe, expect, it } from "vitest";
import { matchingPreset, periodInZone, presetPeriod, previousPeriod, todayInZone } from "./period";

describe("periodInZone", () => {
  it("turns calendar days in a time zone into the instants around them", () => {
    expect(periodInZone("2026-03-01", "2026-03-31", "Europe/Berlin")).toEqual({
      start: new Date("2026-02-28T23:00:00Z"),
      end: new Date("2026-03-31T22:00:00Z"),
    });
  });
});

describe("presets", () => {
  // 1 April 2026, 00:30 in Berlin, still 31 March in UTC and New York.
  const now = new Date("2026-03-31T22:30:00Z");

  it("takes today from the reader's time zone", () => {
    expect(todayInZone("Europe/Berlin", now)).toBe("2026-04-01");
    expect(todayInZone("UTC", now)).toBe("2026-03-31");
    expect(todayInZone("America/New_York", now)).toBe("2026-03-31");
  });

  it("gives this month, last month, this quarter and this year in that zone", () => {
    expect(presetPeriod("thisMonth", "Europe/Berlin", now)).toEqual({ from: "2026-04-01", to: "2026-04-01" });
    expect(presetPeriod("lastMonth", "Europe/Berlin", now)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(presetPeriod("thisQuarter", "Europe/Berlin", now)).toEqual({ from: "2026-04-01", to: "2026-04-01" });
    expect(presetPeriod("thisYear", "Europe/Berlin", now)).toEqual({ from: "2026-01-01", to: "2026-04-01" });
    expect(presetPeriod("thisMonth", "UTC", now)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(presetPeriod("lastMonth", "UTC", now)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetPeriod("thisQuarter", "UTC", now)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
  });

  it("rolls last month over the new year", () => {
    const january = new Date("2026-01-15T12:00:00Z");
    expect(presetPeriod("lastMonth", "UTC", january)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetPeriod("thisQuarter", "UTC", january)).toEqual({ from: "2026-01-01", to: "2026-01-15" });
  });

  it("recognises a preset's days, and only in the zone they were made for", () => {
    expect(matchingPreset({ from: "2026-03-01", to: "2026-03-31" }, "Europe/Berlin", now)).toBe("lastMonth");
    expect(matchingPreset({ from: "2026-03-01", to: "2026-03-31" }, "UTC", now)).toBe("thisMonth");
    expect(matchingPreset({ from: "2026-03-02", to: "2026-03-31" }, "UTC", now)).toBeNull();
  });
});

describe("previousPeriod", () => {
  it("compares whole months with as many whole months before", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-04-01", to: "2026-06-30" })).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("compares any other range with as many days just before", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-15" })).toEqual({ from: "2026-02-14", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-12-01", to: "2026-12-01" })).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    // Across a daylight-saving change the days still count whole.
    expect(previousPeriod({ from: "2026-03-29", to: "2026-04-04" })).toEqual({ from: "2026-03-22", to: "2026-03-28" });
  });
});
