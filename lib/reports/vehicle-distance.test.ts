// A vehicle's distance windows: per month the readings in it and the last before it, first to last.
import { describe, expect, it } from "vitest";
import { distanceWindows, type OdometerReadingAt } from "./vehicle-distance";

const month = (key: string, start: string, end: string) => ({ key, start: new Date(start), end: new Date(end) });
const MONTHS = [
  month("2026-03", "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z"),
  month("2026-04", "2026-03-31T22:00:00Z", "2026-04-30T22:00:00Z"),
  month("2026-05", "2026-04-30T22:00:00Z", "2026-05-31T22:00:00Z"),
];
const reading = (vehicleId: string, at: string, km: number): OdometerReadingAt => ({ vehicleId, at: new Date(at), km });

describe("distance windows", () => {
  it("start at the last reading before the month, else at the month's first, and end at its last", () => {
    const before = reading("a", "2026-02-20T10:00:00Z", 1_000);
    const march = reading("a", "2026-03-10T10:00:00Z", 1_200);
    const marchEnd = reading("a", "2026-03-31T21:59:00Z", 1_400);
    const may = reading("a", "2026-05-02T10:00:00Z", 2_000);
    const only = reading("b", "2026-04-03T10:00:00Z", 500);
    // Given in any order.
    expect(distanceWindows([may, marchEnd, only, before, march], MONTHS)).toEqual([
      { vehicleId: "a", month: "2026-03", readings: 3, from: before, to: marchEnd },
      // April has no reading of its own: no window. May starts at March's last reading.
      { vehicleId: "a", month: "2026-05", readings: 2, from: marchEnd, to: may },
      { vehicleId: "b", month: "2026-04", readings: 1, from: null, to: null },
    ]);
  });

  it("counts a reading at the month's first instant in that month", () => {
    const first = reading("a", "2026-03-31T22:00:00Z", 100);
    const later = reading("a", "2026-04-10T10:00:00Z", 300);
    expect(distanceWindows([first, later], MONTHS)).toEqual([
      { vehicleId: "a", month: "2026-04", readings: 2, from: first, to: later },
    ]);
  });
});
