import { describe, expect, it } from "vitest";
import { localWeekdayAndTime, openingStateAt, weeklyHours } from "./opening-hours";

const weekdays = {
  twentyFourSeven: false,
  regularHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, periodBegin: "08:00", periodEnd: "18:00" })),
};

describe("opening hours in the location's time zone", () => {
  it("reads the weekday and time where the location is, not where the server is", () => {
    // Monday 2026-11-23 06:30 UTC is 07:30 in Berlin and 01:30 in New York.
    const instant = new Date("2026-11-23T06:30:00Z");
    expect(localWeekdayAndTime(instant, "Europe/Berlin")).toEqual({ weekday: 1, time: "07:30" });
    expect(localWeekdayAndTime(instant, "America/New_York")).toEqual({ weekday: 1, time: "01:30" });
  });

  it("is open on a weekday afternoon and closed before opening and on Sunday", () => {
    expect(openingStateAt(weekdays, "Europe/Berlin", new Date("2026-11-23T13:00:00Z"))).toBe("open");
    expect(openingStateAt(weekdays, "Europe/Berlin", new Date("2026-11-23T06:30:00Z"))).toBe("closed");
    expect(openingStateAt(weekdays, "Europe/Berlin", new Date("2026-11-22T13:00:00Z"))).toBe("closed");
    // 17:30 UTC is 18:30 in Berlin (closed) but 17:30 in London (open).
    expect(openingStateAt(weekdays, "Europe/Berlin", new Date("2026-11-23T17:30:00Z"))).toBe("closed");
    expect(openingStateAt(weekdays, "Europe/London", new Date("2026-11-23T17:30:00Z"))).toBe("open");
  });

  it("handles overnight periods, 24/7 and missing hours", () => {
    const night = { twentyFourSeven: false, regularHours: [{ weekday: 5, periodBegin: "22:00", periodEnd: "06:00" }] };
    // Saturday 03:00 Berlin belongs to Friday's night period.
    expect(openingStateAt(night, "Europe/Berlin", new Date("2026-11-28T02:00:00Z"))).toBe("open");
    expect(openingStateAt({ twentyFourSeven: true, regularHours: [] }, "Europe/Berlin", new Date())).toBe("open");
    expect(openingStateAt(undefined, "Europe/Berlin", new Date())).toBe("unknown");
  });

  it("lists the week for display", () => {
    expect(weeklyHours(weekdays)[0]).toEqual(["Mon", "08:00–18:00"]);
    expect(weeklyHours(weekdays)[6]).toEqual(["Sun", "Closed"]);
  });
});
