import { describe, expect, it } from "vitest";
import { BOOKING_STATUSES, type BookingStatus } from "@/lib/domain";
import { BOOKING_TRANSITIONS, cancelPolicy, decideTransition, isFinal, pollIntervalMs } from "./state-machine";

const ALLOWED: Array<[BookingStatus, BookingStatus]> = BOOKING_STATUSES.flatMap((from) =>
  BOOKING_TRANSITIONS[from].map((to) => [from, to] as [BookingStatus, BookingStatus]),
);
const REFUSED: Array<[BookingStatus, BookingStatus]> = BOOKING_STATUSES.flatMap((from) =>
  BOOKING_STATUSES.filter((to) => to !== from && !BOOKING_TRANSITIONS[from].includes(to)).map(
    (to) => [from, to] as [BookingStatus, BookingStatus],
  ),
);

describe("booking state machine", () => {
  it("covers every pair of statuses exactly once", () => {
    expect(ALLOWED.length + REFUSED.length).toBe(BOOKING_STATUSES.length * (BOOKING_STATUSES.length - 1));
  });

  it.each(ALLOWED)("applies %s → %s", (from, to) => {
    expect(decideTransition(from, to)).toEqual({ kind: "apply" });
  });

  it.each(REFUSED)("refuses %s → %s", (from, to) => {
    const decision = decideTransition(from, to);
    expect(decision.kind).toBe("refuse");
  });

  it("treats a repeated status as no change", () => {
    for (const status of BOOKING_STATUSES) expect(decideTransition(status, status)).toEqual({ kind: "unchanged" });
  });

  it("refuses statuses it does not know", () => {
    expect(decideTransition("REQUESTED", "ON_HOLD")).toEqual({ kind: "refuse", reason: 'unknown status "ON_HOLD"' });
  });

  it("never leaves a final status and never goes back to SUBMITTING", () => {
    for (const status of BOOKING_STATUSES.filter(isFinal)) expect(BOOKING_TRANSITIONS[status]).toEqual([]);
    for (const status of BOOKING_STATUSES) expect(BOOKING_TRANSITIONS[status]).not.toContain("SUBMITTING");
  });

  it("follows the documented lifecycle, including skipped steps seen by polling", () => {
    expect(decideTransition("REQUESTED", "CONFIRMED").kind).toBe("apply");
    expect(decideTransition("CONFIRMED", "PENDING").kind).toBe("refuse");
    expect(decideTransition("ATTENDING", "CANCELLED").kind).toBe("refuse");
    expect(decideTransition("SUBMITTING", "FAILED").kind).toBe("apply");
    expect(decideTransition("REQUESTED", "FAILED").kind).toBe("refuse");
  });
});

describe("cancel policy", () => {
  it("is free while the operator decides, warns once confirmed, refuses afterwards", () => {
    expect(cancelPolicy("REQUESTED")).toEqual({ kind: "free" });
    expect(cancelPolicy("PENDING")).toEqual({ kind: "free" });
    expect(cancelPolicy("CONFIRMED").kind).toBe("may-cost");
    for (const status of [
      "ATTENDING",
      "COMPLETED",
      "EXPIRED",
      "NO_SHOW",
      "CANCELLED",
      "FAILED",
      "SUBMITTING",
    ] as const) {
      expect(cancelPolicy(status).kind).toBe("refused");
    }
  });
});

describe("poll interval", () => {
  it("is fast while waiting for the operator, slow once confirmed, off when final", () => {
    expect(pollIntervalMs("REQUESTED")).toBe(2_000);
    expect(pollIntervalMs("SUBMITTING")).toBe(2_000);
    expect(pollIntervalMs("CONFIRMED")).toBe(15_000);
    expect(pollIntervalMs("COMPLETED")).toBe(false);
    expect(pollIntervalMs("NO_SHOW")).toBe(false);
  });
});
