// Dispatching: a fleet (group token) booking is handed to one of the fleet's drivers, who is told
// where to go, when, and which token to use — in the app, and by email when SMTP is configured.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, text } from "@/lib/errors";
import { db } from "@/lib/db";
import { bookingAssignedFacts } from "@/lib/notifications/kinds";
import { notifyUser } from "@/lib/notifications/notifications";
import { getBookingOrThrow } from "./records";
import { isFinal } from "./state-machine";

/** Only bookings paid by the fleet can change hands; a driver-token booking is bound to that driver's token. */
const ASSIGNABLE_STRATEGIES = new Set(["GROUP_TOKEN", "AD_HOC"]);

/**
 * With an actor, the audit entry is written in the transaction of the new assignment (alone when the booking
 * already was that driver's: nothing changes, and the request is on record). The driver is told after it.
 */
export async function assignBooking(args: {
  fleetId: string;
  bookingId: string;
  driverId: string | null;
  actor?: AuditActor;
}): Promise<{
  before: string | null;
  after: string | null;
  notified: boolean;
}> {
  const booking = await getBookingOrThrow(args.fleetId, args.bookingId);
  if (!ASSIGNABLE_STRATEGIES.has(booking.tokenStrategy)) {
    throw new DomainError("CONFLICT", text("bookings.driverTokenNotAssignable"));
  }
  if (isFinal(booking.status)) throw new DomainError("CONFLICT", text("bookings.overNotAssignable"));
  if (args.driverId) {
    const membership = await db.membership.findUnique({
      where: { userId_fleetId: { userId: args.driverId, fleetId: args.fleetId } },
    });
    if (!membership || membership.role !== "DRIVER") {
      throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
        driverId: [text("bookings.chooseFleetDriver")],
      });
    }
  }
  const before = booking.assignedDriverId;
  const actor = args.actor;
  const entry = actor && {
    ...actor,
    action: "bookings.assign",
    fleetId: args.fleetId,
    objectType: "Booking",
    objectId: booking.id,
    before: { assignedDriverId: before },
    after: { assignedDriverId: args.driverId },
  };
  if (before === args.driverId) {
    if (entry) await writeAudit(entry);
    return { before, after: before, notified: false };
  }
  await db.$transaction(async (tx) => {
    await tx.booking.update({ where: { id: booking.id }, data: { assignedDriverId: args.driverId } });
    if (entry) await writeAudit(entry, tx);
  });
  if (!args.driverId) return { before, after: null, notified: false };

  await notifyUser({
    userId: args.driverId,
    kind: "booking.assigned",
    facts: bookingAssignedFacts(booking),
    data: { bookingId: booking.id, fleetId: booking.fleetId },
    email: true,
  });
  return { before, after: args.driverId, notified: true };
}
