// A booking's life after submission, against the sandbox: the reconciler's one list call, no-shows with
// fees, refused transitions, cancelling by the provider's rules, and dispatching to a driver.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { currentRequestPriority, type RequestPriority } from "@/lib/providers/budget";
import { assignBooking } from "./assign-booking";
import { cancelBooking } from "./cancel-booking";
import type { BookableEvse } from "./chargers";
import { createBooking } from "./create-booking";
import { listDriverBookings } from "./records";
import { refreshBookingsInView } from "./jobs";
import type { BookingProviders } from "./providers";
import { syncOpenBookings } from "./reconcile";
import { changeStatus } from "./transitions";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxAdmin,
  sandboxProviders,
  testWindow,
  type TestFleet,
  type TestWindow,
} from "./testing/fixtures";

const providers = sandboxProviders();
let fleet: TestFleet;
let otherFleet: TestFleet;
let window: TestWindow;
let evses: BookableEvse[];
let next = 0;

beforeAll(async () => {
  fleet = await createTestFleet("Lifecycle fleet");
  otherFleet = await createTestFleet("Other fleet");
  // Later than the other file's window, so the shared sandbox never reports a slot as taken.
  window = await testWindow({ leadMinutes: 6 * 60 });
  evses = await reservableEvsesNearBerlin(providers, 12, window);
});

afterEach(async () => {
  await sandboxAdmin("DELETE", "/faults");
});

async function book() {
  const outcome = await createBooking(
    { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request: groupBookingRequest(evses[next++], window) },
    providers,
  );
  expect(outcome.failure).toBeUndefined();
  return db.booking.findUniqueOrThrow({ where: { id: outcome.bookingId } });
}

async function forceAtProvider(providerBookingId: string, status: string, extra: object = {}) {
  await sandboxAdmin("POST", `/petitmonde/bookings/${providerBookingId}/status`, { status, ...extra });
}

describe("reconciling open bookings", () => {
  it("refreshes every open booking with one list request and records a no-show with its fee", async () => {
    const a = await book();
    const b = await book();
    await forceAtProvider(a.providerBookingId!, "NO_SHOW", { noShowFeeEur: 12.5 });
    await forceAtProvider(b.providerBookingId!, "CONFIRMED");

    const result = await syncOpenBookings(providers, { bookingIds: [a.id, b.id] });
    expect(result.providerRequests).toBe(1);
    expect(result.changed).toBe(2);

    const noShow = await db.booking.findUniqueOrThrow({ where: { id: a.id }, include: { events: true } });
    expect(noShow.status).toBe("NO_SHOW");
    expect(noShow.feeMinor).toBe(1250);
    expect(noShow.events.map((e) => e.status)).toContain("NO_SHOW");
    // The dispatcher who booked it is told.
    const note = await db.notification.findFirst({ where: { userId: fleet.dispatcherId, kind: "booking.no_show" } });
    expect(note?.data).toMatchObject({ bookingId: a.id });
    expect((await db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("CONFIRMED");
  });

  it("records the session a completed booking stands for from the same answer, once", async () => {
    const a = await book();
    await forceAtProvider(a.providerBookingId!, "COMPLETED");

    const result = await syncOpenBookings(providers, { bookingIds: [a.id] });
    expect(result.providerRequests).toBe(1);
    expect(result.sessionsRecorded).toBe(1);
    const sessions = await db.chargingSession.findMany({ where: { bookingId: a.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      fleetId: fleet.fleetId,
      providerSessionId: a.providerBookingId,
      status: "COMPLETE",
    });
    expect(sessions[0].priceInclVatMinor).toBeGreaterThan(0);

    // The booking is no longer open: the next round neither asks about it nor records it again.
    const again = await syncOpenBookings(providers, { bookingIds: [a.id] });
    expect(again.sessionsRecorded).toBe(0);
    expect(await db.chargingSession.count({ where: { bookingId: a.id } })).toBe(1);
  });

  it("refuses an illegal change reported by the provider and keeps the last good status", async () => {
    const booking = await book();
    await forceAtProvider(booking.providerBookingId!, "CONFIRMED");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    await forceAtProvider(booking.providerBookingId!, "PENDING");
    const result = await syncOpenBookings(providers, { bookingIds: [booking.id] });
    expect(result.refused).toBe(1);
    const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id }, include: { events: true } });
    expect(after.status).toBe("CONFIRMED");
    expect(after.events.filter((e) => e.status === "PENDING" && e.at > after.statusUpdatedAt)).toHaveLength(0);
  });

  it("records a change once when two writers race", async () => {
    const booking = await book();
    const outcomes = await Promise.all([
      changeStatus(booking, { to: "CANCELLED", source: "a" }),
      changeStatus(booking, { to: "CANCELLED", source: "b" }),
    ]);
    expect(outcomes.sort()).toEqual(["applied", "stale"]);
    expect(await db.bookingEvent.count({ where: { bookingId: booking.id, status: "CANCELLED" } })).toBe(1);
  });

  it("refreshes what a page shows at a search's priority, never at the bookings' own", async () => {
    const booking = await book();
    const asked: RequestPriority[] = [];
    const watching: BookingProviders = {
      forProvider(name) {
        const adapter = providers.forProvider(name);
        return Object.assign(Object.create(adapter) as typeof adapter, {
          refresh: (...args: Parameters<typeof adapter.refresh>) => {
            asked.push(currentRequestPriority());
            return adapter.refresh(...args);
          },
        });
      },
    };
    await db.syncCursor.deleteMany({ where: { key: "bookings.view-refresh" } });
    expect(await refreshBookingsInView([booking.id], watching)).toBe(true);
    // The reconciler's own round, for comparison: unmarked work counts as bookings.
    await syncOpenBookings(watching, { bookingIds: [booking.id] });
    expect(asked).toEqual(["explicit", "booking"]);
  });
});

