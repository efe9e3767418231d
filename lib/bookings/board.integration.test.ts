// The dispatch board's read (the day or week in the reader's time zone, one fleet only) and its move: to
// another vehicle, whose regular driver comes along and is told, checked and audited like every change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import type { BookingStatus, TokenStrategy } from "@/generated/prisma/client";
import { createTestFleet, type TestFleet } from "./testing/fixtures";
import { boardData } from "./board";
import { reassignBooking } from "./assign-booking";

let fleet: TestFleet;
let otherFleet: TestFleet;

async function vehicle(fleetId: string, plate: string, connectorStandards: string[], defaultDriverId?: string) {
  return db.vehicle.create({
    data: {
      fleetId,
      plate,
      plateKey: plate.replace(/[^A-Z0-9]/g, ""),
      batteryKwh: 60,
      connectorStandards,
      defaultDriverId,
    },
  });
}

let sequence = 0;
async function booking(
  fleetId: string,
  start: string,
  end: string,
  extra: { status?: BookingStatus; vehicleId?: string; tokenStrategy?: TokenStrategy; assignedDriverId?: string } = {},
) {
  sequence++;
  return db.booking.create({
    data: {
      fleetId,
      provider: "PETITMONDE",
      externalId: `board-${sequence}-${Math.random().toString(36).slice(2)}`,
      status: extra.status ?? "CONFIRMED",
      locationId: "loc-board",
      evseUid: `evse-${sequence}`,
      locationSnapshot: {
        name: `Board charger ${sequence}`,
        latitude: 52.5,
        longitude: 13.4,
        timeZone: "Europe/Berlin",
        reservable: true,
        connectorStandard: "IEC_62196_T2_COMBO",
      },
      windowStart: new Date(start),
      windowEnd: new Date(end),
      tokenStrategy: extra.tokenStrategy ?? "GROUP_TOKEN",
      createdById: fleet.dispatcherId,
      vehicleId: extra.vehicleId,
      assignedDriverId: extra.assignedDriverId,
    },
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const actor = () => ({ actorId: fleet.dispatcherId, ip: null });

beforeAll(async () => {
  fleet = await createTestFleet("Board fleet");
  otherFleet = await createTestFleet("Other board fleet");
});

describe("the board's day", () => {
  it("holds the fleet's bookings that touch the day on the reader's wall clock, and no one else's", async () => {
    // 7 December in Berlin runs from 6 Dec 23:00 to 7 Dec 23:00 UTC.
    const inside = await booking(fleet.fleetId, "2031-12-07T08:00:00Z", "2031-12-07T09:00:00Z");
    const overMidnight = await booking(fleet.fleetId, "2031-12-06T22:30:00Z", "2031-12-06T23:30:00Z");
    const dayBefore = await booking(fleet.fleetId, "2031-12-06T21:00:00Z", "2031-12-06T22:00:00Z");
    const failed = await booking(fleet.fleetId, "2031-12-07T10:00:00Z", "2031-12-07T11:00:00Z", { status: "FAILED" });
    const elsewhere = await booking(otherFleet.fleetId, "2031-12-07T08:00:00Z", "2031-12-07T09:00:00Z");

    const day = await boardData(fleet.fleetId, { from: "2031-12-07", span: "day", timeZone: "Europe/Berlin" });
    expect([day.start, day.end]).toEqual(["2031-12-06T23:00:00.000Z", "2031-12-07T23:00:00.000Z"]);
    const ids = day.bookings.map((b) => b.id);
    expect(ids).toEqual([overMidnight.id, inside.id]);
    expect(ids).not.toContain(dayBefore.id);
    expect(ids).not.toContain(failed.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(day.bookings[1]).toMatchObject({ connectorStandard: "IEC_62196_T2_COMBO", driverMovable: true });

    // A van retired and a driver gone since their bookings were made keep their rows.
    const retired = await vehicle(fleet.fleetId, "B-BD 0", ["IEC_62196_T2_COMBO"]);
    await db.vehicle.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });
    const gone = await db.user.create({
      data: { email: `gone-${Date.now()}@board.test`, name: "Gina Gone", passwordHash: "x" },
    });
    await booking(fleet.fleetId, "2031-12-07T12:00:00Z", "2031-12-07T13:00:00Z", {
      vehicleId: retired.id,
      assignedDriverId: gone.id,
    });
    const kept = await boardData(fleet.fleetId, { from: "2031-12-07", span: "day", timeZone: "Europe/Berlin" });
    expect(kept.vehicles.find((v) => v.id === retired.id)).toMatchObject({ plate: "B-BD 0", retired: true });
    expect(kept.drivers.find((d) => d.id === gone.id)).toMatchObject({ name: "Gina Gone", former: true });

    const week = await boardData(fleet.fleetId, { from: "2031-12-01", span: "week", timeZone: "Europe/Berlin" });
    expect(week.bookings.map((b) => b.id)).toEqual(expect.arrayContaining([dayBefore.id, overMidnight.id, inside.id]));
  });
});

describe("a move on the board", () => {
  it("gives the booking to the other vehicle and its regular driver, who is told, with one audit entry", async () => {
    const from = await vehicle(fleet.fleetId, "B-BD 1", ["IEC_62196_T2_COMBO"], fleet.driverId);
    const to = await vehicle(fleet.fleetId, "B-BD 2", ["IEC_62196_T2_COMBO"], fleet.otherDriverId);
    const b = await booking(fleet.fleetId, "2031-12-08T08:00:00Z", "2031-12-08T09:00:00Z", {
      vehicleId: from.id,
      assignedDriverId: fleet.driverId,
    });
    const result = await reassignBooking({ fleetId: fleet.fleetId, bookingId: b.id, vehicleId: to.id, actor: actor() });
    expect(result).toMatchObject({
      after: { vehicleId: to.id, assignedDriverId: fleet.otherDriverId },
      notified: true,
    });
    const stored = await db.booking.findUniqueOrThrow({ where: { id: b.id } });
    expect([stored.vehicleId, stored.assignedDriverId]).toEqual([to.id, fleet.otherDriverId]);
    const entries = await db.auditLog.findMany({ where: { action: "bookings.reassign", objectId: b.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      before: { vehicleId: from.id, assignedDriverId: fleet.driverId },
      after: { vehicleId: to.id, assignedDriverId: fleet.otherDriverId },
    });
    const told = await db.notification.findFirst({ where: { userId: fleet.otherDriverId, kind: "booking.assigned" } });
    expect(told?.data).toMatchObject({ bookingId: b.id });
    // The driver it was taken from is told it is not theirs now, in words, with where and when.
    const released = await db.notification.findFirst({ where: { userId: fleet.driverId, kind: "booking.unassigned" } });
    expect(released?.data).toMatchObject({ bookingId: b.id });
    const charger = (b.locationSnapshot as { name: string }).name;
    expect(released?.title).toBe(`No longer yours: charging at ${charger}`);
  });

  it("keeps a driver-token booking's driver when its vehicle changes", async () => {
    const to = await vehicle(fleet.fleetId, "B-BD 3", ["IEC_62196_T2_COMBO"], fleet.otherDriverId);
    const b = await booking(fleet.fleetId, "2031-12-08T10:00:00Z", "2031-12-08T11:00:00Z", {
      tokenStrategy: "DRIVER_TOKEN",
      assignedDriverId: fleet.driverId,
    });
    await reassignBooking({ fleetId: fleet.fleetId, bookingId: b.id, vehicleId: to.id, actor: actor() });
    const stored = await db.booking.findUniqueOrThrow({ where: { id: b.id } });
    expect([stored.vehicleId, stored.assignedDriverId]).toEqual([to.id, fleet.driverId]);
    expect(
      await refusal(reassignBooking({ fleetId: fleet.fleetId, bookingId: b.id, driverId: fleet.otherDriverId })),
    ).toEqual({ code: "CONFLICT", message: "bookings.driverTokenNotAssignable" });
  });

  it("refuses a vehicle that does not fit, one of another fleet, and a booking that is over; nothing changes", async () => {
    const chademo = await vehicle(fleet.fleetId, "B-BD 4", ["CHADEMO"]);
    const foreign = await vehicle(otherFleet.fleetId, "M-BD 5", ["IEC_62196_T2_COMBO"]);
    const b = await booking(fleet.fleetId, "2031-12-08T12:00:00Z", "2031-12-08T13:00:00Z");
    const done = await booking(fleet.fleetId, "2031-12-08T14:00:00Z", "2031-12-08T15:00:00Z", { status: "COMPLETED" });
    const fits = await vehicle(fleet.fleetId, "B-BD 6", ["IEC_62196_T2_COMBO"]);

    expect(await refusal(reassignBooking({ fleetId: fleet.fleetId, bookingId: b.id, vehicleId: chademo.id }))).toEqual({
      code: "VALIDATION",
      message: "bookings.vehicleDoesNotFit",
    });
    expect(await refusal(reassignBooking({ fleetId: fleet.fleetId, bookingId: b.id, vehicleId: foreign.id }))).toEqual({
      code: "VALIDATION",
      message: "bookings.vehicleNotInFleet",
    });
    expect(await refusal(reassignBooking({ fleetId: fleet.fleetId, bookingId: done.id, vehicleId: fits.id }))).toEqual({
      code: "CONFLICT",
      message: "bookings.overNotAssignable",
    });
    // Another fleet's dispatcher cannot reach the booking at all.
    expect(
      await refusal(reassignBooking({ fleetId: otherFleet.fleetId, bookingId: b.id, vehicleId: foreign.id })),
    ).toMatchObject({ code: "NOT_FOUND" });
    const stored = await db.booking.findUniqueOrThrow({ where: { id: b.id } });
    expect(stored.vehicleId).toBeNull();
  });
});
