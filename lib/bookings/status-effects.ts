// What follows a booking's status change: its batch line's outcome (in the same transaction), and a word
// to the people concerned.
import "server-only";
import type { BatchItemStatus, BookingStatus, Prisma } from "@/generated/prisma/client";
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

/** Whether a batch line still waits for its booking's news: RUNNING until it leaves SUBMITTING, or an unknown outcome. */
function lineWaitsFor(from: BookingStatus, lineStatus: BatchItemStatus): boolean {
  return (
    (from === "SUBMITTING" && lineStatus === "RUNNING") ||
    (from === "OUTCOME_UNKNOWN" && lineStatus === "OUTCOME_UNKNOWN")
  );
}

/**
 * Settles the batch line of a booking whose status just changed, inside the transaction that changed it:
 * a process that dies right after the change can never leave the line RUNNING for good.
 */
export async function settleBatchLine(
  tx: Prisma.TransactionClient,
  bookingId: string,
  from: BookingStatus,
  to: BookingStatus,
): Promise<void> {
  const line = await tx.bookingBatchItem.findUnique({ where: { bookingId }, select: { id: true, status: true } });
  if (!line || !lineWaitsFor(from, line.status)) return;
  const { lastError } = await tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { lastError: true } });
  await tx.bookingBatchItem.update({ where: { id: line.id }, data: batchLineFor(to, lastError) });
  await finishBatchIfDone(line.id, tx);
}

/** What follows a booking's status change besides its batch line (settled with the change): a word to the people concerned. */
export async function onBookingStatusChanged(bookingId: string, to: BookingStatus): Promise<void> {
  const title = ATTENTION_TITLES[to];
  if (!title) return;
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      fleetId: true,
      createdById: true,
      feeMinor: true,
      currency: true,
      locationSnapshot: true,
    },
  });
  if (!booking) return;
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

/**
 * Marks a batch finished once none of its lines is still waiting or running. Inside a transaction the
 * batch row is locked first, so two lines settling at once cannot each miss the other's change.
 */
export async function finishBatchIfDone(batchItemId: string, client: Prisma.TransactionClient = db): Promise<void> {
  const item = await client.bookingBatchItem.findUnique({ where: { id: batchItemId }, select: { batchId: true } });
  if (!item) return;
  await client.$queryRaw`SELECT id FROM "BookingBatch" WHERE id = ${item.batchId} FOR UPDATE`;
  const open = await client.bookingBatchItem.count({
    where: { batchId: item.batchId, status: { in: ["QUEUED", "RUNNING"] } },
  });
  if (open === 0)
    await client.bookingBatch.updateMany({
      where: { id: item.batchId, finishedAt: null },
      data: { finishedAt: new Date() },
    });
}
