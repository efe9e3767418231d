// Applies a status change to a stored booking through the state machine: one event per change,
// illegal or unknown changes logged and refused, concurrent writers detected by the expected status.
import "server-only";
import type { Booking, BookingStatus, Prisma } from "@/generated/prisma/client";
import type { ProviderBooking } from "@/lib/domain";
import { db } from "@/lib/db";
import { decideTransition } from "./state-machine";
import { onBookingStatusChanged } from "./status-effects";

export type TransitionOutcome = "applied" | "unchanged" | "refused" | "stale";

export interface StatusChange {
  to: BookingStatus | (string & {});
  /** "provider", "reconciler", "dashboard"…: where the news came from. */
  source: string;
  note?: string;
  /** Other columns to write together with the status (price, provider id, error…). */
  data?: Prisma.BookingUpdateManyMutationInput;
}

/**
 * Moves `booking` to `change.to` if the state machine allows it. The write is conditional on the status
 * the caller saw, so two writers (the list's refresh and the reconciler) never record the same change twice.
 */
export async function changeStatus(
  booking: Pick<Booking, "id" | "status">,
  change: StatusChange,
): Promise<TransitionOutcome> {
  const decision = decideTransition(booking.status, change.to);
  if (decision.kind === "refuse") {
    console.warn(`[bookings] refused status change of ${booking.id}: ${decision.reason} (source ${change.source})`);
    if (change.data)
      await db.booking.updateMany({
        where: { id: booking.id },
        data: { ...withoutStatus(change.data), lastSyncedAt: new Date() },
      });
    return "refused";
  }
  if (decision.kind === "unchanged") {
    if (change.data) await db.booking.updateMany({ where: { id: booking.id }, data: change.data });
    return "unchanged";
  }
  const to = change.to as BookingStatus;
  const now = new Date();
  const applied = await db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: booking.status },
      data: { ...change.data, status: to, statusUpdatedAt: now },
    });
    if (count === 0) return false;
    await tx.bookingEvent.create({
      data: { bookingId: booking.id, status: to, source: change.source, note: change.note, at: now },
    });
    return true;
  });
  if (!applied) return "stale";
  await onBookingStatusChanged(booking.id, booking.status, to);
  return "applied";
}

function withoutStatus(data: Prisma.BookingUpdateManyMutationInput): Prisma.BookingUpdateManyMutationInput {
  const { status: _status, statusUpdatedAt: _at, ...rest } = data;
  return rest;
}

/** The columns a provider's report of a booking updates, besides its status. */
export function providerBookingData(report: ProviderBooking): Prisma.BookingUpdateManyMutationInput {
  return {
    providerBookingId: report.id,
    lastSyncedAt: new Date(),
    ...(report.price ? { priceMinor: report.price.amountMinor, currency: report.price.currency } : {}),
    ...(report.fee
      ? { feeMinor: report.fee.amountMinor, currency: report.price?.currency ?? report.fee.currency }
      : {}),
  };
}

/** Applies what the provider says about a booking; retries once when another writer got there first. */
export async function applyProviderReport(
  bookingId: string,
  report: ProviderBooking,
  source: string,
  extra: Prisma.BookingUpdateManyMutationInput = {},
): Promise<TransitionOutcome> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { id: true, status: true } });
    if (!booking) return "stale";
    const data = { ...providerBookingData(report), ...extra };
    const outcome = await changeStatus(booking, { to: report.status, source, data });
    if (outcome !== "stale") return outcome;
  }
  return "stale";
}
