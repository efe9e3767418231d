// Automatic re-booking (opt-in per booking or batch): when a booking expires, is refused as taken or is
// cancelled by the operator, the nearest compatible charge point free for the rest of its window, within the
// booking's radius of the place first booked, is booked through the normal path (policies, vehicle fit,
// exactly-once submission), and its dispatcher and driver are told what changed.
//
// Each booking has at most one replacement (`rebookedFromId` is unique), so two runs, two instances or a retry
// after a crash never book twice. A replacement that is refused as taken owes a re-booking of its own: the
// chain goes on, avoiding every charge point already tried, for at most MAX_REBOOKINGS replacements.
import "server-only";
import type { Booking } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import { alertOnBookingStatus } from "@/lib/alerts/booking-alerts";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/queue";
import { REBOOK_FAILURES } from "@/lib/notifications/kinds";
import { notifyUser } from "@/lib/notifications/notifications";
import { log } from "@/lib/observability/log";
import { findAlternatives, type BookableEvse } from "./chargers";
import { createBooking, requestFromBooking } from "./create-booking";
import { acquireLease } from "./leases";
import { defaultBookingProviders, type BookingProviders } from "./providers";
import { AUTO_REBOOK_JOB, askForRebooking, rebookCause, type RebookCause } from "./rebook-due";
import type { ChargerSnapshot } from "./schemas";

/** Replacements in one chain at most: a place where three charge points in a row fall through needs a person. */
export const MAX_REBOOKINGS = 3;
/** A replacement is booked only when at least this much of the window is left. */
export const MIN_REBOOK_WINDOW_MS = 15 * 60_000;
/** Bookings looked at per run. */
const PER_RUN = 20;

export type RebookFailure = (typeof REBOOK_FAILURES)[number];
export type RebookResult =
  /** `distanceM`: how far the replacement is from the place first booked, where the provider says. */
  | { outcome: "rebooked"; bookingId: string; distanceM?: number }
  | { outcome: RebookFailure }
  /** Nothing to do: not owed, already settled, or another run holds it. */
  | { outcome: "none" };

type OwedBooking = Booking & { rebookWithinKm: number };

/** The booking and those it replaced, the first booked first. */
async function chainOf(booking: Booking): Promise<Booking[]> {
  const chain = [booking];
  while (chain[0].rebookedFromId && chain.length <= MAX_REBOOKINGS + 1) {
    const previous = await db.booking.findUnique({ where: { id: chain[0].rebookedFromId } });
    if (!previous) break;
    chain.unshift(previous);
  }
  return chain;
}

const evseKey = (e: { locationId: string; evseUid: string }) => `${e.locationId}/${e.evseUid}`;

/**
 * The nearest charge point free for the window that the booking's vehicle (or, without one, its connector)
 * fits, leaving out every charge point the chain already tried.
 */
async function nearestAlternative(
  providers: BookingProviders,
  booking: OwedBooking,
  chain: Booking[],
  window: { start: Date; end: Date },
): Promise<BookableEvse | null> {
  const first = chain[0];
  const place = first.locationSnapshot as unknown as ChargerSnapshot;
  const charger = booking.locationSnapshot as unknown as ChargerSnapshot;
  const vehicle = booking.vehicleId
    ? await db.vehicle.findUnique({ where: { id: booking.vehicleId }, select: { connectorStandards: true } })
    : null;
  const fits = (standard: string | undefined) =>
    !standard ||
    (vehicle
      ? vehicle.connectorStandards.includes(standard)
      : !charger.connectorStandard || standard === charger.connectorStandard);
  const tried = new Set(chain.map(evseKey));
  const candidates = await findAlternatives(
    providers,
    {
      fleetId: booking.fleetId,
      provider: booking.provider as Parameters<typeof findAlternatives>[1]["provider"],
      locationId: booking.locationId,
      evseUid: booking.evseUid,
      latitude: place.latitude,
      longitude: place.longitude,
      window,
      charger,
      radiusKm: booking.rebookWithinKm,
    },
    Number.MAX_SAFE_INTEGER,
  );
  const within = booking.rebookWithinKm * 1000;
  return (
    candidates
      .filter((e) => !tried.has(evseKey(e)) && fits(e.charger.connectorStandard))
      .filter((e) => e.distanceM === undefined || e.distanceM <= within)
      .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity))[0] ?? null
  );
}

