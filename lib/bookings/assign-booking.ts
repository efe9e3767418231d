// Dispatching: a fleet (group token) booking is handed to one of the fleet's drivers, who is told
// where to go, when, and which token to use — in the app, and by email when SMTP is configured.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db";
import { createFormatter } from "@/lib/format";
import { DEFAULT_LOCALE } from "@/lib/format/reader";
import { notifyUser } from "@/lib/notifications/notifications";
import { addressLine, chargerMapLink, coordinatesText, tokenInstructions } from "./presentation";
import { getBookingOrThrow } from "./records";
import type { ChargerSnapshot } from "./schemas";
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
    throw new DomainError("CONFLICT", "This booking uses a driver's own token and cannot be given to someone else.");
  }
  if (isFinal(booking.status)) throw new DomainError("CONFLICT", "This booking is over; it can no longer be assigned.");
  if (args.driverId) {
    const membership = await db.membership.findUnique({
      where: { userId_fleetId: { userId: args.driverId, fleetId: args.fleetId } },
    });
    if (!membership || membership.role !== "DRIVER") {
      throw new DomainError("VALIDATION", "Some fields need your attention.", {
        driverId: ["Choose a driver of this fleet"],
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

  const charger = booking.locationSnapshot as unknown as ChargerSnapshot;
  const window = createFormatter({ locale: DEFAULT_LOCALE }).window(
    booking.windowStart,
    booking.windowEnd,
    charger.timeZone,
  );
  const address = addressLine(charger);
  const token = tokenInstructions(booking);
  const link = chargerMapLink(charger);
  const coordinates = coordinatesText(charger);
  const body = [`${charger.name}${address ? `, ${address}` : ""}`, window, token].join("\n");
  await notifyUser({
    userId: args.driverId,
    kind: "booking.assigned",
    title: `Charging booked for you: ${charger.name}`,
    body,
    data: { bookingId: booking.id, fleetId: booking.fleetId },
    email: {
      subject: `Charging booked for you: ${charger.name}`,
      text: [
        "A charger has been booked for you.",
        "",
        `Where: ${charger.name}`,
        address ? `Address: ${address}` : null,
        coordinates ? `Coordinates: ${coordinates}` : null,
        `Map: ${link}`,
        `When: ${window}`,
        `Token: ${token}`,
      ]
        .filter((line) => line !== null)
        .join("\n"),
    },
  });
  return { before, after: args.driverId, notified: true };
}
