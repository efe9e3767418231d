import { describe, expect, it } from "vitest";
import {
  operatorFromEvseId,
  rowFromDepotTransaction,
  rowFromPetitMondeBooking,
  rowFromPlugsurfingSession,
} from "./session-row";

describe("operatorFromEvseId", () => {
  it("reads country and operator from eMI3 ids with or without separators", () => {
    expect(operatorFromEvseId("DE*8PS*E123*1")).toEqual({ country: "DE", operator: "DE*8PS" });
    expect(operatorFromEvseId("NO*XXX*EZzZ220218114136937169*1")).toEqual({ country: "NO", operator: "NO*XXX" });
    expect(operatorFromEvseId("de8psE123")).toEqual({ country: "DE", operator: "DE*8PS" });
  });

  it("gives nothing for ids it cannot read", () => {
    expect(operatorFromEvseId(undefined)).toEqual({ country: null, operator: null });
    expect(operatorFromEvseId("charger-17")).toEqual({ country: null, operator: null });
  });
});

describe("rowFromPlugsurfingSession", () => {
  it("keeps the provider's minor units and VAT, and derives the end from the duration", () => {
    const row = rowFromPlugsurfingSession(
      {
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
      },
      { fleetId: "f1", driverId: "d1" },
    );
    expect(row).toMatchObject({
      source: "PLUGSURFING_SESSION",
      providerSessionId: "LWO89J3mDJr",
      priceExclVatMinor: 160,
      priceInclVatMinor: 200,
      vatRateBasisPoints: 2500,
      currency: "NOK",
      durationSeconds: 30,
      country: "NO",
    });
    expect(row.endTime?.toISOString()).toBe("2022-06-07T06:50:30.045Z");
  });

  it("leaves price and end empty for a session that has not finished", () => {
    const row = rowFromPlugsurfingSession(
      {
        provider: "PLUGSURFING",
        sessionId: "s",
        status: "WAITING_TO_START",
        startTime: "2026-01-01T00:00:00Z",
        receiptAvailable: false,
      },
      { fleetId: null, driverId: null },
    );
    expect(row).toMatchObject({ priceInclVatMinor: null, currency: null, endTime: null, energyWh: null });
  });
});

describe("rowFromPetitMondeBooking", () => {
  it("splits the client price (incl. German VAT) into net and VAT exactly", () => {
    const row = rowFromPetitMondeBooking(
      {
        provider: "PETITMONDE",
        id: "b-1",
        status: "COMPLETED",
        price: { amountMinor: 1875, currency: "EUR" },
        windowStart: "2026-03-01T10:00:00Z",
        windowEnd: "2026-03-01T11:30:00Z",
      },
      { fleetId: "f1", driverId: null, bookingId: "local-1" },
    );
    expect(row).toMatchObject({
      priceInclVatMinor: 1875,
      priceExclVatMinor: 1576,
      vatRateBasisPoints: 1900,
      status: "COMPLETE",
      durationSeconds: 5400,
      bookingId: "local-1",
    });
  });
});

describe("rowFromDepotTransaction", () => {
  it("counts the depot's cost as gross with VAT unknown", () => {
    const row = rowFromDepotTransaction(
      {
        provider: "DEPOTFINITY",
        transactionId: "t1",
        chargerId: "c1",
        connectorId: "1",
        startTime: "2026-03-01T10:00:00Z",
        stopTime: "2026-03-01T10:30:00Z",
        energyWh: 12000,
        cost: { amountMinor: 420, currency: "eur" },
      },
      { fleetId: "f1", driverId: "d1" },
    );
    expect(row).toMatchObject({
      priceInclVatMinor: 420,
      priceExclVatMinor: null,
      vatRateBasisPoints: null,
      currency: "EUR",
      status: "COMPLETE",
      durationSeconds: 1800,
    });
  });
});
