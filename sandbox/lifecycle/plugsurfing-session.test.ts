import { describe, expect, it } from "vitest";
import type { PlugsurfingSession } from "../state";
import { FAILED_START_AFTER_MS, sessionSnapshot } from "./plugsurfing-session";
import { sessionPrice } from "./pricing";

const T0 = Date.UTC(2026, 10, 21, 8, 0);
const session = (overrides: Partial<PlugsurfingSession> = {}): PlugsurfingSession => ({
  id: "s1",
  userId: "u1",
  connectorId: "c1",
  chargingKeyId: "k1",
  createdAt: T0,
  startDelayMs: 30_000,
  plugDurationMs: 3 * 3_600_000,
  vehicleKw: 11,
  energyNeedWh: 30_000,
  stopAttempts: 0,
  ...overrides,
});

describe("Plugsurfing remote session", () => {
  it("waits to start, then accrues energy at the lower of charger and vehicle power", () => {
    const s = session();
    expect(sessionSnapshot(s, T0 + 29_999, 22).status).toBe("WAITING_TO_START");
    const half = sessionSnapshot(s, T0 + 30_000 + 3_600_000, 22);
    expect(half).toMatchObject({ status: "STARTED", energyWh: 11_000, startTime: T0 + 30_000 });
  });

  it("completes on stop with the energy charged so far, and stays complete", () => {
    const s = session({ stopRequestedAt: T0 + 30_000 + 1_800_000 });
    const done = sessionSnapshot(s, T0 + 10 * 3_600_000, 22);
    expect(done).toMatchObject({ status: "COMPLETE", energyWh: 5_500, durationMs: 1_800_000, active: false });
  });

  it("stops accruing when the battery is full and ends when the driver unplugs", () => {
    const s = session({ plugDurationMs: 5 * 3_600_000 });
    expect(sessionSnapshot(s, T0 + 4 * 3_600_000, 22)).toMatchObject({ status: "STARTED", energyWh: 30_000 });
    expect(sessionSnapshot(s, T0 + 6 * 3_600_000, 22)).toMatchObject({ status: "COMPLETE", energyWh: 30_000 });
  });

  it("reports a failed start after a short wait", () => {
    const s = session({ failure: "not remote capable" });
    expect(sessionSnapshot(s, T0 + 1000, 22).status).toBe("WAITING_TO_START");
    expect(sessionSnapshot(s, T0 + FAILED_START_AFTER_MS, 22)).toMatchObject({ status: "FAILED", energyWh: 0 });
  });

  it("prices energy, plugged minutes and the session fee incl. VAT", () => {
    const tariff = { currency: "NOK", vat: 25, perKwhMinor: 500, perMinuteMinor: 10, perSessionMinor: 100 };
    expect(sessionPrice(tariff, 10_000, 30 * 60_000)).toEqual({
      currencyCode: "NOK",
      minorInclVat: 5400,
      minorExclVat: 4320,
      vat: "25",
    });
  });
});
