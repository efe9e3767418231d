// The bookings list's bulk actions against the sandbox: each selected booking is cancelled or assigned as a
// single one would be, with its own audit entry and its own outcome; another fleet's booking in the
// selection is refused and left alone; one provider failure neither stops nor repeats the others.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { BookableEvse } from "./chargers";
import { createBooking, storeBooking } from "./create-booking";
import { syncOpenBookings } from "./reconcile";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxAdmin,
  sandboxBookingsWithExternalId,
  sandboxProviders,
  testWindow,
  type TestFleet,
  type TestWindow,
} from "./testing/fixtures";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const actions = await import("@/lib/actions/bookings");
const exportRoute = await import("@/app/api/bookings/export/route");

const providers = sandboxProviders();
let fleet: TestFleet;
let other: TestFleet;
let window: TestWindow;
let evses: BookableEvse[];
let next = 0;

function dispatcherOf(f: TestFleet): CurrentUser {
  return {
    id: f.dispatcherId,
    email: `${f.dispatcherId}@test`,
    name: "Dispatcher",
    memberships: [{ fleetId: f.fleetId, fleetName: "f", role: "DISPATCHER" }],
  };
}

beforeAll(async () => {
  fleet = await createTestFleet("Bulk fleet");
  other = await createTestFleet("Bulk neighbour");
  // Two days ahead and a few odd minutes: no other file books this window at the shared sandbox.
  window = await testWindow({ leadMinutes: 2 * 24 * 60 + 17 + Math.floor(Math.random() * 200), hours: 1 });
  evses = await reservableEvsesNearBerlin(providers, 14, window);
});

afterEach(async () => {
  await sandboxAdmin("DELETE", "/faults");
});

async function book(f: TestFleet = fleet, atProvider?: "PENDING" | "CONFIRMED" | "ATTENDING") {
  const outcome = await createBooking(
    { fleetId: f.fleetId, createdById: f.dispatcherId, request: groupBookingRequest(evses[next++], window) },
    providers,
  );
  expect(outcome.failure).toBeUndefined();
  const booking = await db.booking.findUniqueOrThrow({ where: { id: outcome.bookingId } });
  if (atProvider) {
    await sandboxAdmin("POST", `/petitmonde/bookings/${booking.providerBookingId}/status`, { status: atProvider });
    // ATTENDING is what the provider knows and we have not heard yet: ours stays CONFIRMED.
    if (atProvider !== "ATTENDING") await syncOpenBookings(providers, { bookingIds: [booking.id] });
  }
  return db.booking.findUniqueOrThrow({ where: { id: booking.id } });
}

const cancelEntries = (bookingId: string) =>
  db.auditLog.findMany({ where: { action: "bookings.cancel", objectId: bookingId } });

