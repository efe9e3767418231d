// A booking for a vehicle: the vehicle must be the fleet's own and in service, and its connectors must fit the
// charge point's as the provider describes it; the booking then remembers it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxProviders,
  testWindow,
} from "./testing/fixtures";
import { storeBooking } from "./create-booking";
import type { BookableEvse } from "./chargers";
import type { TestFleet, TestWindow } from "./testing/fixtures";

let fleet: TestFleet;
let otherFleet: TestFleet;
let evse: BookableEvse;
let window: TestWindow;

async function vehicle(fleetId: string, plate: string, connectorStandards: string[], retired = false) {
  return db.vehicle.create({
    data: {
      fleetId,
      plate,
      plateKey: plate.replace(/[^A-Z0-9]/g, ""),
      batteryKwh: 60,
      connectorStandards,
      maxAcKw: 11,
      maxDcKw: 100,
      retiredAt: retired ? new Date() : null,
    },
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { message: error.message, fields: Object.keys(error.fieldErrors ?? {}) };
}

beforeAll(async () => {
  fleet = await createTestFleet("Vehicle bookings");
  otherFleet = await createTestFleet("Other vehicles");
  window = await testWindow({ leadMinutes: 24 * 60 });
  [evse] = await reservableEvsesNearBerlin(sandboxProviders(), 1, window);
});

describe("a booking for a vehicle", () => {
  it("is stored with a vehicle whose connectors fit the charge point", async () => {
    const standard = evse.charger.connectorStandard;
    expect(standard).toBeDefined();
    const van = await vehicle(fleet.fleetId, "B-VB 1", [standard!]);
    const booking = await storeBooking({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      request: { ...groupBookingRequest(evse, window), vehicleId: van.id },
    });
    expect(booking.vehicleId).toBe(van.id);
  });

  it("is refused, beside the charge point, for a vehicle whose connectors do not fit, and nothing is stored", async () => {
    const other = evse.charger.connectorStandard === "CHADEMO" ? "IEC_62196_T2_COMBO" : "CHADEMO";
    const van = await vehicle(fleet.fleetId, "B-VB 2", [other]);
    const before = await db.booking.count({ where: { fleetId: fleet.fleetId } });
    const refused = await refusal(
      storeBooking({
        fleetId: fleet.fleetId,
        createdById: fleet.dispatcherId,
        request: { ...groupBookingRequest(evse, window), vehicleId: van.id },
      }),
    );
    expect(refused).toEqual({ message: "bookings.vehicleDoesNotFit", fields: ["evseUid"] });
    expect(await db.booking.count({ where: { fleetId: fleet.fleetId } })).toBe(before);
  });

  it("is refused for another fleet's vehicle or a retired one", async () => {
    const standard = evse.charger.connectorStandard!;
    for (const van of [
      await vehicle(otherFleet.fleetId, "B-VB 3", [standard]),
      await vehicle(fleet.fleetId, "B-VB 4", [standard], true),
    ]) {
      const refused = await refusal(
        storeBooking({
          fleetId: fleet.fleetId,
          createdById: fleet.dispatcherId,
          request: { ...groupBookingRequest(evse, window), vehicleId: van.id },
        }),
      );
      expect(refused).toEqual({ message: "bookings.vehicleNotInFleet", fields: ["vehicleId"] });
    }
  });
});
