// When a booking opted into automatic re-booking owes one: it expired, its charge point was refused as taken,
// or the operator cancelled it. Marked in the transaction of that status change, so a process that dies right
// after it still leaves the re-booking owed (the job in lib/bookings/auto-rebook.ts picks it up).
import "server-only";
import type { BookingStatus, Prisma } from "@/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { log } from "@/lib/observability/log";
import type { REBOOK_CAUSES } from "@/lib/notifications/kinds";

export const AUTO_REBOOK_JOB = "bookings.auto-rebook";

/** Ends the source of a FAILED change whose charge point the provider refused as taken (a 409). */
export const TAKEN_SOURCE_SUFFIX = ":taken";

export type RebookCause = (typeof REBOOK_CAUSES)[number];

/**
 * Why a change to `to`, learned from `source`, owes a re-booking; null when it owes none. A cancellation the
 * dashboard asked for ("dashboard…") is the fleet's own choice, never re-booked.
 */
export function rebookCause(to: BookingStatus, source: string): RebookCause | null {
  if (to === "EXPIRED") return "expired";
  if (to === "FAILED" && source.endsWith(TAKEN_SOURCE_SUFFIX)) return "taken";
  if (to === "CANCELLED" && !source.startsWith("dashboard")) return "cancelled";
  return null;
}

/** Marks the re-booking owed, once, for a booking that opted in; whether it did. */
export async function markRebookDue(
  tx: Prisma.TransactionClient,
  bookingId: string,
  to: BookingStatus,
  source: string,
): Promise<boolean> {
  if (!rebookCause(to, source)) return false;
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, rebookWithinKm: { not: null }, rebookDueAt: null },
    data: { rebookDueAt: new Date() },
  });
  return count > 0;
}

/** Asks for the re-booking job now; sends inside one 2-second slot collapse into one job. Never throws. */
export async function askForRebooking(): Promise<void> {
  await enqueue(
    AUTO_REBOOK_JOB,
    {},
    { singletonKey: "run", singletonSeconds: 2, singletonNextSlot: true, expireInSeconds: 300 },
  ).catch((error: unknown) =>
    // The job's cron round picks the booking up within a minute all the same.
    log.warn({ event: "bookings.auto_rebook_not_scheduled", err: error }, "could not schedule automatic re-booking"),
  );
}
