import { describe, expect, it } from "vitest";
import { isoToWallTime, wallTimeToIso } from "./wall-time";

describe("wall time at the charger", () => {
  it("reads a Berlin wall time as the right instant, summer and winter", () => {
    expect(wallTimeToIso("2026-11-24T07:00", "Europe/Berlin")).toBe("2026-11-24T06:00:00.000Z");
    expect(wallTimeToIso("2026-07-01T07:00", "Europe/Berlin")).toBe("2026-07-01T05:00:00.000Z");
  });

  it("round-trips", () => {
    expect(isoToWallTime("2026-11-24T06:00:00.000Z", "Europe/Berlin")).toBe("2026-11-24T07:00");
    expect(isoToWallTime(wallTimeToIso("2026-03-29T12:30", "Europe/Lisbon")!, "Europe/Lisbon")).toBe(
      "2026-03-29T12:30",
    );
  });

  it("rejects what is not a date and time", () => {
    expect(wallTimeToIso("tomorrow", "Europe/Berlin")).toBeUndefined();
  });
});
