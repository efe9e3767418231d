// The alerts a booking raises where its status changes: an expiry or a no-show (a person closes them), and the
// end of a wait for confirmation, which closes the watchdog's "unconfirmed" alert of that booking.
import "server-only";
import type { BookingStatus } from "@/generated/prisma/client";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import { db } from "@/lib/db";
import { raiseAlert, resolveAlerts } from "./raise-alert";

/** Statuses of a booking its provider has not confirmed yet (see lib/bookings/state-machine.ts). */
export const UNCONFIRMED_BOOKING_STATUSES: readonly BookingStatus[] = ["SUBMITTING", "REQUESTED", "PENDING"];

/** What a booking alert needs of a stored booking. */
export interface AlertBooking {
  id: string;
  fleetId: string;
  assignedDriverId: string | null;
  vehicleId: string | null;
  locationSnapshot: unknown;
  windowStart: Date;
  windowEnd: Date;
  feeMinor: number | null;
  currency: string | null;
}

export const ALERT_BOOKING_SELECT = {
  id: true,
  fleetId: true,
  assignedDriverId: true,
  vehicleId: true,
  locationSnapshot: true,
  windowStart: true,
  windowEnd: true,
  feeMinor: true,
  currency: true,
} as const;

export const unconfirmedCause = (bookingId: string) => `booking:${bookingId}:unconfirmed`;

/** The facts and links of an alert about this booking. */
export function bookingAlertParts(booking: AlertBooking, withFee: boolean) {
  const charger = booking.locationSnapshot as ChargerSnapshot;
  return {
    fleetId: booking.fleetId,
    facts: {
      charger: { name: charger.name, timeZone: charger.timeZone },
      windowStart: booking.windowStart.toISOString(),
      windowEnd: booking.windowEnd.toISOString(),
      fee:
        withFee && booking.feeMinor !== null && booking.feeMinor > 0 && booking.currency
          ? { amountMinor: booking.feeMinor, currency: booking.currency }
          : null,
    },
    bookingId: booking.id,
    driverId: booking.assignedDriverId,
    vehicleId: booking.vehicleId,
  };
}

const RAISED_ON: Partial<Record<BookingStatus, { kind: "booking.expired" | "booking.no_show"; cause: string }>> = {
  EXPIRED: { kind: "booking.expired", cause: "expired" },
  NO_SHOW: { kind: "booking.no_show", cause: "no-show" },
};

/**
 * A booking's status just changed to `to`: raise its expiry or no-show, and close its wait for confirmation.
 * `raise: false` only closes the wait: a booking owed an automatic re-booking has its alert raised only if no
 * replacement could be booked (lib/bookings/auto-rebook.ts).
 */
export async function alertOnBookingStatus(
  bookingId: string,
  to: BookingStatus,
  { raise = true }: { raise?: boolean } = {},
): Promise<void> {
  const raised = raise ? RAISED_ON[to] : undefined;
  const leftWaiting = !UNCONFIRMED_BOOKING_STATUSES.includes(to);
  if (!raised && !leftWaiting) return;
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: ALERT_BOOKING_SELECT });
  if (!booking) return;
  // An expiry is the end of the wait too; its own alert says what became of it.
  if (leftWaiting) await resolveAlerts(booking.fleetId, [unconfirmedCause(booking.id)]);
  if (raised)
    await raiseAlert({
      kind: raised.kind,
      causeKey: `booking:${booking.id}:${raised.cause}`,
      ...bookingAlertParts(booking, true),
    });
}
