import { describe, expect, it } from "vitest";
import type { SessionRecord } from "@/lib/domain";
import { rowFromRecord } from "./session-row";

const record: SessionRecord = {
  source: "DEPOT_TRANSACTION",
  providerSessionId: "t1",
  status: "COMPLETE",
  balanceStatus: null,
  startTime: new Date("2026-03-01T10:00:00Z"),
  endTime: new Date("2026-03-01T10:30:00Z"),
  durationSeconds: 1800,
  energyWh: 12_000,
  priceExclVatMinor: null,
  priceInclVatMinor: 420,
  vatRateBasisPoints: null,
  currency: "EUR",
  paymentMethod: "DEPOT",
  receiptAvailable: false,
  evseId: "c1",
  connectorId: "1",
  chargerName: "c1",
  site: null,
  operatorName: "Own depot",
  country: null,
  attribution: { driverIdentity: "04A1B2" },
};

describe("rowFromRecord", () => {
  it("stores the record as it is, with the local owners and without the provider's attribution ids", () => {
    const row = rowFromRecord(record, { fleetId: "f1", driverId: "d1" });
    expect(row).toMatchObject({
      source: "DEPOT_TRANSACTION",
      priceInclVatMinor: 420,
      fleetId: "f1",
      driverId: "d1",
      chargingKeyId: null,
      bookingId: null,
    });
    expect(row).not.toHaveProperty("attribution");
  });
});
