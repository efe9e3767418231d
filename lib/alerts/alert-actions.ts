// What a person does about an alert: dismiss it with a note, stop the session it is about, book a nearby
// compatible charger instead of the booking it is about, or send its driver a word. Each checks that the alert
// is the fleet's and open, and is audited in the transaction that closes the alert.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { findAlternatives } from "@/lib/bookings/chargers";
import { createBooking, requestFromBooking } from "@/lib/bookings/create-booking";
import { scheduleReconcile } from "@/lib/bookings/jobs";
import { defaultBookingProviders } from "@/lib/bookings/providers";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import { withProviderFacts } from "@/lib/bookings/verify-charger";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import { emailNotification, storeNotification } from "@/lib/notifications/notifications";
import { log } from "@/lib/observability/log";
import { stopRemoteSession } from "@/lib/sessions/remote-control";
import type { AlertKind } from "./kind-names";

/** The kinds whose session a remote stop ends. */
export const STOPPABLE_KINDS: readonly AlertKind[] = ["session.no_energy", "session.too_long", "session.stop_failed"];
/** The kinds whose booking is booked again at a nearby charger. */
export const REBOOKABLE_KINDS: readonly AlertKind[] = ["booking.expired", "booking.no_show", "booking.unconfirmed"];

async function openAlertOrThrow(client: Prisma.TransactionClient, fleetId: string, alertId: string) {
  const alert = await client.alert.findFirst({ where: { id: alertId, fleetId } });
  if (!alert) throw new DomainError("NOT_FOUND", text("alerts.notFound"));
  if (alert.status !== "OPEN") throw new DomainError("CONFLICT", text("alerts.alreadyClosed"));
  return alert;
}

/** Closes an open alert and writes its audit entry, in one transaction; refuses one closed meanwhile. */
async function closeAlert(
  fleetId: string,
  alertId: string,
  close: { status: "DISMISSED" | "RESOLVED"; resolution: string; note?: string; after?: Record<string, unknown> },
  action: string,
  actor: AuditActor,
) {
  return db.$transaction(async (tx) => {
    const alert = await openAlertOrThrow(tx, fleetId, alertId);
    const { count } = await tx.alert.updateMany({
      where: { id: alertId, status: "OPEN" },
      data: {
        status: close.status,
        resolution: close.resolution,
        note: close.note ?? null,
        closedAt: new Date(),
        closedById: actor.actorId,
      },
    });
    if (count === 0) throw new DomainError("CONFLICT", text("alerts.alreadyClosed"));
    await writeAudit(
      {
        ...actor,
        action,
        fleetId,
        objectType: "Alert",
        objectId: alertId,
        before: { status: alert.status },
        after: { status: close.status, resolution: close.resolution, note: close.note ?? null, ...close.after },
      },
      tx,
    );
    return { alertId, status: close.status, resolution: close.resolution };
  });
}

export function dismissAlert(fleetId: string, alertId: string, note: string, actor: AuditActor) {
  return closeAlert(fleetId, alertId, { status: "DISMISSED", resolution: "dismissed", note }, "alerts.dismiss", actor);
}

/** Stops the alert's session at its provider; the alert closes only once the provider took the stop. */
export async function stopAlertSession(fleetId: string, alertId: string, actor: AuditActor) {
  const alert = await openAlertOrThrow(db, fleetId, alertId);
  if (!STOPPABLE_KINDS.includes(alert.kind as AlertKind) || !alert.sessionId)
    throw new DomainError("CONFLICT", text("alerts.cannotStop"));
  // A provider failure throws its plain words here and leaves the alert open.
  const session = await stopRemoteSession(fleetId, alert.sessionId, undefined, actor);
  return closeAlert(
    fleetId,
    alertId,
    { status: "RESOLVED", resolution: "stopped", after: { sessionStatus: session.status } },
    "alerts.stop-session",
    actor,
  );
}

/**
 * Books the nearest compatible free charge point within 5 km for the rest of the alert's booking window (its
 * driver, vehicle and token kept). A refused or unanswered new booking leaves the alert open, and says so.
 */