describe("cancelling many bookings", () => {
  it("cancels each it can, says why the others were not, and audits each cancelled one", async () => {
    const free = await book(fleet, "PENDING");
    const confirmed = await book(fleet, "CONFIRMED");
    const arrived = await book(fleet, "CONFIRMED");
    await sandboxAdmin("POST", `/petitmonde/bookings/${arrived.providerBookingId}/status`, { status: "ATTENDING" });
    const theirs = await book(other, "PENDING");

    session.user = dispatcherOf(fleet);
    const answer = await actions.cancelManyBookingsAction({
      fleetId: fleet.fleetId,
      bookingIds: [free.id, confirmed.id, arrived.id, theirs.id],
      acceptFee: true,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const byId = new Map(answer.data.outcomes.map((o) => [o.bookingId, o.outcome]));
    expect(answer.data.outcomes.map((o) => o.bookingId)).toEqual([free.id, confirmed.id, arrived.id, theirs.id]);

    expect(byId.get(free.id)).toMatchObject({ ok: true, status: "CANCELLED" });
    expect(byId.get(confirmed.id)).toMatchObject({ ok: true, status: "CANCELLED" });
    expect(byId.get(arrived.id)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringMatching(/already at the charger/) },
    });
    expect(byId.get(theirs.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    // What the answer says is what is stored: the fee the provider reported, the refused one as it now is.
    const stored = await db.booking.findUniqueOrThrow({ where: { id: confirmed.id } });
    expect(stored.status).toBe("CANCELLED");
    expect(byId.get(confirmed.id)).toMatchObject({ feeMinor: stored.feeMinor });
    expect((await db.booking.findUniqueOrThrow({ where: { id: free.id } })).status).toBe("CANCELLED");
    expect((await db.booking.findUniqueOrThrow({ where: { id: arrived.id } })).status).toBe("ATTENDING");

    // Each cancelled booking has its own entry, by the dispatcher, as a single cancel writes it.
    for (const b of [free, confirmed]) {
      const entries = await cancelEntries(b.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorId: fleet.dispatcherId,
        fleetId: fleet.fleetId,
        objectType: "Booking",
        after: { status: "CANCELLED" },
      });
    }
    expect(await cancelEntries(arrived.id)).toHaveLength(0);

    // The other fleet's booking is untouched, here and at the provider, and nothing was written about it.
    expect((await db.booking.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("PENDING");
    expect(await sandboxBookingsWithExternalId(theirs.externalId)).toEqual([
      expect.objectContaining({ status: "PENDING" }),
    ]);
    expect(await db.auditLog.count({ where: { objectId: theirs.id } })).toBe(0);
  });

  it("asks before the confirmed ones when the fee is not accepted, and still cancels the free ones", async () => {
    const free = await book(fleet, "PENDING");
    const confirmed = await book(fleet, "CONFIRMED");
    session.user = dispatcherOf(fleet);
    const answer = await actions.cancelManyBookingsAction({
      fleetId: fleet.fleetId,
      bookingIds: [free.id, confirmed.id],
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const [first, second] = answer.data.outcomes;
    expect(first.outcome).toMatchObject({ ok: true, status: "CANCELLED" });
    expect(second.outcome).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", details: { needsConfirmation: true } },
    });
    expect((await db.booking.findUniqueOrThrow({ where: { id: confirmed.id } })).status).toBe("CONFIRMED");
  });

  it("lets a provider failure on one booking neither stop nor repeat the others", async () => {
    const [a, b, c] = [await book(fleet, "PENDING"), await book(fleet, "PENDING"), await book(fleet, "PENDING")];
    await sandboxAdmin("PUT", "/faults", {
      endpoints: [
        { pattern: `/petitmonde/api/v1/client/bookings/${b.providerBookingId}/cancel`, method: "POST", errorRate: 1 },
      ],
    });
    session.user = dispatcherOf(fleet);
    const answer = await actions.cancelManyBookingsAction({
      fleetId: fleet.fleetId,
      bookingIds: [a.id, b.id, c.id, a.id],
    });
    if (!answer.ok) throw new Error(answer.error.message);
    // A booking named twice is cancelled once.
    expect(answer.data.outcomes.map((o) => [o.bookingId, o.outcome.ok])).toEqual([
      [a.id, true],
      [b.id, false],
      [c.id, true],
    ]);
    const failed = answer.data.outcomes[1].outcome;
    expect(failed.ok ? null : failed.error.code).toMatch(/PROVIDER|INTERNAL/);

    for (const done of [a, c]) {
      expect((await db.booking.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("CANCELLED");
      expect(await sandboxBookingsWithExternalId(done.externalId)).toEqual([
        expect.objectContaining({ status: "CANCELLED" }),
      ]);
      expect(await cancelEntries(done.id)).toHaveLength(1);
    }
    expect((await db.booking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("PENDING");
    expect(await sandboxBookingsWithExternalId(b.externalId)).toEqual([expect.objectContaining({ status: "PENDING" })]);
    expect(await cancelEntries(b.id)).toHaveLength(0);
  });

  it("refuses more than 100 bookings at once with a field error, touching none", async () => {
    const free = await book(fleet, "PENDING");
    session.user = dispatcherOf(fleet);
    const answer = await actions.cancelManyBookingsAction({
      fleetId: fleet.fleetId,
      bookingIds: [free.id, ...Array.from({ length: 100 }, (_, i) => `missing-${i}`)],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(answer.ok ? null : answer.error.fieldErrors?.bookingIds?.[0]).toMatch(/100/);
    expect((await db.booking.findUniqueOrThrow({ where: { id: free.id } })).status).toBe("PENDING");
  });
});

describe("assigning many bookings", () => {
  it("assigns the fleet-paid ones, refuses a driver-token one and another fleet's, audits and tells the driver", async () => {
    const stored = async (f: TestFleet) =>
      storeBooking({ fleetId: f.fleetId, createdById: f.dispatcherId, request: groupBookingRequest(evses[0], window) });
    const [one, two, bound, theirs] = [
      await stored(fleet),
      await stored(fleet),
      await stored(fleet),
      await stored(other),
    ];
    await db.booking.update({ where: { id: bound.id }, data: { tokenStrategy: "DRIVER_TOKEN" } });

    session.user = dispatcherOf(fleet);
    const answer = await actions.assignManyBookingsAction({
      fleetId: fleet.fleetId,
      bookingIds: [one.id, two.id, bound.id, theirs.id],
      driverId: fleet.driverId,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.outcomes.map((o) => [o.bookingId, o.outcome.ok ? "ok" : o.outcome.error.code])).toEqual([
      [one.id, "ok"],
      [two.id, "ok"],
      [bound.id, "CONFLICT"],
      [theirs.id, "NOT_FOUND"],
    ]);
    for (const b of [one, two]) {
      expect((await db.booking.findUniqueOrThrow({ where: { id: b.id } })).assignedDriverId).toBe(fleet.driverId);
      const entries = await db.auditLog.findMany({ where: { action: "bookings.assign", objectId: b.id } });
      expect(entries.map((e) => e.after)).toEqual([{ assignedDriverId: fleet.driverId }]);
    }
    const notices = await db.notification.findMany({ where: { userId: fleet.driverId, kind: "booking.assigned" } });
    expect(notices.map((n) => (n.data as { bookingId: string }).bookingId).sort()).toEqual([one.id, two.id].sort());
    for (const b of [bound, theirs]) {
      expect((await db.booking.findUniqueOrThrow({ where: { id: b.id } })).assignedDriverId).toBeNull();
      expect(await db.auditLog.count({ where: { objectId: b.id } })).toBe(0);
    }
  });
});

describe("the selection as CSV", () => {
  const csvOf = (fleetId: string, ids: string[]) =>
    exportRoute.GET(
      new Request(`http://local/api/bookings/export?fleetId=${fleetId}&${ids.map((id) => `ids=${id}`).join("&")}`),
    );

  it("holds the selected bookings of the fleet only", async () => {
    const stored = async (f: TestFleet) =>
      storeBooking({ fleetId: f.fleetId, createdById: f.dispatcherId, request: groupBookingRequest(evses[1], window) });
    const [picked, alsoPicked, left, theirs] = [
      await stored(fleet),
      await stored(fleet),
      await stored(fleet),
      await stored(other),
    ];
    session.user = dispatcherOf(fleet);
    const response = await csvOf(fleet.fleetId, [picked.id, alsoPicked.id, theirs.id]);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain(picked.externalId);
    expect(csv).toContain(alsoPicked.externalId);
    expect(csv).not.toContain(left.externalId);
    expect(csv).not.toContain(theirs.externalId);
  });

  it("refuses more than 500 ids with a field error", async () => {
    session.user = dispatcherOf(fleet);
    const response = await csvOf(
      fleet.fleetId,
      Array.from({ length: 501 }, (_, i) => `b${i}`),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors.ids?.[0]).toMatch(/500/);
  });
});
