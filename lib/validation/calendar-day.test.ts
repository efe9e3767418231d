import { describe, expect, it } from "vitest";
import { calendarDay, isCalendarDay } from "./calendar-day";

describe("calendar day", () => {
  it("accepts real days and refuses impossible ones", () => {
    expect(isCalendarDay("2026-12-01")).toBe(true);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-99-99", "0000-00-00", "9999-99-99", "2026-02-30", "2027-02-29", "2026-1-1", "1999-12-31"])
      expect(isCalendarDay(bad), bad).toBe(false);
  });

  it("says what is wrong in words", () => {
    const result = calendarDay.safeParse("2026-02-30");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/real date/);
  });
});