export async function rebookAlert(fleetId: string, alertId: string, createdById: string, actor: AuditActor) {
  const alert = await openAlertOrThrow(db, fleetId, alertId);
  if (!REBOOKABLE_KINDS.includes(alert.kind as AlertKind) || !alert.bookingId)
    throw new DomainError("CONFLICT", text("alerts.cannotRebook"));
  const booking = await db.booking.findFirstOrThrow({ where: { id: alert.bookingId, fleetId } });
  const now = new Date();
  const start = booking.windowStart > now ? booking.windowStart : now;
  if (booking.windowEnd.getTime() - start.getTime() < 15 * 60_000)
    throw new DomainError("CONFLICT", text("alerts.windowOver"));
  const charger = booking.locationSnapshot as unknown as ChargerSnapshot;
  const providers = defaultBookingProviders();
  const provider = booking.provider as Parameters<typeof findAlternatives>[1]["provider"];
  const [nearest] = await findAlternatives(providers, {
    fleetId,
    provider,
    locationId: booking.locationId,
    evseUid: booking.evseUid,
    latitude: charger.latitude,
    longitude: charger.longitude,
    window: { start, end: booking.windowEnd },
    charger,
  });
  if (!nearest) throw new DomainError("CONFLICT", text("alerts.noAlternative"));
  const request = await withProviderFacts(providers, fleetId, {
    ...requestFromBooking(booking, {
      locationId: nearest.locationId,
      evseUid: nearest.evseUid,
      charger: nearest.charger,
    }),
    windowStart: start.toISOString(),
  });
  const outcome = await createBooking({ fleetId, createdById, request }, providers, ({ bookingId, status }) => ({
    ...actor,
    action: "bookings.create",
    fleetId,
    objectType: "Booking",
    objectId: bookingId,
    after: { status, provider, locationId: request.locationId, evseUid: request.evseUid, rebookOf: booking.id },
  }));
  // The replacement is stored and its alert can close; the reconciler's next regular round picks it up.
  await scheduleReconcile().catch((error: unknown) =>
    log.error({ event: "alerts.rebook_reconcile_not_scheduled", err: error }, "could not wake the reconciler"),
  );
  if (outcome.status === "FAILED" || outcome.status === "OUTCOME_UNKNOWN")
    throw new DomainError("CONFLICT", text("alerts.rebookFailed", { charger: nearest.charger.name }));
  await closeAlert(
    fleetId,
    alertId,
    { status: "RESOLVED", resolution: "rebooked", after: { bookingId: outcome.bookingId } },
    "alerts.rebook",
    actor,
  );
  return { alertId, bookingId: outcome.bookingId, charger: nearest.charger.name };
}

/** Sends the alert's driver a message (in-app, and by email when SMTP is set); the alert stays open. */
export async function messageAlertDriver(
  fleetId: string,
  alertId: string,
  message: string,
  from: { id: string; name: string | null; email: string },
  actor: AuditActor,
) {
  const alert = await db.alert.findFirst({ where: { id: alertId, fleetId } });
  if (!alert) throw new DomainError("NOT_FOUND", text("alerts.notFound"));
  if (!alert.driverId) throw new DomainError("CONFLICT", text("alerts.noDriver"));
  const member = await db.membership.findFirst({ where: { fleetId, userId: alert.driverId }, select: { id: true } });
  if (!member) throw new DomainError("CONFLICT", text("alerts.noDriver"));
  const facts = alert.facts as { charger?: { name?: string } };
  const href = alert.bookingId ? `/my-bookings` : alert.sessionId ? `/sessions/${alert.sessionId}` : undefined;
  const notification = {
    userId: alert.driverId,
    kind: "alert.message" as const,
    facts: { from: from.name ?? from.email, message, charger: facts.charger?.name ?? "" },
    data: { href, alertId, fleetId },
    email: true,
  };
  await db.$transaction(async (tx) => {
    await writeAudit(
      {
        ...actor,
        action: "alerts.message-driver",
        fleetId,
        objectType: "Alert",
        objectId: alertId,
        after: { driverId: alert.driverId, length: message.length },
      },
      tx,
    );
    await storeNotification(notification, tx);
  });
  await emailNotification(notification);
  return { alertId, driverId: alert.driverId };
}
