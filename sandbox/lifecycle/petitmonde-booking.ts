// A Petit Monde booking's status at any simulated instant: REQUESTED → PENDING → CONFIRMED → ATTENDING →
// COMPLETED, or EXPIRED / NO_SHOW / CANCELLED — deterministic per booking id, derived on read (no timers).
import type { Operator } from "../network/geography";
import type { PetitMondeBooking, PetitMondeStatus } from "../state";
import { unitHash } from "../random";

export interface BookingSnapshot {
  status: PetitMondeStatus;
  statusUpdatedAt: number;
  /** Final price once COMPLETED; the cancellation fee once CANCELLED from CONFIRMED. */
  clientPriceEur?: number;
  noShowFeeEur?: number;
}

export const NO_SHOW_SHARE = 0.15;
/** A driver who has not arrived this long after the window opened is a no-show. */
export const NO_SHOW_GRACE_MS = 15 * 60_000;

export interface BookingTimeline {
  pendingAt: number;
  /** Absent when the operator never answers. */
  confirmedAt?: number;
  expiredAt?: number;
  noShow: boolean;
  arrivalAt: number;
  completedAt: number;
}

export function bookingTimeline(booking: PetitMondeBooking, operator: Operator): BookingTimeline {
  const h = (salt: string) => unitHash(booking.id, salt);
  const pendingAt = booking.createdAt + 2_000 + Math.floor(h("pending") * 4_000);
  const expires = h("expire") < operator.expireShare;
  const window = booking.reservationEnd - booking.reservationStart;
  const arrivalAt = booking.reservationStart + Math.floor(h("arrival") * Math.min(10 * 60_000, window / 4));
  // Drivers leave once charged: between 40 % of the remaining window and its end.
  const remaining = booking.reservationEnd - arrivalAt;
  const completedAt = arrivalAt + Math.floor(remaining * (0.4 + 0.6 * h("leave")));
  return {
    pendingAt,
    confirmedAt: expires ? undefined : pendingAt + 3_000 + Math.floor(h("confirm") * 12_000),
    expiredAt: expires ? pendingAt + 30_000 + Math.floor(h("expired") * 30_000) : undefined,
    noShow: h("no-show") < NO_SHOW_SHARE,
    arrivalAt,
    completedAt,
  };
}

export function bookingSnapshot(
  booking: PetitMondeBooking,
  operator: Operator,
  now: number,
  finalPriceEur: (chargingMs: number) => number,
): BookingSnapshot {
  if (booking.forced && now >= booking.forced.at) {
    const { status, at, noShowFeeEur } = booking.forced;
    return {
      status,
      statusUpdatedAt: at,
      noShowFeeEur: status === "NO_SHOW" ? (noShowFeeEur ?? operator.noShowFeeEur) : undefined,
      // Forced complete costs the estimate, moved by the priceDrift scenario where the booking was made under it.
      clientPriceEur:
        status === "COMPLETED"
          ? Math.round(booking.estimatedPriceEur * (booking.priceFactor ?? 1) * 100) / 100
          : undefined,
    };
  }
  if (booking.cancelledAt !== undefined && now >= booking.cancelledAt) {
    return { status: "CANCELLED", statusUpdatedAt: booking.cancelledAt, clientPriceEur: booking.cancellationFeeEur };
  }
  const t = bookingTimeline(booking, operator);
  if (now < t.pendingAt) return { status: "REQUESTED", statusUpdatedAt: booking.createdAt };
  if (t.confirmedAt === undefined) {
    return now < t.expiredAt!
      ? { status: "PENDING", statusUpdatedAt: t.pendingAt }
      : { status: "EXPIRED", statusUpdatedAt: t.expiredAt! };
  }
  if (now < t.confirmedAt) return { status: "PENDING", statusUpdatedAt: t.pendingAt };
  if (t.noShow) {
    const noShowAt = booking.reservationStart + NO_SHOW_GRACE_MS;
    return now < noShowAt
      ? { status: "CONFIRMED", statusUpdatedAt: t.confirmedAt }
      : { status: "NO_SHOW", statusUpdatedAt: noShowAt, noShowFeeEur: operator.noShowFeeEur };
  }
  if (now < t.arrivalAt) return { status: "CONFIRMED", statusUpdatedAt: t.confirmedAt };
  if (now < t.completedAt) return { status: "ATTENDING", statusUpdatedAt: t.arrivalAt };
  return {
    status: "COMPLETED",
    statusUpdatedAt: t.completedAt,
    clientPriceEur: finalPriceEur(t.completedAt - t.arrivalAt),
  };
}

export const ACTIVE_BOOKING_STATUSES: readonly PetitMondeStatus[] = ["REQUESTED", "PENDING", "CONFIRMED", "ATTENDING"];
