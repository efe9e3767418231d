// Brings stored bookings in line with their providers without anyone watching: SUBMITTING ones are
// investigated (adopted, resent, or handed to a person as "outcome unknown") within a bounded time, and
// open ones are refreshed through each provider's booking port.
import "server-only";
import type { Booking, BookingStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ProviderName } from "@/lib/domain";
import { text, type ErrorText } from "@/lib/errors";
import { isProviderError } from "@/lib/providers/errors";
import type { OpenBookingRef } from "@/lib/providers/types";
import { recordSessionsOfBookings } from "@/lib/sessions/sync";
import { MAX_SUBMIT_ATTEMPTS, submitBooking, toProviderRequest } from "./create-booking";
import type { BookingProviders } from "./providers";
import { lastErrorColumns } from "./stored-text";
import { applyProviderReport, changeStatus } from "./transitions";

/** A SUBMITTING booking younger than this may still have its request in flight: leave it alone. */
export const SUBMIT_GRACE_MS = 30_000;
/** No booking stays SUBMITTING longer than this: after it, a person is asked (outcome unknown). */
export const SUBMITTING_DEADLINE_MS = 3 * 60_000;

export interface RecoverResult {
  adopted: number;
  resubmitted: number;
  failed: number;
  outcomeUnknown: number;
  providerRequests: number;
}

/**
 * Settles bookings stuck in SUBMITTING (a crash, timeout or lost answer between "stored" and "provider
 * answered"). One whose answer was lost is investigated first: found → adopted; provably absent → sent
 * again with the same external id; impossible to tell → OUTCOME_UNKNOWN, with keep/remove choices.
 * One that was never sent, or refused in a way that proves nothing happened, is sent again.
 */
