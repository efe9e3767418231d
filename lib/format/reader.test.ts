import { describe, expect, it } from "vitest";
import { setTimeZoneInput } from "@/lib/auth/schemas";
import { chooseTimeZone, timeZoneChoices } from "./reader";

describe("chooseTimeZone", () => {
  it("takes the zone the user chose over the browser's, and says the browser is not followed", () => {
    expect(chooseTimeZone("Asia/Tokyo", "Europe/Oslo")).toEqual({ timeZone: "Asia/Tokyo", followsBrowser: false });
  });

  it("follows the browser's reported zone when the user chose none", () => {
    expect(chooseTimeZone(null, "Europe/Oslo")).toEqual({ timeZone: "Europe/Oslo", followsBrowser: true });
    expect(chooseTimeZone(undefined, "America/New_York")).toEqual({
      timeZone: "America/New_York",
      followsBrowser: true,
    });
  });

  it("is UTC until the browser has reported a zone, and never takes a zone the runtime does not know", () => {
    expect(chooseTimeZone(null, undefined)).toEqual({ timeZone: "UTC", followsBrowser: true });
    expect(chooseTimeZone(null, "Mars/Olympus_Mons")).toEqual({ timeZone: "UTC", followsBrowser: true });
    // A stored zone a newer runtime dropped: the browser's again, rather than an error on every page.
    expect(chooseTimeZone("Mars/Olympus_Mons", "Europe/Berlin")).toEqual({
      timeZone: "Europe/Berlin",
      followsBrowser: true,
    });
  });
});

describe("timeZoneChoices", () => {
  const winter = new Date("2026-12-01T12:00:00Z");
  const summer = new Date("2027-07-01T12:00:00Z");

  it("lists UTC first, then every zone the runtime knows, each once", () => {
    const zones = timeZoneChoices(winter).map((choice) => choice.zone);
    expect(zones[0]).toBe("UTC");
    expect(zones).toEqual(expect.arrayContaining(["Europe/Berlin", "Europe/Oslo", "America/New_York", "Asia/Tokyo"]));
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.length).toBeGreaterThan(300);
  });

  it("labels each zone with its offset at that moment, which moves with summer time", () => {
    const label = (at: Date, zone: string) => timeZoneChoices(at).find((choice) => choice.zone === zone)?.label;
    expect(label(winter, "Europe/Berlin")).toBe("Europe/Berlin · GMT+01:00");
    expect(label(summer, "Europe/Berlin")).toBe("Europe/Berlin · GMT+02:00");
    expect(label(winter, "America/New_York")).toBe("America/New York · GMT-05:00");
    expect(label(winter, "Asia/Tokyo")).toBe("Asia/Tokyo · GMT+09:00");
    expect(label(winter, "UTC")).toBe("UTC");
  });
});

describe("setTimeZoneInput", () => {
  it("accepts a known zone and null (the browser's)", () => {
    expect(setTimeZoneInput.parse({ timeZone: "Europe/Berlin" })).toEqual({ timeZone: "Europe/Berlin" });
    expect(setTimeZoneInput.parse({ timeZone: null })).toEqual({ timeZone: null });
  });

  it("refuses anything else in plain words", () => {
    for (const timeZone of ["Mars/Olympus_Mons", "", "x".repeat(500), "Europe/Berlin\u0000"]) {
      const result = setTimeZoneInput.safeParse({ timeZone });
      expect(result.success, timeZone).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Choose a time zone from the list");
    }
  });
});
