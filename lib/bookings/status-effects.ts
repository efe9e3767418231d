// What follows a booking's status change: its batch line's outcome, and a word to the people concerned.
import "server-only";
import type { BookingStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { createFormatter } from "@/lib/format";
import { DEFAULT_LOCALE } from "@/lib/format/reader";
import { notifyUser } from "@/lib/notifications/notifications";
import { reportedFee } from "./presentation";
import type { ChargerSnapshot } from "./schemas";

// Notifications are written once, for whoever opens them later: in the app's default locale.
const NOTIFICATION_FORMAT = createFormatter({ locale: DEFAULT_LOCALE });

const ATTENTION_TITLES: Partial<Record<BookingStatus, string>> = {
  NO_SHOW: "Driver did not show up",
  EXPIRED: "Booking expired: the operator never confirmed",
  FAILED: "Booking failed",
  OUTCOME_UNKNOWN: "Booking unconfirmed: choose whether to keep or remove it",
};

/** What a batch line shows for its booking's status: settled with it, never left running. */
function batchLineFor(to: BookingStatus, lastError: string | null) {
  if (to === "FAILED" || to === "CANCELLED" || to === "EXPIRED")
    return { status: "FAILED" as const, error: lastError ?? "The provider refused the booking" };
  if (to === "OUTCOME_UNKNOWN")
    return { status: "OUTCOME_UNKNOWN" as const, error: lastError ?? "The provider's answer was lost." };
  return { status: "SUCCEEDED" as const, error: null };
}

export async function onBookingStatusChanged(bookingId: string, from: BookingStatus, to: BookingStatus): Promise<void> {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      fleetId: true,
      createdById: true,
      assignedDriverId: true,
      lastError: true,
      feeMinor: true,
      currency: true,
      locationSnapshot: true,
      batchItem: { select: { id: true, status: true } },
    },
  });
  if (!booking) return;

  // A batch line waits for its booking to leave SUBMITTING (or an unknown outcome) before it settles.
  const line = booking.batchItem;
  const lineWaits =
    (from === "SUBMITTING" && line?.status === "RUNNING") ||
    (from === "OUTCOME_UNKNOWN" && line?.status === "OUTCOME_UNKNOWN");
  if (line && lineWaits) {
    await db.bookingBatchItem.update({ where: { id: line.id }, data: batchLineFor(to, booking.lastError) });
    await finishBatchIfDone(line.id);
  }

  const title = ATTENTION_TITLES[to];
  if (title) {
    const charger = booking.locationSnapshot as unknown as ChargerSnapshot;
    const fee = reportedFee(NOTIFICATION_FORMAT, booking);
    await notifyUser({
      userId: booking.createdById,
      kind: `booking.${to.toLowerCase()}`,
      title,
      body: fee ? `${charger.name}. ${fee}` : `${charger.name}.`,
      data: { bookingId: booking.id, fleetId: booking.fleetId },
    });
  }
}

/** Marks a batch finished once none of its lines is still waiting or running. */
export async function finishBatchIfDone(batchItemId: string): Promise<void> {
  const item = await db.bookingBatchItem.findUnique({ where: { id: batchItemId }, select: { batchId: true } });
  if (!item) return;
  const open = await db.bookingBatchItem.count({
    where: { batchId: item.batchId, status: { in: ["QUEUED", "RUNNING"] } },
  });
  if (open === 0)
    await db.bookingBatch.updateMany({
      where: { id: item.batchId, finishedAt: null },
      data: { finishedAt: new Date() },
    });
}
