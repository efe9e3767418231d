import { describe, expect, it } from "vitest";
import { toSessionRecord } from "./transform";

describe("Plugsurfing session → session record", () => {
  it("keeps the provider's minor units and VAT, and derives the end from the duration", () => {
    const record = toSessionRecord({
      provider: "PLUGSURFING",
      sessionId: "LWO89J3mDJr",
      status: "COMPLETE",
      balanceStatus: "PAID",
      startTime: "2022-06-07T06:49:59.811Z",
      durationSeconds: 30.234,
      energyWh: 61,
      price: { currency: "nok", exclVatMinor: 160, inclVatMinor: 200, vatRateBasisPoints: 2500 },
      receiptAvailable: true,
      evseId: "NO*XXX*EZzZ220218114136937169*1",
      chargingKeyId: "27b89043",
    });
    expect(record).toMatchObject({
      source: "PLUGSURFING_SESSION",
      providerSessionId: "LWO89J3mDJr",
      priceExclVatMinor: 160,
      priceInclVatMinor: 200,
      vatRateBasisPoints: 2500,
      currency: "NOK",
      durationSeconds: 30,
      energyWh: 61,
      country: "NO",
      operatorName: "NO*XXX",
      attribution: { keyId: "27b89043" },
    });
    expect(record.endTime?.toISOString()).toBe("2022-06-07T06:50:30.045Z");
  });

  it("leaves price and end empty for a session that has not finished", () => {
    const record = toSessionRecord({
      provider: "PLUGSURFING",
      sessionId: "s",
      status: "WAITING_TO_START",
      startTime: "2026-01-01T00:00:00Z",
      receiptAvailable: false,
    });
    expect(record).toMatchObject({
      priceInclVatMinor: null,
      currency: null,
      endTime: null,
      energyWh: null,
      attribution: {},
    });
  });
});
