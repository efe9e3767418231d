import { describe, expect, it } from "vitest";
import { STATUS_LABEL_AFTER_MS, keptStatusesAsOf } from "./status-age";
import type { ProviderOutcome } from "./types";

const now = Date.parse("2026-12-02T09:00:00Z");
const outcome = (provider: ProviderOutcome["provider"], agoMs?: number): ProviderOutcome => ({
  provider,
  status: "ok",
  durationMs: 1,
  locations: 1,
  cached: agoMs !== undefined && agoMs > 0,
  complete: true,
  ...(agoMs === undefined ? {} : { statusAsOf: new Date(now - agoMs).toISOString() }),
});

describe("keptStatusesAsOf", () => {
  it("says nothing while every answer is fresh, or when nothing was answered", () => {
    expect(keptStatusesAsOf([outcome("PLUGSURFING", 0), outcome("PETITMONDE", 60_000)], now)).toBeNull();
    expect(keptStatusesAsOf([outcome("PETITMONDE")], now)).toBeNull();
    expect(keptStatusesAsOf([], now)).toBeNull();
  });

  it("gives the oldest answer's time once one is old enough to say", () => {
    const outcomes = [outcome("PLUGSURFING", 0), outcome("PETITMONDE", 3 * 60 * 60_000), outcome("DEPOTFINITY")];
    expect(keptStatusesAsOf(outcomes, now)).toBe("2026-12-02T06:00:00.000Z");
    expect(keptStatusesAsOf([outcome("PETITMONDE", STATUS_LABEL_AFTER_MS)], now)).toBe("2026-12-02T08:58:00.000Z");
  });
});
