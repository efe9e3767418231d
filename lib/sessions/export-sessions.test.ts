// PostgreSQL's text of a timestamp as the ISO text the session rows carry.
import { describe, expect, it } from "vitest";
import { timestampIso } from "./export-sessions";

describe("timestampIso", () => {
  it("writes what Date.toISOString writes, with three places of milliseconds", () => {
    expect(timestampIso("2026-03-01 08:15:00")).toBe("2026-03-01T08:15:00.000Z");
    expect(timestampIso("2026-03-01 08:15:00.5")).toBe(new Date("2026-03-01T08:15:00.500Z").toISOString());
    expect(timestampIso("2026-12-31 23:59:59.25")).toBe("2026-12-31T23:59:59.250Z");
    expect(timestampIso("2026-12-31 23:59:59.999")).toBe("2026-12-31T23:59:59.999Z");
    expect(timestampIso(null)).toBeNull();
  });

  it("refuses text it does not know rather than write a wrong time", () => {
    expect(() => timestampIso("03/01/2026 08:15:00")).toThrow();
    expect(() => timestampIso("2026-03-01 08:15:00+01")).toThrow();
  });
});
