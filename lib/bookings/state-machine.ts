// Which booking status may follow which: the one place that decides whether a provider's report is applied.
import type { BookingStatus } from "@/lib/domain";
import { FINAL_BOOKING_STATUSES } from "@/lib/domain";
import { text, type ErrorText } from "@/lib/errors";

/**
 * Allowed next statuses. Polling can miss intermediate steps (REQUESTED → CONFIRMED without seeing
 * PENDING), so every status may jump forward along the lifecycle, never back.
 * SUBMITTING is local: the provider's first answer may already be any of its statuses (a booking adopted
 * by the reconciler after a crash), and FAILED means the provider refused it outright.
 */
export const BOOKING_TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  SUBMITTING: [
    "REQUESTED",
    "PENDING",
    "CONFIRMED",
    "ATTENDING",
    "COMPLETED",
    "EXPIRED",
    "NO_SHOW",
    "CANCELLED",
    "FAILED",
    "OUTCOME_UNKNOWN",
  ],
  REQUESTED: ["PENDING", "CONFIRMED", "ATTENDING", "COMPLETED", "EXPIRED", "NO_SHOW", "CANCELLED"],
  PENDING: ["CONFIRMED", "ATTENDING", "COMPLETED", "EXPIRED", "NO_SHOW", "CANCELLED"],
  // An operator never answering (EXPIRED) is over once it confirmed; it can still cancel by itself.
  CONFIRMED: ["ATTENDING", "COMPLETED", "NO_SHOW", "CANCELLED"],
  ATTENDING: ["COMPLETED"],
  COMPLETED: [],
  EXPIRED: [],
  NO_SHOW: [],
  CANCELLED: [],
  FAILED: [],
  // Waits for evidence or a person: found at the provider (any of its statuses), kept, removed, or over.
  OUTCOME_UNKNOWN: [
    "REQUESTED",
    "PENDING",
    "CONFIRMED",
    "ATTENDING",
    "COMPLETED",
    "EXPIRED",
    "NO_SHOW",
    "CANCELLED",
    "FAILED",
  ],
};

export type TransitionDecision = { kind: "unchanged" } | { kind: "apply" } | { kind: "refuse"; reason: string };

export function decideTransition(from: BookingStatus, to: string): TransitionDecision {
  if (from === to) return { kind: "unchanged" };
  if (!(to in BOOKING_TRANSITIONS)) return { kind: "refuse", reason: `unknown status "${to}"` };
  if (BOOKING_TRANSITIONS[from].includes(to as BookingStatus)) return { kind: "apply" };
  return { kind: "refuse", reason: `${from} → ${to} is not an allowed transition` };
}

export function isFinal(status: BookingStatus): boolean {
  return FINAL_BOOKING_STATUSES.includes(status);
}

/** Statuses a dispatcher should look at: the driver did not come, or the operator never answered. */
export const NEEDS_ATTENTION_STATUSES: readonly BookingStatus[] = ["NO_SHOW", "EXPIRED", "FAILED", "OUTCOME_UNKNOWN"];

export type CancelPolicy =
  { kind: "free" } | { kind: "may-cost"; warning: ErrorText } | { kind: "refused"; reason: ErrorText };

/** Petit Monde: free while REQUESTED/PENDING, may cost a fee once CONFIRMED, impossible afterwards. */
export function cancelPolicy(status: BookingStatus): CancelPolicy {
  switch (status) {
    case "SUBMITTING":
      return { kind: "refused", reason: text("bookings.cancel.notAnswered") };
    case "OUTCOME_UNKNOWN":
      return { kind: "refused", reason: text("bookings.cancel.neverConfirmed") };
    case "REQUESTED":
    case "PENDING":
      return { kind: "free" };
    case "CONFIRMED":
      return { kind: "may-cost", warning: text("bookings.cancel.mayCost") };
    case "ATTENDING":
      return { kind: "refused", reason: text("bookings.cancel.atCharger") };
    case "COMPLETED":
    case "EXPIRED":
    case "NO_SHOW":
    case "CANCELLED":
    case "FAILED":
      return { kind: "refused", reason: text("bookings.cancel.over") };
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** How often a screen showing a booking in this status asks for news: fast while the operator decides. */
export function pollIntervalMs(status: BookingStatus): number | false {
  if (status === "SUBMITTING" || status === "REQUESTED" || status === "PENDING") return 2_000;
  if (status === "CONFIRMED" || status === "ATTENDING") return 15_000;
  return false;
}
