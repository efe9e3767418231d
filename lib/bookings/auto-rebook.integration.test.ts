// Automatic re-booking against the sandbox and a throwaway PostgreSQL: a booking that opted in and expires, is
// refused as taken or is cancelled by the operator gets the nearest compatible free charge point for the rest of
// its window, once, and its dispatcher and driver are told; one the fleet cancelled itself, or one that did not
// opt in, is left alone; one whose window is nearly over is not re-booked, and the people are told why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { cancelBooking } from "@/lib/bookings/cancel-booking";
import { createBooking } from "@/lib/bookings/create-booking";
import { syncOpenBookings } from "@/lib/bookings/reconcile";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxAdmin,
  sandboxProviders,
  testWindow,
  type TestFleet,
  type TestWindow,
} from "@/lib/bookings/testing/fixtures";
import { db } from "@/lib/db";
import { autoRebook, runDueRebookings } from "./auto-rebook";
import { createBatch, runBatchItems } from "./batches";

const providers = sandboxProviders();
let fleet: TestFleet;
let window: TestWindow;
let evses: BookableEvse[];

beforeAll(async () => {
  fleet = await createTestFleet("Re-booking fleet");
  window = await testWindow({ leadMinutes: 10 * 60 });
  // Replacements take charge points of this list too, and a run takes up to a dozen: keep plenty in hand.
  evses = await reservableEvsesNearBerlin(providers, 30, window);
});

// The facade's rate limiter holds a pool on this file's database, which is dropped after the file.
afterAll(async () => {
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

const force = (providerBookingId: string, status: string) =>
  sandboxAdmin("POST", `/petitmonde/bookings/${providerBookingId}/status`, { status });

/** The next Berlin charge point no booking of this file holds (replacements take some of them too). */
async function freeEvse(): Promise<BookableEvse> {
  const held = new Set((await db.booking.findMany({ select: { evseUid: true } })).map((b) => b.evseUid));
  const evse = evses.find((e) => !held.has(e.evseUid));
  if (!evse) throw new Error("no Berlin charge point left for this file");
  return evse;
}

/** A booking for the fleet's driver, at a charge point no booking of this file holds unless one is given. */
async function book(rebookWithinKm?: number, at?: BookableEvse) {
  const evse = at ?? (await freeEvse());
  const outcome = await createBooking(
    {
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      request: { ...groupBookingRequest(evse, window), driverId: fleet.driverId, rebookWithinKm },
    },
    providers,
  );
  return { outcome, booking: await db.booking.findUniqueOrThrow({ where: { id: outcome.bookingId } }) };
}

/** Great-circle distance, for checking the radius. */
function kmBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const replacementOf = (bookingId: string) => db.booking.findUnique({ where: { rebookedFromId: bookingId } });
const notificationsOf = (userId: string, kind: string) =>
  db.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });

