// Which of the selected bookings a bulk action applies to, and why it skips the others: the same rules the
// server follows (lib/bookings/cancel-booking.ts, assign-booking.ts), so the dialogs say what will happen.
import type { BookingView } from "@/lib/bookings/records";
import { isFinal } from "@/lib/bookings/state-machine";

type Selected = Pick<BookingView, "id" | "status" | "tokenStrategy" | "cancel">;

/** Why a booking cannot be handed to a driver, or null where it can. */
export function notAssignable(booking: Pick<BookingView, "status" | "tokenStrategy">): "driver-token" | "over" | null {
  // Only fleet-paid bookings change hands; a driver's own token is bound to that driver.
  if (booking.tokenStrategy !== "GROUP_TOKEN" && booking.tokenStrategy !== "AD_HOC") return "driver-token";
  return isFinal(booking.status) ? "over" : null;
}

export interface Split<B, Reason> {
  applies: B[];
  /** Each reason with how many of the selection it skips, in the order first met. */
  skipped: Array<{ reason: Reason; count: number }>;
}

function split<B, Reason>(bookings: readonly B[], reasonOf: (b: B) => Reason | null): Split<B, Reason> {
  const applies: B[] = [];
  const counts = new Map<Reason, number>();
  for (const b of bookings) {
    const reason = reasonOf(b);
    if (reason === null) applies.push(b);
    else counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return { applies, skipped: [...counts].map(([reason, count]) => ({ reason, count })) };
}

/** The cancellable ones (with those that may cost a fee), and the refusals' own words for the others. */
export function splitForCancel<B extends Selected>(bookings: readonly B[]): Split<B, string> & { mayCost: B[] } {
  const parts = split(bookings, (b) => (b.cancel.kind === "refused" ? b.cancel.reason : null));
  return { ...parts, mayCost: parts.applies.filter((b) => b.cancel.kind === "may-cost") };
}

export function splitForAssign<B extends Selected>(bookings: readonly B[]): Split<B, "driver-token" | "over"> {
  return split(bookings, notAssignable);
}

/** Fees the provider reported, summed per currency (a fee without a currency is left out: it cannot be added). */
export function feeTotals(fees: ReadonlyArray<{ feeMinor: number | null; currency: string | null }>) {
  const totals = new Map<string, number>();
  for (const { feeMinor, currency } of fees) {
    if (feeMinor && currency) totals.set(currency, (totals.get(currency) ?? 0) + feeMinor);
  }
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/** The distinct reasons of the failed ones, in the order first met. */
export function distinctReasons(failures: ReadonlyArray<{ message: string }>): string[] {
  return [...new Set(failures.map((f) => f.message))];
}