/** Records what the re-booking came to, with its audit entry, once; false when another run recorded it first. */
async function settle(booking: Booking, cause: RebookCause, result: Exclude<RebookResult, { outcome: "none" }>) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, rebookOutcome: null },
      data: { rebookOutcome: result.outcome },
    });
    if (count === 0) return false;
    await writeAudit(
      {
        actorId: null,
        action: "bookings.auto-rebook",
        fleetId: booking.fleetId,
        objectType: "Booking",
        objectId: booking.id,
        before: { status: booking.status },
        after: { cause, ...result },
      },
      tx,
    );
    // The alert about this booking is answered: the fleet has a charge point again.
    if (result.outcome === "rebooked")
      await tx.alert.updateMany({
        where: { fleetId: booking.fleetId, bookingId: booking.id, status: "OPEN" },
        data: { status: "RESOLVED", resolution: "rebooked", closedAt: new Date() },
      });
    return true;
  });
}

/** The booking's dispatcher and driver, each once. */
function peopleOf(booking: Booking): string[] {
  return [...new Set([booking.createdById, booking.assignedDriverId].filter((id): id is string => id !== null))];
}

async function tell(booking: Booking, cause: RebookCause, result: Exclude<RebookResult, { outcome: "none" }>) {
  const charger = booking.locationSnapshot as unknown as ChargerSnapshot;
  for (const userId of peopleOf(booking)) {
    // The dispatcher opens the booking's page; the driver her own bookings.
    const hrefTo = (id: string) => (userId === booking.createdById ? `/bookings/${id}` : `/my-bookings#${id}`);
    if (result.outcome === "rebooked") {
      const replacement = await db.booking.findUniqueOrThrow({ where: { id: result.bookingId } });
      const to = replacement.locationSnapshot as unknown as ChargerSnapshot;
      await notifyUser({
        userId,
        kind: "booking.rebooked",
        facts: {
          cause,
          from: charger.name,
          to,
          windowStart: replacement.windowStart.toISOString(),
          windowEnd: replacement.windowEnd.toISOString(),
          distanceM: result.distanceM ?? null,
        },
        data: { bookingId: replacement.id, fleetId: booking.fleetId, href: hrefTo(replacement.id) },
        email: true,
      });
    } else {
      await notifyUser({
        userId,
        kind: "booking.rebook-failed",
        facts: { cause, outcome: result.outcome, charger: charger.name, radiusKm: booking.rebookWithinKm ?? 0 },
        data: { bookingId: booking.id, fleetId: booking.fleetId, href: hrefTo(booking.id) },
        email: true,
      });
    }
  }
}

/** Finishes a re-booking: recorded once, then told (and, when nothing replaced the booking, its alert raised). */
async function finish(
  booking: Booking,
  cause: RebookCause,
  result: Exclude<RebookResult, { outcome: "none" }>,
): Promise<RebookResult> {
  if (!(await settle(booking, cause, result))) return result;
  await tell(booking, cause, result);
  // Nothing replaced it: the alert its change would have raised is raised now, for someone to act on.
  if (result.outcome !== "rebooked") await alertOnBookingStatus(booking.id, booking.status);
  return result;
}

/** Why the booking's last change owed a re-booking, from its history. */
async function causeOf(booking: Booking): Promise<RebookCause> {
  const last = await db.bookingEvent.findFirst({
    where: { bookingId: booking.id, status: booking.status },
    orderBy: { at: "desc" },
    select: { source: true },
  });
  return rebookCause(booking.status, last?.source ?? "") ?? "expired";
}

/**
 * Re-books one booking that owes it. A replacement that is refused as taken owes one itself (the next run books
 * on); one whose answer is lost stays for the reconciler and a person, like any booking.
 */