export async function recoverSubmittingBookings(
  providers: BookingProviders,
  { graceMs = SUBMIT_GRACE_MS, deadlineMs = SUBMITTING_DEADLINE_MS, now = new Date(), limit = 50 } = {},
): Promise<RecoverResult> {
  const result: RecoverResult = { adopted: 0, resubmitted: 0, failed: 0, outcomeUnknown: 0, providerRequests: 0 };
  const stuck = await db.booking.findMany({
    where: { status: "SUBMITTING", updatedAt: { lt: new Date(now.getTime() - graceMs) } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  // A provider that keeps failing is left alone for the rest of this round (its quota matters).
  const unreachable = new FailureCounter();
  for (const booking of stuck) {
    const pastDeadline = (booking.submittedAt ?? booking.createdAt).getTime() < now.getTime() - deadlineMs;
    if (unreachable.has(booking.provider)) {
      if (pastDeadline && booking.answerLost) await toOutcomeUnknown(booking, result, UNREACHABLE_NOTE);
      continue;
    }
    if (!booking.answerLost) {
      if (booking.submitAttempts >= MAX_SUBMIT_ATTEMPTS) {
        await fail(booking, text("bookings.reconcile.notAccepted"));
        result.failed++;
        continue;
      }
      result.providerRequests++;
      await submitBooking(booking.id, providers, "reconciler:resubmitted");
      result.resubmitted++;
      continue;
    }
    try {
      result.providerRequests++;
      const finding = await providers.forProvider(booking.provider).investigate(toProviderRequest(booking));
      if (finding.kind === "booked") {
        await applyProviderReport(booking.id, finding.booking, "reconciler:adopted", {
          answerLost: false,
          ...lastErrorColumns(null),
        });
        result.adopted++;
      } else if (finding.kind === "not-booked") {
        await db.booking.update({ where: { id: booking.id }, data: { answerLost: false } });
        if (booking.submitAttempts >= MAX_SUBMIT_ATTEMPTS) {
          await fail(booking, text("bookings.reconcile.neverAnswered"));
          result.failed++;
        } else {
          result.providerRequests++;
          await submitBooking(booking.id, providers, "reconciler:resubmitted");
          result.resubmitted++;
        }
      } else {
        await toOutcomeUnknown(booking, result, finding.reason);
      }
    } catch (error) {
      if (!isProviderError(error) || !error.retryable) throw error;
      unreachable.add(booking.provider);
      if (pastDeadline) await toOutcomeUnknown(booking, result, UNREACHABLE_NOTE);
    }
  }
  return result;
}

const UNREACHABLE_NOTE = text("bookings.reconcile.unreachable");

/** Retryable failures per provider in one round; after a few, the provider is skipped until the next. */
class FailureCounter {
  private readonly failures = new Map<ProviderName, number>();
  constructor(private readonly limit = 3) {}
  add(name: ProviderName, weight = 1) {
    this.failures.set(name, (this.failures.get(name) ?? 0) + weight);
  }
  has(name: ProviderName) {
    return (this.failures.get(name) ?? 0) >= this.limit;
  }
}

async function toOutcomeUnknown(booking: Booking, result: RecoverResult, reason: ErrorText) {
  const outcome = await changeStatus(booking, {
    to: "OUTCOME_UNKNOWN",
    source: "reconciler",
    note: reason,
    data: lastErrorColumns([reason, text("bookings.reconcile.keepOrRemove")]),
  });
  if (outcome === "applied") result.outcomeUnknown++;
}

async function fail(booking: Booking, message: ErrorText) {
  await changeStatus(booking, {
    to: "FAILED",
    source: "reconciler",
    note: message,
    data: { ...lastErrorColumns(message), answerLost: false },
  });
}

/**
 * Bookings waiting for a person's choice: those whose provider can be asked again are re-investigated
 * (found → adopted, absent → FAILED); once the window has passed the question is moot (EXPIRED).
 */
export async function revisitUnknownOutcomes(
  providers: BookingProviders,
  { now = new Date(), limit = 20 } = {},
): Promise<{ settled: number; providerRequests: number }> {
  const waiting = await db.booking.findMany({
    where: { status: "OUTCOME_UNKNOWN" },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  let settled = 0;
  let providerRequests = 0;
  const unreachable = new FailureCounter();
  for (const booking of waiting) {
    if (booking.windowEnd.getTime() < now.getTime()) {
      const outcome = await changeStatus(booking, {
        to: "EXPIRED",
        source: "reconciler",
        note: text("bookings.reconcile.windowPassed"),
      });
      if (outcome === "applied") settled++;
      continue;
    }
    if (unreachable.has(booking.provider)) continue;
    try {
      const finding = await providers.forProvider(booking.provider).investigate(toProviderRequest(booking));
      if (finding.kind === "unknown") {
        unreachable.add(booking.provider, Infinity); // this provider cannot tell: asking again does not help
        continue;
      }
      providerRequests++;
      const outcome =
        finding.kind === "booked"
          ? await applyProviderReport(booking.id, finding.booking, "reconciler:adopted", { answerLost: false })
          : await changeStatus(booking, {
              to: "FAILED",
              source: "reconciler",
              note: text("bookings.reconcile.noBookingOfOurs"),
              data: { answerLost: false, ...lastErrorColumns(text("bookings.reconcile.noSuchBooking")) },
            });
      if (outcome === "applied") settled++;
    } catch (error) {
      if (!isProviderError(error) || !error.retryable) throw error;
      unreachable.add(booking.provider);
    }
  }
  return { settled, providerRequests };
}

const OPEN_AT_PROVIDER: BookingStatus[] = ["REQUESTED", "PENDING", "CONFIRMED", "ATTENDING"];

export interface SyncResult {
  open: number;
  changed: number;
  refused: number;
  providerRequests: number;
  /** Sessions recorded from the reports of bookings that ended (providers whose sessions are their bookings). */
  sessionsRecorded: number;
  /** True while any booking waits for the operator (REQUESTED/PENDING): the next run should come sooner. */
  awaitingOperator: boolean;
}

/** Refreshes every open booking (optionally only some) through its provider's booking port. */
export async function syncOpenBookings(
  providers: BookingProviders,
  { bookingIds, now = new Date() }: { bookingIds?: string[]; now?: Date } = {},
): Promise<SyncResult> {
  const open = await db.booking.findMany({
    where: {
      status: { in: OPEN_AT_PROVIDER },
      providerBookingId: { not: null },
      ...(bookingIds ? { id: { in: bookingIds } } : {}),
    },
    select: {
      id: true,
      provider: true,
      status: true,
      providerBookingId: true,
      createdAt: true,
      windowStart: true,
      windowEnd: true,
      locationId: true,
      evseUid: true,
      connectorId: true,
    },
  });
  const result: SyncResult = {
    open: open.length,
    changed: 0,
    refused: 0,
    providerRequests: 0,
    sessionsRecorded: 0,
    awaitingOperator: false,
  };
  const byProvider = new Map<ProviderName, typeof open>();
  for (const booking of open) byProvider.set(booking.provider, [...(byProvider.get(booking.provider) ?? []), booking]);

  for (const [name, bookings] of byProvider) {
    const refs: OpenBookingRef[] = bookings.map((b) => ({ ...b, providerBookingId: b.providerBookingId! }));
    let refreshed;
    try {
      refreshed = await providers.forProvider(name).refresh(refs, { now });
    } catch (error) {
      // One provider failing must not hold up the others' news; its bookings are asked again next round.
      if (!isProviderError(error) || !error.retryable) throw error;
      continue;
    }
    const { reports, requests } = refreshed;
    result.providerRequests += requests;
    const adapter = providers.forProvider(name);
    // Only this round's open bookings: the answer may also hold bookings that ended (and were recorded) before.
    const sessions = bookings.flatMap((b) => {
      const report = reports.get(b.providerBookingId!);
      return report && adapter.sessionOf ? (adapter.sessionOf(report) ?? []) : [];
    });
    for (const booking of bookings) {
      const report = reports.get(booking.providerBookingId!);
      if (!report) {
        if (booking.status === "REQUESTED" || booking.status === "PENDING") result.awaitingOperator = true;
        continue;
      }
      const outcome = await applyProviderReport(booking.id, report, "reconciler");
      if (outcome === "applied") result.changed++;
      if (outcome === "refused") result.refused++;
      if (report.status === "REQUESTED" || report.status === "PENDING") result.awaitingOperator = true;
    }
    // After the bookings, so each session names the booking's fleet and driver.
    result.sessionsRecorded += await recordSessionsOfBookings(db, name, sessions);
    if (requests > 0)
      await db.booking.updateMany({ where: { id: { in: bookings.map((b) => b.id) } }, data: { lastSyncedAt: now } });
  }
  return result;
}

/** One full round: stuck submissions first, then every open booking, then those waiting for a choice. */
export async function reconcileBookings(
  providers: BookingProviders,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ recover: RecoverResult; sync: SyncResult; unknown: { settled: number; providerRequests: number } }> {
  const recover = await recoverSubmittingBookings(providers, { now });
  const sync = await syncOpenBookings(providers, { now });
  const unknown = await revisitUnknownOutcomes(providers, { now });
  const submitting = await db.booking.count({ where: { status: "SUBMITTING" } });
  if (submitting > 0) sync.awaitingOperator = true;
  return { recover, sync, unknown };
}
