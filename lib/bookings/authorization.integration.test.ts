// Every booking action and route refuses drivers, managers and members of other fleets, and writes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { storeBooking } from "./create-booking";
import { createTestFleet, type TestFleet } from "./testing/fixtures";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const actions = await import("@/lib/actions/bookings");
const listRoute = await import("@/app/api/bookings/route");
const detailRoute = await import("@/app/api/bookings/detail/route");
const batchRoute = await import("@/app/api/bookings/batches/route");
const mineRoute = await import("@/app/api/bookings/mine/route");

let fleet: TestFleet;
let other: TestFleet;
let bookingId: string;
let batchId: string;

function userOf(id: string, fleetId: string, role: CurrentUser["memberships"][number]["role"]): CurrentUser {
  return { id, email: `${id}@test`, name: id, memberships: [{ fleetId, fleetName: "f", role }] };
}

beforeAll(async () => {
  fleet = await createTestFleet("Guarded fleet");
  other = await createTestFleet("Intruder fleet");
  const start = new Date(Date.now() + 2 * 60 * 60_000);
  const booking = await storeBooking({
    fleetId: fleet.fleetId,
    createdById: fleet.dispatcherId,
    request: {
      provider: "PETITMONDE",
      locationId: "loc",
      evseUid: "evse",
      charger: {
        name: "Guarded charger",
        latitude: 52.5,
        longitude: 13.4,
        timeZone: "Europe/Berlin",
        reservable: true,
      },
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 60 * 60_000).toISOString(),
      tokenStrategy: "GROUP_TOKEN",
    },
  });
  bookingId = booking.id;
  batchId = (await db.bookingBatch.create({ data: { fleetId: fleet.fleetId, createdById: fleet.dispatcherId } })).id;
});

const request = () => {
  const start = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
  const end = new Date(Date.now() + 3 * 60 * 60_000).toISOString();
  const line = {
    provider: "PETITMONDE",
    locationId: "loc",
    evseUid: "evse",
    charger: { name: "x", latitude: 52.5, longitude: 13.4, timeZone: "Europe/Berlin", reservable: true },
    windowStart: start,
    windowEnd: end,
    tokenStrategy: "GROUP_TOKEN",
  };
  return line;
};

/** Each booking action with a valid input for the guarded fleet. */
const ACTION_CALLS: Record<string, (fleetId: string) => Promise<{ ok: boolean; error?: { code: string } }>> = {
  "bookings.create": (fleetId) => actions.createBookingAction({ fleetId, ...request() }),
  "bookings.retry": (fleetId) => actions.retryBookingAction({ fleetId, bookingId }),
  "bookings.cancel": (fleetId) => actions.cancelBookingAction({ fleetId, bookingId, acceptFee: true }),
  "bookings.assign": (fleetId) => actions.assignBookingAction({ fleetId, bookingId, driverId: fleet.driverId }),
  "bookings.batch.create": (fleetId) => actions.createBatchAction({ fleetId, items: [request()] }),
  "bookings.batch.retry-item": (fleetId) => actions.retryBatchItemAction({ fleetId, batchId, position: 0 }),
  "bookings.cancel-many": (fleetId) =>
    actions.cancelManyBookingsAction({ fleetId, bookingIds: [bookingId], acceptFee: true }),
  "bookings.assign-many": (fleetId) =>
    actions.assignManyBookingsAction({ fleetId, bookingIds: [bookingId], driverId: fleet.driverId }),
};

const ROUTE_CALLS: Record<string, (fleetId: string) => Promise<Response>> = {
  "bookings.list": (fleetId) => listRoute.GET(new Request(`http://local/api/bookings?fleetId=${fleetId}`)),
  "bookings.detail": (fleetId) =>
    detailRoute.GET(new Request(`http://local/api/bookings/detail?fleetId=${fleetId}&bookingId=${bookingId}`)),
  "bookings.batch-progress": (fleetId) =>
    batchRoute.GET(new Request(`http://local/api/bookings/batches?fleetId=${fleetId}&batchId=${batchId}`)),
};