export async function autoRebook(
  bookingId: string,
  providers: BookingProviders = defaultBookingProviders(),
  now: Date = new Date(),
): Promise<RebookResult> {
  const booking = await db.booking.findUnique({ where: { id: bookingId }, include: { rebookedAs: true } });
  if (!booking || !booking.rebookDueAt || booking.rebookOutcome || booking.rebookWithinKm === null)
    return { outcome: "none" };
  const owed = booking as OwedBooking & { rebookedAs: Booking | null };
  const cause = await causeOf(booking);
  // A run that died after booking the replacement: only the record and the word are left to do.
  if (owed.rebookedAs) return finish(booking, cause, { outcome: "rebooked", bookingId: owed.rebookedAs.id });

  const chain = await chainOf(booking);
  if (chain.length > MAX_REBOOKINGS) return finish(booking, cause, { outcome: "attempts-used" });
  const start = booking.windowStart > now ? booking.windowStart : now;
  if (booking.windowEnd.getTime() - start.getTime() < MIN_REBOOK_WINDOW_MS)
    return finish(booking, cause, { outcome: "window-over" });

  const window = { start, end: booking.windowEnd };
  const alternative = await nearestAlternative(providers, owed, chain, window);
  if (!alternative) return finish(booking, cause, { outcome: "no-alternative" });

  const request = {
    ...requestFromBooking(booking, {
      locationId: alternative.locationId,
      evseUid: alternative.evseUid,
      charger: alternative.charger,
    }),
    connectorId: alternative.connectorId,
    windowStart: start.toISOString(),
  };
  try {
    const outcome = await createBooking(
      { fleetId: booking.fleetId, createdById: booking.createdById, request, rebookedFromId: booking.id },
      providers,
      ({ bookingId: replacementId, status }) => ({
        actorId: null,
        action: "bookings.create",
        fleetId: booking.fleetId,
        objectType: "Booking",
        objectId: replacementId,
        after: { status, provider: booking.provider, evseUid: request.evseUid, rebookOf: booking.id, cause },
      }),
    );
    // Refused as taken: the replacement owes a re-booking of its own, and says so when it is done.
    const rebooked = { outcome: "rebooked" as const, bookingId: outcome.bookingId, distanceM: alternative.distanceM };
    if (outcome.status === "FAILED" && outcome.failure?.code === "CONFLICT") {
      await settle(booking, cause, rebooked);
      return rebooked;
    }
    if (outcome.status === "FAILED") return finish(booking, cause, { outcome: "refused" });
    return finish(booking, cause, rebooked);
  } catch (error) {
    // Another run stored the replacement first: it finishes the record.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { outcome: "none" };
    // A spending policy, or the vehicle no longer in service: refused before anything was sent.
    if (error instanceof DomainError) return finish(booking, cause, { outcome: "refused" });
    throw error;
  }
}

/**
 * Every re-booking owed, oldest first, one run at a time across instances; a replacement refused as taken in
 * this run is re-booked in it too. At most PER_RUN bookings a run: the rest wait for the next, asked for at once.
 */
export async function runDueRebookings(providers: BookingProviders = defaultBookingProviders()) {
  const lease = await acquireLease("lease:bookings.auto-rebook", 60);
  if (!lease) return { ran: false, done: 0 };
  try {
    const looked = new Set<string>();
    let done = 0;
    while (looked.size < PER_RUN) {
      const next = await db.booking.findFirst({
        where: { rebookDueAt: { not: null }, rebookOutcome: null, id: { notIn: [...looked] } },
        orderBy: { rebookDueAt: "asc" },
        select: { id: true },
      });
      if (!next) return { ran: true, done };
      looked.add(next.id);
      try {
        if ((await autoRebook(next.id, providers)).outcome !== "none") done++;
      } catch (error) {
        // A provider down or a database hiccup: still owed, so the next run tries again.
        log.warn(
          { event: "bookings.auto_rebook_failed", bookingId: next.id, err: error },
          "automatic re-booking failed",
        );
      }
    }
    await askForRebooking();
    return { ran: true, done };
  } finally {
    await lease.release();
  }
}

export const autoRebookJob = defineJob({
  name: AUTO_REBOOK_JOB,
  // A backstop: a re-booking owed while no job was asked for (or whose run failed) is done within a minute.
  cron: "* * * * *",
  pollingIntervalSeconds: 2,
  handle: () => runDueRebookings(),
});
