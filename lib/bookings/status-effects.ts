// What follows a booking's status change: its batch line's outcome (in the same transaction), its alerts, and a
// word to the people concerned.
import "server-only";
import type { BatchItemStatus, BookingStatus, Prisma } from "@/generated/prisma/client";
import { alertOnBookingStatus } from "@/lib/alerts/booking-alerts";
import { db } from "@/lib/db";
import { text } from "@/lib/errors";
import { bookingAttentionKind } from "@/lib/notifications/kinds";
import { notifyUser } from "@/lib/notifications/notifications";
import type { ChargerSnapshot } from "./schemas";
import { lineErrorColumns, lineErrorOf } from "./stored-text";

/** What a batch line shows for its booking's status: settled with it, never left running. */
function batchLineFor(to: BookingStatus, booking: { lastError: string | null; lastErrorText: Prisma.JsonValue }) {
  const known = lineErrorOf(booking);
  if (to === "FAILED" || to === "CANCELLED" || to === "EXPIRED")
    return { status: "FAILED" as const, ...(known ?? lineErrorColumns(text("batches.settled.refused"))) };
  if (to === "OUTCOME_UNKNOWN")
    return { status: "OUTCOME_UNKNOWN" as const, ...(known ?? lineErrorColumns(text("batches.settled.answerLost"))) };
  return { status: "SUCCEEDED" as const, ...lineErrorColumns(null) };
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
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: { lastError: true, lastErrorText: true },
  });
  await tx.bookingBatchItem.update({ where: { id: line.id }, data: batchLineFor(to, booking) });
  await finishBatchIfDone(line.id, tx);
}

/**
 * What follows a booking's status change besides its batch line (settled with the change): its alerts (an expiry
 * or a no-show raised, a wait for confirmation closed) and a word to the people concerned. A change that owes an
 * automatic re-booking only closes the wait: what the re-booking comes to is told instead, once it is known.
 */
export async function onBookingStatusChanged(
  bookingId: string,
  to: BookingStatus,
  { rebookOwed = false }: { rebookOwed?: boolean } = {},
): Promise<void> {
  await alertOnBookingStatus(bookingId, to, { raise: !rebookOwed });
  if (rebookOwed) return;
  const kind = bookingAttentionKind(to);
  if (!kind) return;
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
  await notifyUser({
    userId: booking.createdById,
    kind,
    facts: { charger: charger.name, feeMinor: booking.feeMinor, currency: booking.currency },
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
