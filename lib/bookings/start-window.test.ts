import { describe, expect, it } from "vitest";
import { START_LEAD_MS, startWindow } from "./start-window";

const window = { windowStart: "2026-12-01T07:00:00.000Z", windowEnd: "2026-12-01T09:00:00.000Z" };
const at = (iso: string) => Date.parse(iso);

describe("when a booking offers a start", () => {
  it("opens shortly before a confirmed booking's window and closes at its end", () => {
    const confirmed = { ...window, status: "CONFIRMED" as const };
    expect(startWindow(confirmed, at("2026-12-01T06:00:00.000Z"))).toBe("too-early");
    expect(startWindow(confirmed, at(window.windowStart) - START_LEAD_MS)).toBe("open");
    expect(startWindow(confirmed, at("2026-12-01T08:59:00.000Z"))).toBe("open");
    expect(startWindow(confirmed, at(window.windowEnd))).toBe("not-now");
  });

  it("offers nothing for a booking that is not confirmed", () => {
    for (const status of ["PENDING", "ATTENDING", "CANCELLED", "NO_SHOW"] as const)
      expect(startWindow({ ...window, status }, at("2026-12-01T07:30:00.000Z"))).toBe("not-now");
  });
});
