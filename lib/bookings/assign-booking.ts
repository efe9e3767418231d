// Dispatching: a booking is handed to one of the fleet's drivers (fleet-paid bookings only), or moved to another
// of its vehicles from the dispatch board. The driver is told where to go, when, and which token to use — in
// the app, and by email when SMTP is configured.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { emitWebhook } from "@/lib/webhooks/emit";
import { DomainError, text } from "@/lib/errors";
import { db } from "@/lib/db";
import { bookingAssignedFacts } from "@/lib/notifications/kinds";
import { notifyUser } from "@/lib/notifications/notifications";
import type { Booking } from "@/generated/prisma/client";
import { fittingVehicleId } from "./create-booking";
import { getBookingOrThrow } from "./records";
import type { ChargerSnapshot } from "./schemas";
import { isFinal } from "./state-machine";

/** Only bookings paid by the fleet can change hands; a driver-token booking is bound to that driver's token. */
export const ASSIGNABLE_STRATEGIES: ReadonlySet<string> = new Set(["GROUP_TOKEN", "AD_HOC"]);

async function requireFleetDriver(fleetId: string, driverId: string): Promise<void> {
  const membership = await db.membership.findUnique({ where: { userId_fleetId: { userId: driverId, fleetId } } });
  if (!membership || membership.role !== "DRIVER") {
    throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
      driverId: [text("bookings.chooseFleetDriver")],
    });
  }
}

interface Placement {
  vehicleId: string | null;
  assignedDriverId: string | null;
}

/**
 * Where the booking goes: the vehicle asked for (it must fit the charge point) and its driver — the one asked
 * for, else the new vehicle's default driver when the booking can change hands, else the one it had.
 */
async function placementFor(
  booking: Booking,
  ask: { vehicleId?: string | null; driverId?: string | null },
): Promise<Placement> {
  const movable = ASSIGNABLE_STRATEGIES.has(booking.tokenStrategy);
  // Handing a driver-token booking to someone is refused outright, even to the driver it already has.
  if (!movable && ask.vehicleId === undefined) {
    throw new DomainError("CONFLICT", text("bookings.driverTokenNotAssignable"));
  }
  if (isFinal(booking.status)) throw new DomainError("CONFLICT", text("bookings.overNotAssignable"));
  let vehicleId = booking.vehicleId;
  let driverId = booking.assignedDriverId;
  if (ask.vehicleId !== undefined && ask.vehicleId !== booking.vehicleId) {
    const standard = (booking.locationSnapshot as unknown as ChargerSnapshot).connectorStandard;
    vehicleId = ask.vehicleId && (await fittingVehicleId(db, booking.fleetId, ask.vehicleId, standard));
    if (vehicleId && ask.driverId === undefined && movable) {
      const vehicle = await db.vehicle.findUniqueOrThrow({ where: { id: vehicleId } });
      driverId = vehicle.defaultDriverId ?? driverId;
    }
  }
  if (ask.driverId !== undefined) driverId = ask.driverId;
  if (driverId !== booking.assignedDriverId) {
    if (!movable) throw new DomainError("CONFLICT", text("bookings.driverTokenNotAssignable"));
    if (driverId) await requireFleetDriver(booking.fleetId, driverId);
  }
  return { vehicleId, assignedDriverId: driverId };
}

/**
 * Moves the booking to the placement asked for. With an actor, the audit entry (`action`) is written in the
 * transaction of the change (alone when nothing changes: the request is on record). After it, the new driver is
 * told where to go, and the one it was taken from that it is not theirs now.
 */
async function moveBooking(args: {
  fleetId: string;
  bookingId: string;
  vehicleId?: string | null;
  driverId?: string | null;
  actor?: AuditActor;
  action: "bookings.assign" | "bookings.reassign";
}): Promise<{ before: Placement; after: Placement; notified: boolean }> {
  const booking = await getBookingOrThrow(args.fleetId, args.bookingId);
  const before: Placement = { vehicleId: booking.vehicleId, assignedDriverId: booking.assignedDriverId };
  const after = await placementFor(booking, args);
  // The audit shows what this action is about: the driver for an assignment, both for a move on the board.
  const shown = (p: Placement) => (args.action === "bookings.assign" ? { assignedDriverId: p.assignedDriverId } : p);
  const entry = args.actor && {
    ...args.actor,
    action: args.action,
    fleetId: args.fleetId,
    objectType: "Booking",
    objectId: booking.id,
    before: shown(before),
    after: shown(after),
  };
  if (before.vehicleId === after.vehicleId && before.assignedDriverId === after.assignedDriverId) {
    if (entry) await writeAudit(entry);
    return { before, after, notified: false };
  }
  await db.$transaction(async (tx) => {
    await tx.booking.update({ where: { id: booking.id }, data: after });
    if (entry) await writeAudit(entry, tx);
    await emitWebhook(tx, {
      fleetId: booking.fleetId,
      event: "booking.assigned",
      data: {
        bookingId: booking.id,
        driverId: after.assignedDriverId,
        vehicleId: after.vehicleId,
        previousDriverId: before.assignedDriverId,
        previousVehicleId: before.vehicleId,
      },
    });
  });
  if (after.assignedDriverId === before.assignedDriverId) return { before, after, notified: false };
  if (before.assignedDriverId) {
    const { charger, windowStart, windowEnd } = bookingAssignedFacts(booking);
    await notifyUser({
      userId: before.assignedDriverId,
      kind: "booking.unassigned",
      facts: { charger, windowStart, windowEnd },
      data: { bookingId: booking.id, fleetId: booking.fleetId },
    });
  }
  if (!after.assignedDriverId) return { before, after, notified: false };
  await notifyUser({
    userId: after.assignedDriverId,
    kind: "booking.assigned",
    facts: bookingAssignedFacts(booking),
    data: { bookingId: booking.id, fleetId: booking.fleetId },
    email: true,
  });
  return { before, after, notified: true };
}

/** Hands a fleet-paid booking to a driver (null: to nobody). */
export async function assignBooking(args: {
  fleetId: string;
  bookingId: string;
  driverId: string | null;
  actor?: AuditActor;
}): Promise<{ before: string | null; after: string | null; notified: boolean }> {
  const moved = await moveBooking({ ...args, action: "bookings.assign" });
  return { before: moved.before.assignedDriverId, after: moved.after.assignedDriverId, notified: moved.notified };
}

/** The dispatch board's move: to another vehicle (its default driver comes along), or to another driver. */
export async function reassignBooking(args: {
  fleetId: string;
  bookingId: string;
  vehicleId?: string | null;
  driverId?: string | null;
  actor?: AuditActor;
}): Promise<{ before: Placement; after: Placement; notified: boolean }> {
  return moveBooking({ ...args, action: "bookings.reassign" });
}
