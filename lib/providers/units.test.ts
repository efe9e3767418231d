import { describe, expect, it } from "vitest";
import {
  decimalToMinor,
  haversineMetres,
  operatorFromEvseId,
  isoDurationToSeconds,
  parseCoordinate,
  percentToBasisPoints,
  timeZoneFor,
  wattsToKw,
} from "./units";

describe("decimalToMinor", () => {
  it("converts decimal euros to cents without float drift", () => {
    expect(decimalToMinor(18.75)).toBe(1875);
    expect(decimalToMinor("18.75")).toBe(1875);
    expect(decimalToMinor(0.1 + 0.2)).toBe(30);
    expect(decimalToMinor(1.005)).toBe(101); // 1.005 * 100 = 100.49999999999999 in floats
    expect(decimalToMinor(4.35)).toBe(435); // 4.35 * 100 = 434.99999999999994
    expect(decimalToMinor("0.07")).toBe(7);
    expect(decimalToMinor(0)).toBe(0);
    expect(decimalToMinor("12")).toBe(1200);
    expect(decimalToMinor(".5")).toBe(50);
  });

  it("rounds half away from zero on the first dropped digit", () => {
    expect(decimalToMinor("0.125")).toBe(13);
    expect(decimalToMinor("0.1249")).toBe(12);
    expect(decimalToMinor("-0.125")).toBe(-13);
    expect(decimalToMinor("-18.75")).toBe(-1875);
  });

  it("reads exponents and other precisions", () => {
    expect(decimalToMinor("1e-2")).toBe(1);
    expect(decimalToMinor(1e21 / 1e19)).toBe(10000);
    expect(decimalToMinor("1.2345", 3)).toBe(1235);
    expect(decimalToMinor("7", 0)).toBe(7);
  });

  it("refuses what is not a number", () => {
    expect(() => decimalToMinor("abc")).toThrow(RangeError);
    expect(() => decimalToMinor("")).toThrow(RangeError);
    expect(() => decimalToMinor("1,50")).toThrow(RangeError);
    expect(() => decimalToMinor(Number.NaN)).toThrow(RangeError);
    expect(() => decimalToMinor(1e300)).toThrow(RangeError);
  });
});

describe("VAT", () => {
  it("turns percent text into basis points", () => {
    expect(percentToBasisPoints("25")).toBe(2500);
    expect(percentToBasisPoints("19")).toBe(1900);
    expect(percentToBasisPoints(7.7)).toBe(770);
  });
});

describe("isoDurationToSeconds", () => {
  it("reads the documented examples", () => {
    expect(isoDurationToSeconds("PT21.379S")).toBe(21.379);
    expect(isoDurationToSeconds("PT15M")).toBe(900);
    expect(isoDurationToSeconds("PT30.234S")).toBe(30.234);
  });
  it("reads hours, days and weeks", () => {
    expect(isoDurationToSeconds("PT1H2M3S")).toBe(3723);
    expect(isoDurationToSeconds("P1DT1H")).toBe(90_000);
    expect(isoDurationToSeconds("P1W")).toBe(604_800);
    expect(isoDurationToSeconds("PT0S")).toBe(0);
  });
  it("refuses malformed or calendar-dependent durations", () => {
    expect(() => isoDurationToSeconds("P")).toThrow(RangeError);
    expect(() => isoDurationToSeconds("PT")).toThrow(RangeError);
    expect(() => isoDurationToSeconds("P1M")).toThrow(RangeError);
    expect(() => isoDurationToSeconds("P1Y")).toThrow(RangeError);
    expect(() => isoDurationToSeconds("21 seconds")).toThrow(RangeError);
  });
});

describe("power, coordinates, time zones", () => {
  it("converts W to kW", () => {
    expect(wattsToKw(50_000)).toBe(50);
    expect(wattsToKw(3_680)).toBe(3.68);
    expect(wattsToKw(22_080)).toBe(22.08);
    expect(wattsToKw(0)).toBe(0);
  });
  it("parses string coordinates and refuses junk and out-of-range values", () => {
    expect(parseCoordinate("52.331142", "latitude")).toBe(52.331142);
    expect(parseCoordinate("-13.5", "longitude")).toBe(-13.5);
    expect(parseCoordinate(48.1, "latitude")).toBe(48.1);
    expect(parseCoordinate("string", "latitude")).toBeNull();
    expect(parseCoordinate("", "latitude")).toBeNull();
    expect(parseCoordinate("91", "latitude")).toBeNull();
    expect(parseCoordinate("181", "longitude")).toBeNull();
  });
  it("measures distance on the globe", () => {
    const munich = { latitude: 48.1351, longitude: 11.582 };
    const augsburg = { latitude: 48.3705, longitude: 10.8978 };
    expect(haversineMetres(munich, augsburg)).toBeGreaterThan(55_000);
    expect(haversineMetres(munich, augsburg)).toBeLessThan(60_000);
    expect(haversineMetres(munich, munich)).toBe(0);
  });
  it("keeps a given zone and falls back by country", () => {
    expect(timeZoneFor("Europe/Oslo", "DE")).toBe("Europe/Oslo");
    expect(timeZoneFor(undefined, "NO")).toBe("Europe/Oslo");
    expect(timeZoneFor(null, "DEU")).toBe("Europe/Berlin");
    expect(timeZoneFor(undefined, "str")).toBe("UTC");
  });
});

describe("operatorFromEvseId", () => {
  it("reads country and operator from eMI3 ids with or without separators", () => {
    expect(operatorFromEvseId("DE*8PS*E123*1")).toEqual({ country: "DE", operator: "DE*8PS" });
    expect(operatorFromEvseId("NO*XXX*EZzZ220218114136937169*1")).toEqual({ country: "NO", operator: "NO*XXX" });
    expect(operatorFromEvseId("de8psE123")).toEqual({ country: "DE", operator: "DE*8PS" });
  });

  it("gives nothing for ids it cannot read", () => {
    expect(operatorFromEvseId(undefined)).toEqual({ country: null, operator: null });
    expect(operatorFromEvseId("charger-17")).toEqual({ country: null, operator: null });
  });
});