describe("cancelling", () => {
  it("cancels for free while the operator decides", async () => {
    const booking = await book();
    await forceAtProvider(booking.providerBookingId!, "PENDING");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    const result = await cancelBooking(
      { fleetId: fleet.fleetId, bookingId: booking.id, acceptFee: false, reason: "test" },
      providers,
    );
    expect(result.status).toBe("CANCELLED");
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CANCELLED");
  });

  it("asks before cancelling a confirmed booking, then cancels", async () => {
    const booking = await book();
    await forceAtProvider(booking.providerBookingId!, "CONFIRMED");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    await expect(
      cancelBooking({ fleetId: fleet.fleetId, bookingId: booking.id, acceptFee: false, reason: "test" }, providers),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { needsConfirmation: true },
    });
    const result = await cancelBooking(
      { fleetId: fleet.fleetId, bookingId: booking.id, acceptFee: true, reason: "test" },
      providers,
    );
    expect(result.status).toBe("CANCELLED");
  });

  it("refuses when the vehicle is already at the charger, even if we had not heard yet", async () => {
    const booking = await book();
    await forceAtProvider(booking.providerBookingId!, "CONFIRMED");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    await forceAtProvider(booking.providerBookingId!, "ATTENDING");
    const refusal = await cancelBooking(
      { fleetId: fleet.fleetId, bookingId: booking.id, acceptFee: true, reason: "test" },
      providers,
    ).catch((error: unknown) => error);
    expect(toFailure(refusal, "test")).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already at the charger/),
    });
    expect(toFailure(refusal, "test", failureWords("de")).message).toBe(
      "Das Fahrzeug ist bereits an der Ladestation; die Buchung kann nicht mehr storniert werden.",
    );
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("ATTENDING");
  });

  it("does not find another fleet's booking", async () => {
    const booking = await book();
    await expect(
      cancelBooking({ fleetId: otherFleet.fleetId, bookingId: booking.id, acceptFee: true, reason: "x" }, providers),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("dispatching", () => {
  it("assigns a fleet booking to a driver, who is notified with where, when and which token", async () => {
    const booking = await book();
    const result = await assignBooking({ fleetId: fleet.fleetId, bookingId: booking.id, driverId: fleet.driverId });
    expect(result).toMatchObject({ before: null, after: fleet.driverId, notified: true });
    const note = await db.notification.findFirstOrThrow({
      where: { userId: fleet.driverId, kind: "booking.assigned" },
    });
    const charger = booking.locationSnapshot as { name: string; timeZone: string };
    expect(note.title).toContain(charger.name);
    expect(note.body).toContain(charger.timeZone);
    expect(note.body).toContain(fleet.fleetGroupId);

    // Only that driver sees it.
    expect((await listDriverBookings(fleet.fleetId, fleet.driverId)).map((b) => b.id)).toContain(booking.id);
    expect((await listDriverBookings(fleet.fleetId, fleet.otherDriverId)).map((b) => b.id)).not.toContain(booking.id);

    // Reassigning moves it.
    await assignBooking({ fleetId: fleet.fleetId, bookingId: booking.id, driverId: fleet.otherDriverId });
    expect((await listDriverBookings(fleet.fleetId, fleet.driverId)).map((b) => b.id)).not.toContain(booking.id);
  });

  it("refuses drivers of other fleets and people who are not drivers", async () => {
    const booking = await book();
    await expect(
      assignBooking({ fleetId: fleet.fleetId, bookingId: booking.id, driverId: otherFleet.driverId }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      assignBooking({ fleetId: fleet.fleetId, bookingId: booking.id, driverId: fleet.managerId }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
