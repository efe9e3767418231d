// Brings stored bookings in line with the provider without anyone watching: SUBMITTING ones are found by
// external_id (adopted) or resubmitted; open ones are refreshed from ONE list call with a status filter.
import "server-only";
import type { BookingStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ProviderBooking } from "@/lib/domain";
import { isProviderError } from "@/lib/providers/errors";
import { MAX_SUBMIT_ATTEMPTS, submitBooking } from "./create-booking";
import type { BookingProviders } from "./providers";
import { applyProviderReport, changeStatus } from "./transitions";

/** A SUBMITTING booking younger than this may still have its request in flight: leave it alone. */
export const SUBMIT_GRACE_MS = 30_000;

export interface RecoverResult {
  adopted: number;
  resubmitted: number;
  failed: number;
  providerRequests: number;
}

/**
 * Finds what happened to bookings stuck in SUBMITTING (a crash or timeout between "stored" and "provider
 * answered"): if the provider has our external_id, adopt its booking; if not, submit again — the same
 * external_id, so even a lost answer cannot produce a second booking.
 */
export async function recoverSubmittingBookings(
  providers: BookingProviders,
  { graceMs = SUBMIT_GRACE_MS, now = new Date(), limit = 20 } = {},
): Promise<RecoverResult> {
  const result: RecoverResult = { adopted: 0, resubmitted: 0, failed: 0, providerRequests: 0 };
  const stuck = await db.booking.findMany({
    where: { status: "SUBMITTING", provider: "PETITMONDE", updatedAt: { lt: new Date(now.getTime() - graceMs) } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  for (const booking of stuck) {
    if (booking.submitAttempts >= MAX_SUBMIT_ATTEMPTS) {
      await changeStatus(booking, {
        to: "FAILED",
        source: "reconciler",
        note: "The provider never answered",
        data: { lastError: "The provider did not answer after several attempts; nothing was booked." },
      });
      result.failed++;
      continue;
    }
    let found: ProviderBooking | null;
    try {
      result.providerRequests++;
      found = await providers.petitMonde.findBookingByExternalId(booking.externalId);
    } catch (error) {
      if (isProviderError(error) && error.retryable) break; // the provider is struggling: try next round
      throw error;
    }
    if (found) {
      await applyProviderReport(booking.id, found, "reconciler:adopted");
      result.adopted++;
    } else {
      result.providerRequests++;
      await submitBooking(booking.id, providers, "reconciler:resubmitted");
      result.resubmitted++;
    }
  }
  return result;
}

/** Provider statuses a booking can move to from an open one; REQUESTED is left out, see below. */
const REPORTED_STATUSES: BookingStatus[] = [
  "PENDING",
  "CONFIRMED",
  "ATTENDING",
  "COMPLETED",
  "EXPIRED",
  "NO_SHOW",
  "CANCELLED",
];
const OPEN_AT_PROVIDER: BookingStatus[] = ["REQUESTED", "PENDING", "CONFIRMED", "ATTENDING"];

export interface SyncResult {
  open: number;
  changed: number;
  refused: number;
  providerRequests: number;
  /** True while any booking waits for the operator (REQUESTED/PENDING): the next run should come sooner. */
  awaitingOperator: boolean;
}

/**
 * Refreshes every open Petit Monde booking (optionally only some) with one list request. REQUESTED is the
 * starting status, so filtering it out keeps the answer small: a booking missing from the answer has not
 * moved. Bookings whose window has long passed yet are still missing are fetched one by one (rare).
 */
export async function syncOpenBookings(
  providers: BookingProviders,
  {
    bookingIds,
    now = new Date(),
    maxSingleFetches = 5,
  }: { bookingIds?: string[]; now?: Date; maxSingleFetches?: number } = {},
): Promise<SyncResult> {
  const open = await db.booking.findMany({
    where: {
      provider: "PETITMONDE",
      status: { in: OPEN_AT_PROVIDER },
      providerBookingId: { not: null },
      ...(bookingIds ? { id: { in: bookingIds } } : {}),
    },
    select: { id: true, status: true, providerBookingId: true, createdAt: true, windowEnd: true },
  });
  const result: SyncResult = {
    open: open.length,
    changed: 0,
    refused: 0,
    providerRequests: 0,
    awaitingOperator: false,
  };
  if (open.length === 0) return result;

  const earliest = new Date(Math.min(...open.map((b) => b.createdAt.getTime())) - 60 * 60_000);
  const reports = new Map<string, ProviderBooking>();
  result.providerRequests++;
  for (const report of await providers.petitMonde.listBookings({
    status: REPORTED_STATUSES,
    from: earliest,
    limit: 1000,
  })) {
    reports.set(report.id, report);
  }

  let singleFetches = 0;
  for (const booking of open) {
    let report = reports.get(booking.providerBookingId!);
    const overdue = booking.windowEnd.getTime() < now.getTime() - 60 * 60_000;
    if (!report && overdue && singleFetches < maxSingleFetches) {
      singleFetches++;
      result.providerRequests++;
      report = await providers.petitMonde.getBooking(booking.providerBookingId!).catch(() => undefined);
    }
    if (!report) {
      if (booking.status === "REQUESTED") result.awaitingOperator = true;
      continue;
    }
    const outcome = await applyProviderReport(booking.id, report, "reconciler");
    if (outcome === "applied") result.changed++;
    if (outcome === "refused") result.refused++;
    if (report.status === "REQUESTED" || report.status === "PENDING") result.awaitingOperator = true;
  }
  await db.booking.updateMany({ where: { id: { in: open.map((b) => b.id) } }, data: { lastSyncedAt: now } });
  return result;
}

/** One full round: stuck submissions first, then every open booking. */
export async function reconcileBookings(
  providers: BookingProviders,
): Promise<{ recover: RecoverResult; sync: SyncResult }> {
  const recover = await recoverSubmittingBookings(providers);
  const sync = await syncOpenBookings(providers);
  const submitting = await db.booking.count({ where: { status: "SUBMITTING" } });
  if (submitting > 0) sync.awaitingOperator = true;
  return { recover, sync };
}
