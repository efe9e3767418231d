import { describe, expect, it } from "vitest";
import { toSessionRecord, VAT_BASIS_POINTS } from "./transform";

describe("Petit Monde booking → session record", () => {
  it("splits the client price (incl. German VAT) into net and VAT exactly", () => {
    const record = toSessionRecord({
      provider: "PETITMONDE",
      id: "b-1",
      externalId: "ext-1",
      status: "COMPLETED",
      price: { amountMinor: 1875, currency: "eur" },
      windowStart: "2026-03-01T10:00:00Z",
      windowEnd: "2026-03-01T11:30:00Z",
      city: "Berlin",
    });
    expect(VAT_BASIS_POINTS).toBe(1900);
    expect(record).toMatchObject({
      source: "PETITMONDE_BOOKING",
      providerSessionId: "b-1",
      priceInclVatMinor: 1875,
      priceExclVatMinor: 1576,
      vatRateBasisPoints: 1900,
      currency: "EUR",
      status: "COMPLETE",
      durationSeconds: 5400,
      country: "DE",
      site: "Berlin",
      attribution: { booking: { providerBookingId: "b-1", externalId: "ext-1" } },
    });
  });

  it("charges a no-show its fee, and a no-show without a fee is no charge", () => {
    const noShow = toSessionRecord({
      provider: "PETITMONDE",
      id: "b-2",
      status: "NO_SHOW",
      fee: { amountMinor: 500, currency: "EUR" },
      windowStart: "2026-03-03T09:00:00Z",
    });
    expect(noShow).toMatchObject({ status: "NO_SHOW", priceInclVatMinor: 500, priceExclVatMinor: 420, endTime: null });
    expect(toSessionRecord({ provider: "PETITMONDE", id: "b-3", status: "NO_SHOW" })).toBeNull();
  });

  it("keeps a completed booking whose price has not arrived yet, without a price", () => {
    const record = toSessionRecord({ provider: "PETITMONDE", id: "b-4", status: "COMPLETED" });
    expect(record).toMatchObject({ priceInclVatMinor: null, vatRateBasisPoints: null, currency: null });
  });
});