describe("automatic re-booking", () => {
  it("re-books an expired booking that opted in at the nearest free compatible charge point, once, and tells both", async () => {
    const { booking } = await book(10);
    await force(booking.providerBookingId!, "EXPIRED");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    const expired = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(expired).toMatchObject({ status: "EXPIRED", rebookOutcome: null });
    expect(expired.rebookDueAt).not.toBeNull();

    expect(await runDueRebookings(providers)).toEqual({ ran: true, done: 1 });
    const replacement = await replacementOf(booking.id);
    expect(replacement).not.toBeNull();
    expect(replacement!.evseUid).not.toBe(booking.evseUid);
    expect(["REQUESTED", "PENDING", "CONFIRMED"]).toContain(replacement!.status);
    expect(replacement).toMatchObject({
      fleetId: fleet.fleetId,
      windowStart: booking.windowStart,
      windowEnd: booking.windowEnd,
      assignedDriverId: fleet.driverId,
      createdById: fleet.dispatcherId,
      rebookWithinKm: 10,
    });
    type Place = { connectorStandard?: string; latitude: number; longitude: number };
    const from = booking.locationSnapshot as Place;
    const to = replacement!.locationSnapshot as Place;
    expect(to.connectorStandard).toBe(from.connectorStandard);
    expect(kmBetween(from, to)).toBeLessThanOrEqual(10);
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).rebookOutcome).toBe("rebooked");

    // Told, in their bell, what changed: the dispatcher who booked and the driver it is for.
    for (const userId of [fleet.dispatcherId, fleet.driverId]) {
      const [told] = await notificationsOf(userId, "booking.rebooked");
      expect(told.data).toMatchObject({ bookingId: replacement!.id, facts: { cause: "expired" } });
    }
    // A fall-through that was made good raises no alert and no word of the expiry on its own: the word of the
    // replacement says both. The audit trail says what the dashboard did and why.
    expect(await db.alert.count({ where: { bookingId: booking.id } })).toBe(0);
    const expiryWords = await notificationsOf(fleet.dispatcherId, "booking.expired");
    expect(expiryWords.filter((n) => (n.data as { bookingId?: string }).bookingId === booking.id)).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "bookings.auto-rebook", objectId: booking.id },
    });
    expect(audit).toMatchObject({
      actorId: null,
      after: { cause: "expired", outcome: "rebooked", bookingId: replacement!.id },
    });
    expect(
      await db.auditLog.count({ where: { action: "bookings.create", objectId: replacement!.id, actorId: null } }),
    ).toBe(1);

    // Never twice: another run, or the booking looked at again, books nothing more.
    expect(await runDueRebookings(providers)).toEqual({ ran: true, done: 0 });
    expect(await autoRebook(booking.id, providers)).toEqual({ outcome: "none" });
    expect(await db.booking.count({ where: { rebookedFromId: booking.id } })).toBe(1);
    expect(await notificationsOf(fleet.driverId, "booking.rebooked")).toHaveLength(1);
  });

  it("re-books a charge point refused as taken, and a booking the operator cancelled", async () => {
    const held = await freeEvse();
    expect((await book(undefined, held)).outcome.failure).toBeUndefined();
    const { outcome, booking: refused } = await book(5, held);
    expect(outcome.failure?.code).toBe("CONFLICT");
    expect(refused.status).toBe("FAILED");
    expect(refused.rebookDueAt).not.toBeNull();

    const { booking: cancelled } = await book(5);
    await force(cancelled.providerBookingId!, "CANCELLED");
    await syncOpenBookings(providers, { bookingIds: [cancelled.id] });
    expect((await db.booking.findUniqueOrThrow({ where: { id: cancelled.id } })).rebookDueAt).not.toBeNull();

    expect(await runDueRebookings(providers)).toEqual({ ran: true, done: 2 });
    for (const [original, cause] of [
      [refused, "taken"],
      [cancelled, "cancelled"],
    ] as const) {
      const replacement = await replacementOf(original.id);
      expect(replacement?.evseUid).toBeDefined();
      expect(`${replacement!.locationId}/${replacement!.evseUid}`).not.toBe(`${held.locationId}/${held.evseUid}`);
      const audit = await db.auditLog.findFirstOrThrow({
        where: { action: "bookings.auto-rebook", objectId: original.id },
      });
      expect(audit.after).toMatchObject({ cause, outcome: "rebooked" });
    }
  });

  it("leaves alone a booking the fleet cancelled itself, and one that did not opt in", async () => {
    const { booking: ours } = await book(5);
    expect(ours.status).not.toBe("FAILED");
    await cancelBooking(
      { fleetId: fleet.fleetId, bookingId: ours.id, acceptFee: true, reason: "plans changed" },
      providers,
    );
    const { booking: plain } = await book();
    await force(plain.providerBookingId!, "EXPIRED");
    await syncOpenBookings(providers, { bookingIds: [plain.id] });

    for (const id of [ours.id, plain.id]) {
      const row = await db.booking.findUniqueOrThrow({ where: { id } });
      expect(["CANCELLED", "EXPIRED"]).toContain(row.status);
      expect(row.rebookDueAt).toBeNull();
    }
    expect(await runDueRebookings(providers)).toEqual({ ran: true, done: 0 });
    expect(await db.booking.count({ where: { rebookedFromId: { in: [ours.id, plain.id] } } })).toBe(0);
    // Without the opt-in an expiry raises its alert at once, as it always did.
    expect(await db.alert.findFirst({ where: { bookingId: plain.id } })).toMatchObject({
      kind: "booking.expired",
      status: "OPEN",
    });
  });

  it("books nothing when too little of the window is left, and tells both why", async () => {
    const { booking } = await book(5);
    await force(booking.providerBookingId!, "EXPIRED");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    // Looked at ten minutes before the window ends.
    const late = new Date(booking.windowEnd.getTime() - 10 * 60_000);
    expect(await autoRebook(booking.id, providers, late)).toEqual({ outcome: "window-over" });
    expect(await replacementOf(booking.id)).toBeNull();
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).rebookOutcome).toBe("window-over");
    // Nothing replaced it, so the expiry's alert is raised now, for someone to act on.
    expect(await db.alert.findFirst({ where: { bookingId: booking.id } })).toMatchObject({
      kind: "booking.expired",
      status: "OPEN",
    });
    for (const userId of [fleet.dispatcherId, fleet.driverId]) {
      const told = await notificationsOf(userId, "booking.rebook-failed");
      expect(told.at(-1)?.data).toMatchObject({
        bookingId: booking.id,
        facts: { cause: "expired", outcome: "window-over" },
      });
    }
    expect(await runDueRebookings(providers)).toEqual({ ran: true, done: 0 });
  });

  it("stops after three replacements in a row have fallen through, and says so", async () => {
    // A chain of four: the first booking and three replacements, the last of which now expires too.
    const chain = [];
    for (let i = 0; i < 4; i++) chain.push((await book(5)).booking);
    for (let i = 1; i < chain.length; i++)
      await db.booking.update({ where: { id: chain[i].id }, data: { rebookedFromId: chain[i - 1].id } });
    const last = chain.at(-1)!;
    await force(last.providerBookingId!, "EXPIRED");
    await syncOpenBookings(providers, { bookingIds: [last.id] });
    expect(await autoRebook(last.id, providers)).toEqual({ outcome: "attempts-used" });
    expect(await replacementOf(last.id)).toBeNull();
    const [told] = (await notificationsOf(fleet.driverId, "booking.rebook-failed")).filter(
      (n) => (n.data as { bookingId?: string }).bookingId === last.id,
    );
    expect(told?.data).toMatchObject({ facts: { cause: "expired", outcome: "attempts-used" } });
    expect(told?.body).toContain("Three charge points in a row fell through");
    expect(await db.alert.count({ where: { bookingId: last.id, status: "OPEN" } })).toBe(1);
  });

  it("re-books a batch's line that opted in, as it would a single booking", async () => {
    const held = await freeEvse();
    expect((await book(undefined, held)).outcome.failure).toBeUndefined();
    const other = evses.find((e) => e.evseUid !== held.evseUid)!;
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [held, other].map((evse) => ({ ...groupBookingRequest(evse, window), rebookWithinKm: 8 })),
    });
    await runBatchItems(providers, { spacingMs: 600 });
    const lines = await db.bookingBatchItem.findMany({
      where: { batchId },
      orderBy: { position: "asc" },
      include: { booking: true },
    });
    expect(lines.map((l) => l.booking?.rebookWithinKm)).toEqual([8, 8]);
    const taken = lines[0].booking!;
    expect(taken).toMatchObject({ status: "FAILED" });
    expect(taken.rebookDueAt).not.toBeNull();

    await runDueRebookings(providers);
    const replacement = await replacementOf(taken.id);
    expect(replacement).toMatchObject({ rebookWithinKm: 8, windowStart: taken.windowStart });
    expect(replacement!.evseUid).not.toBe(held.evseUid);
  });
});
