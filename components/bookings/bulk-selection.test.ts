import { describe, expect, it } from "vitest";
import type { BookingView } from "@/lib/bookings/records";
import { distinctReasons, feeTotals, notAssignable, splitForAssign, splitForCancel } from "./bulk-selection";

type B = Pick<BookingView, "id" | "status" | "tokenStrategy" | "cancel">;
const booking = (
  id: string,
  status: B["status"],
  cancel: B["cancel"],
  tokenStrategy: B["tokenStrategy"] = "GROUP_TOKEN",
): B => ({
  id,
  status,
  tokenStrategy,
  cancel,
});

const over = { kind: "refused", reason: "This booking is already over." } as const;
const atCharger = { kind: "refused", reason: "The vehicle is already at the charger." } as const;

describe("splitting a selection for a bulk action", () => {
  it("cancels the free and the may-cost ones, and counts the others by their refusal", () => {
    const parts = splitForCancel([
      booking("a", "PENDING", { kind: "free" }),
      booking("b", "CONFIRMED", { kind: "may-cost", warning: "may cost" }),
      booking("c", "CANCELLED", over),
      booking("d", "ATTENDING", atCharger),
      booking("e", "COMPLETED", over),
    ]);
    expect(parts.applies.map((b) => b.id)).toEqual(["a", "b"]);
    expect(parts.mayCost.map((b) => b.id)).toEqual(["b"]);
    expect(parts.skipped).toEqual([
      { reason: over.reason, count: 2 },
      { reason: atCharger.reason, count: 1 },
    ]);
  });

  it("assigns only fleet-paid bookings that are not over", () => {
    const parts = splitForAssign([
      booking("a", "CONFIRMED", { kind: "free" }),
      booking("b", "CONFIRMED", { kind: "free" }, "AD_HOC"),
      booking("c", "CONFIRMED", { kind: "free" }, "DRIVER_TOKEN"),
      booking("d", "CANCELLED", over),
      booking("e", "PENDING", { kind: "free" }, "RFID"),
    ]);
    expect(parts.applies.map((b) => b.id)).toEqual(["a", "b"]);
    expect(parts.skipped).toEqual([
      { reason: "driver-token", count: 2 },
      { reason: "over", count: 1 },
    ]);
    expect(notAssignable({ status: "COMPLETED", tokenStrategy: "DRIVER_TOKEN" })).toBe("driver-token");
  });
});

describe("what a bulk cancel reports", () => {
  it("sums the reported fees per currency and leaves out what cannot be added", () => {
    expect(
      feeTotals([
        { feeMinor: 250, currency: "EUR" },
        { feeMinor: 500, currency: "EUR" },
        { feeMinor: 300, currency: "CHF" },
        { feeMinor: null, currency: "EUR" },
        { feeMinor: 0, currency: "EUR" },
        { feeMinor: 100, currency: null },
      ]),
    ).toEqual([
      { currency: "EUR", amountMinor: 750 },
      { currency: "CHF", amountMinor: 300 },
    ]);
  });

  it("says each reason once", () => {
    expect(distinctReasons([{ message: "Over." }, { message: "Taken." }, { message: "Over." }])).toEqual([
      "Over.",
      "Taken.",
    ]);
  });
});
