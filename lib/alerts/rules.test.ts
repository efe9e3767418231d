import { describe, expect, it } from "vitest";
import { COST_ALERT_MIN_EXCESS_MINOR, isCostFarAboveEstimate, startFailureReason } from "./rules";

const eur = (amountMinor: number) => ({ amountMinor, currency: "EUR" });

describe("a cost far above its estimate", () => {
  it("is over one and a half times the estimate and at least the minimum excess over it", () => {
    expect(isCostFarAboveEstimate(eur(2001), eur(1000))).toBe(true);
    expect(isCostFarAboveEstimate(eur(1500), eur(1000))).toBe(false);
    // Small sums: three times the estimate, but under the minimum excess.
    expect(isCostFarAboveEstimate(eur(300), eur(100))).toBe(false);
    expect(isCostFarAboveEstimate(eur(100 + COST_ALERT_MIN_EXCESS_MINOR), eur(100))).toBe(true);
  });

  it("is never judged across currencies", () => {
    expect(isCostFarAboveEstimate({ amountMinor: 5000, currency: "CHF" }, eur(1000))).toBe(false);
    expect(isCostFarAboveEstimate({ amountMinor: 5000, currency: "eur" }, eur(1000))).toBe(true);
  });
});

describe("a failed start's reason", () => {
  it("comes down to a known cause where one is recognised, else other", () => {
    expect(startFailureReason("Charger is CHARGING")).toBe("occupied");
    expect(startFailureReason("connector occupied")).toBe("occupied");
    expect(startFailureReason("Charger does not support remote start")).toBe("notRemoteCapable");
    expect(startFailureReason("Charger is OUTOFORDER")).toBe("offline");
    expect(startFailureReason("station offline")).toBe("offline");
    expect(startFailureReason("FAILED")).toBe("other");
  });
});
