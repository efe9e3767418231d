// Applies a status change to a stored booking through the state machine: one event per change,
// illegal or unknown changes logged and refused, concurrent writers detected by the expected status.
import "server-only";
import type { Booking, BookingStatus, Prisma } from "@/generated/prisma/client";
import type { ProviderBooking } from "@/lib/domain";
import { writeAudit, type AuditEntry } from "@/lib/audit";
import { db } from "@/lib/db";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { emitBookingWebhook } from "@/lib/webhooks/emit";
import { decideTransition } from "./state-machine";
import { askForRebooking, markRebookDue } from "./rebook-due";
import { onBookingStatusChanged, settleBatchLine } from "./status-effects";
import { noteColumns, type StoredWords } from "./stored-text";

export type TransitionOutcome = "applied" | "unchanged" | "refused" | "stale";

export interface StatusChange {
  to: BookingStatus | (string & {});
  /** "provider", "reconciler", "dashboard"…: where the news came from. */
  source: string;
  note?: StoredWords;
  /** Other columns to write together with the status (price, provider id, error…). */
  data?: Prisma.BookingUpdateManyMutationInput;
  /**
   * The audit entry of the person's request this write records, given the status the write leaves: written in
   * the same transaction. Nothing is written when another writer got there first ("stale"): the caller decides.
   */
  audit?: (status: BookingStatus) => AuditEntry;
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
    logWithRequestId(
      "warn",
      {
        event: "bookings.transition_refused",
        bookingId: booking.id,
        to: change.to,
        reason: decision.reason,
        source: change.source,
      },
      "refused a booking status change",
    );
    const data = change.data && { ...withoutStatus(change.data), lastSyncedAt: new Date() };
    await writeWithAudit(booking, data, change.audit);
    return "refused";
  }
  if (decision.kind === "unchanged") {
    await writeWithAudit(booking, change.data, change.audit);
    return "unchanged";
  }
  const to = change.to as BookingStatus;
  const now = new Date();
  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: booking.status },
      data: { ...change.data, status: to, statusUpdatedAt: now },
    });
    if (count === 0) return { applied: false, rebookDue: false };
    await tx.bookingEvent.create({
      data: { bookingId: booking.id, status: to, source: change.source, ...noteColumns(change.note), at: now },
    });
    await settleBatchLine(tx, booking.id, booking.status, to);
    const rebookDue = await markRebookDue(tx, booking.id, to, change.source);
    if (change.audit) await writeAudit(change.audit(to), tx);
    await emitBookingWebhook(tx, booking.id, "booking.status_changed", {
      status: to,
      previousStatus: booking.status,
      source: change.source,
    });
    return { applied: true, rebookDue };
  });
  if (!written.applied) return "stale";
  if (written.rebookDue) await askForRebooking();
  await onBookingStatusChanged(booking.id, to, { rebookOwed: written.rebookDue });
  return "applied";
}

/** Columns besides the status, and the audit entry with them; the status stays as it was. */
async function writeWithAudit(
  booking: Pick<Booking, "id" | "status">,
  data: Prisma.BookingUpdateManyMutationInput | undefined,
  audit: StatusChange["audit"],
): Promise<void> {
  if (!audit) {
    if (data) await db.booking.updateMany({ where: { id: booking.id }, data });
    return;
  }
  await db.$transaction(async (tx) => {
    if (data) await tx.booking.updateMany({ where: { id: booking.id }, data });
    await writeAudit(audit(booking.status), tx);
  });
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

/**
 * Applies what the provider says about a booking; retries once when another writer got there first. An audit
 * entry goes with the write; if other writers win both times, it is written alone (their write stands).
 */
export async function applyProviderReport(
  bookingId: string,
  report: ProviderBooking,
  source: string,
  extra: Prisma.BookingUpdateManyMutationInput = {},
  audit?: StatusChange["audit"],
): Promise<TransitionOutcome> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { id: true, status: true } });
    if (!booking) return "stale";
    const data = { ...providerBookingData(report), ...extra };
    const outcome = await changeStatus(booking, { to: report.status, source, data, audit });
    if (outcome !== "stale") return outcome;
  }
  await auditAlone(bookingId, audit);
  return "stale";
}

/** The entry of a request whose write another writer overtook: on record all the same, with today's status. */
export async function auditAlone(bookingId: string, audit: StatusChange["audit"]): Promise<void> {
  if (!audit) return;
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { status: true } });
  if (booking) await writeAudit(audit(booking.status));
}
