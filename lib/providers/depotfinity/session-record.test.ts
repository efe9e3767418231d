import { describe, expect, it } from "vitest";
import { toSessionRecord } from "./transform";

describe("DepotFinity transaction → session record", () => {
  it("counts the depot's cost as gross with VAT unknown, attributed by the RFID that authorised it", () => {
    const record = toSessionRecord({
      provider: "DEPOTFINITY",
      transactionId: "t1",
      chargerId: "c1",
      connectorId: "1",
      authorizationValue: "04a1b2",
      startTime: "2026-03-01T10:00:00Z",
      stopTime: "2026-03-01T10:30:00Z",
      energyWh: 12000,
      cost: { amountMinor: 420, currency: "eur" },
    });
    expect(record).toMatchObject({
      source: "DEPOT_TRANSACTION",
      priceInclVatMinor: 420,
      priceExclVatMinor: null,
      vatRateBasisPoints: null,
      currency: "EUR",
      status: "COMPLETE",
      durationSeconds: 1800,
      energyWh: 12000,
      attribution: { driverIdentity: "04a1b2" },
    });
  });

  it("keeps a running transaction as STARTED, without an end", () => {
    const record = toSessionRecord({
      provider: "DEPOTFINITY",
      transactionId: "t2",
      chargerId: "c1",
      connectorId: "1",
      startTime: "2026-03-01T10:00:00Z",
    });
    expect(record).toMatchObject({ status: "STARTED", endTime: null, durationSeconds: null, attribution: {} });
  });
});
