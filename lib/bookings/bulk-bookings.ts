// Many bookings at once, from the bookings list's selection: each one cancelled or assigned by the very code a
// single one goes through (its own provider call, its own audit entry, its own driver notice), and each with
// its own outcome, so one that fails never stops, repeats or loses another.
import "server-only";
import type { AuditActor } from "@/lib/audit";
import { assignBooking } from "./assign-booking";
import { cancelBooking } from "./cancel-booking";
import type { BookingProviders } from "./providers";

/** What happened to one booking of the selection; `error` is what was thrown, for the action to say in words. */
export type BulkOutcome<R> =
  { bookingId: string; ok: true; result: R } | { bookingId: string; ok: false; error: unknown };

/** A few at a time: quick enough for a hundred, gentle on the providers' rate limits. */
const AT_ONCE = 4;

/** Runs `each` once per distinct id, a few at a time; the outcomes keep the ids' order. */
export async function forEachBooking<R>(
  bookingIds: readonly string[],
  each: (bookingId: string) => Promise<R>,
): Promise<BulkOutcome<R>[]> {
  const ids = [...new Set(bookingIds)];
  const outcomes: BulkOutcome<R>[] = new Array(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const index = next++;
      const bookingId = ids[index];
      try {
        outcomes[index] = { bookingId, ok: true, result: await each(bookingId) };
      } catch (error) {
        outcomes[index] = { bookingId, ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
  return outcomes;
}

/** Each booking through cancelBooking; one of another fleet is not found there, and so not touched. */
export function cancelBookings(
  args: { fleetId: string; bookingIds: readonly string[]; acceptFee: boolean; reason: string; actor?: AuditActor },
  providers: BookingProviders,
) {
  const { bookingIds, ...each } = args;
  return forEachBooking(bookingIds, (bookingId) => cancelBooking({ ...each, bookingId }, providers));
}

/** Each booking through assignBooking, which checks the driver and audits and notifies per booking. */
export function assignBookings(args: {
  fleetId: string;
  bookingIds: readonly string[];
  driverId: string | null;
  actor?: AuditActor;
}) {
  const { bookingIds, ...each } = args;
  return forEachBooking(bookingIds, (bookingId) => assignBooking({ ...each, bookingId }));
}