async function bookingState() {
  const b = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  return {
    status: b.status,
    assignedDriverId: b.assignedDriverId,
    count: await db.booking.count(),
    batches: await db.bookingBatch.count(),
  };
}

describe("booking authorization", () => {
  const intruders = () =>
    [
      ["a driver of the fleet", userOf(fleet.driverId, fleet.fleetId, "DRIVER")],
      ["a manager of the fleet", userOf(fleet.managerId, fleet.fleetId, "MANAGER")],
      ["a dispatcher of another fleet", userOf(other.dispatcherId, other.fleetId, "DISPATCHER")],
    ] as const;

  it.each(Object.keys(ACTION_CALLS))(
    "refuses %s to drivers, managers and other fleets, changing nothing",
    async (name) => {
      const before = await bookingState();
      for (const [, user] of intruders()) {
        session.user = user;
        const result = await ACTION_CALLS[name](fleet.fleetId);
        expect(result.ok).toBe(false);
        expect(result.error?.code).toBe("FORBIDDEN");
      }
      expect(await bookingState()).toEqual(before);
    },
  );

  it.each(Object.keys(ROUTE_CALLS))("refuses the %s route to drivers, managers and other fleets", async (name) => {
    for (const [, user] of intruders()) {
      session.user = user;
      const response = await ROUTE_CALLS[name](fleet.fleetId);
      expect(response.status).toBe(403);
    }
  });

  it("refuses a dispatcher naming their own fleet but another fleet's booking", async () => {
    session.user = userOf(other.dispatcherId, other.fleetId, "DISPATCHER");
    const result = await actions.cancelBookingAction({ fleetId: other.fleetId, bookingId, acceptFee: true });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const response = await detailRoute.GET(
      new Request(`http://local/api/bookings/detail?fleetId=${other.fleetId}&bookingId=${bookingId}`),
    );
    expect(response.status).toBe(404);
  });

  it("refuses signed-out callers", async () => {
    session.user = null;
    expect(
      await actions.assignBookingAction({ fleetId: fleet.fleetId, bookingId, driverId: fleet.driverId }),
    ).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("shows a driver only their own bookings, and refuses the driver route to dispatchers", async () => {
    await db.booking.update({ where: { id: bookingId }, data: { assignedDriverId: fleet.driverId } });
    session.user = userOf(fleet.otherDriverId, fleet.fleetId, "DRIVER");
    const mine = (await (
      await mineRoute.GET(new Request(`http://local/api/bookings/mine?fleetId=${fleet.fleetId}`))
    ).json()) as { bookings: unknown[] };
    expect(mine.bookings).toHaveLength(0);
    session.user = userOf(fleet.driverId, fleet.fleetId, "DRIVER");
    const own = (await (
      await mineRoute.GET(new Request(`http://local/api/bookings/mine?fleetId=${fleet.fleetId}`))
    ).json()) as { bookings: Array<{ id: string }> };
    expect(own.bookings.map((b) => b.id)).toEqual([bookingId]);
    session.user = userOf(fleet.dispatcherId, fleet.fleetId, "DISPATCHER");
    expect((await mineRoute.GET(new Request(`http://local/api/bookings/mine?fleetId=${fleet.fleetId}`))).status).toBe(
      403,
    );
  });

  it("lets a dispatcher of the fleet assign, and audits it", async () => {
    session.user = userOf(fleet.dispatcherId, fleet.fleetId, "DISPATCHER");
    const result = await actions.assignBookingAction({
      fleetId: fleet.fleetId,
      bookingId,
      driverId: fleet.otherDriverId,
    });
    expect(result.ok).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "bookings.assign", objectId: bookingId } });
    expect(entry.after).toEqual({ assignedDriverId: fleet.otherDriverId });
  });
});
