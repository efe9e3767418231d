// A batch for vehicles: each line's booking is for its vehicle and driver; a line whose vehicle does not fit its
// charge point, is another fleet's, or already has a line, is refused beside that line and nothing is stored; a
// failed line is not retried at an alternative its vehicle cannot charge at.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { toFailure } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createBatch, getBatchOrThrow, retryBatchItem, runBatchItems } from "./batches";
import type { BookableEvse } from "./chargers";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxProviders,
  testWindow,
  type TestFleet,
  type TestWindow,
} from "./testing/fixtures";

const providers = sandboxProviders({ timeoutMs: 1_500 });
let fleet: TestFleet;
let otherFleet: TestFleet;
let evses: BookableEvse[];
let window: TestWindow;

async function van(fleetId: string, connectorStandards: string[], defaultDriverId?: string) {
  const plate = `B-VT ${randomUUID().slice(0, 4).toUpperCase()}`;
  return db.vehicle.create({
    data: {
      fleetId,
      plate,
      plateKey: plate.replace(/[^A-Z0-9]/g, ""),
      name: `Van ${plate}`,
      batteryKwh: 75,
      connectorStandards,
      maxAcKw: 11,
      maxDcKw: 100,
      defaultDriverId,
    },
  });
}

/** Runs the batch runner until none of the batch's lines waits (another file's runner may hold the lease a while). */
async function runUntilDone(batchId: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await runBatchItems(providers, { spacingMs: 600 });
    const waiting = await db.bookingBatchItem.count({
      where: { batchId, OR: [{ status: "QUEUED" }, { status: "RUNNING", bookingId: null }] },
    });
    if (waiting === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the batch's lines were never run");
}

beforeAll(async () => {
  fleet = await createTestFleet("Batch vehicles fleet");
  otherFleet = await createTestFleet("Batch vehicles other fleet");
  // Days ahead, at an hour of its own: no other test books these charge points then.
  window = await testWindow({ leadMinutes: 3 * 24 * 60 + 190, hours: 1 });
  evses = (await reservableEvsesNearBerlin(providers, 40, window)).filter((e) => e.charger.connectorStandard);
  expect(evses.length).toBeGreaterThanOrEqual(2);
});

describe("a batch for vehicles", () => {
  it("books each line for its vehicle and the driver chosen for it, and its page names the vehicle", async () => {
    const [first, second] = evses;
    const vanA = await van(fleet.fleetId, [first.charger.connectorStandard!], fleet.driverId);
    const vanB = await van(fleet.fleetId, [second.charger.connectorStandard!], fleet.otherDriverId);
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [
        { ...groupBookingRequest(first, window), vehicleId: vanA.id, driverId: fleet.driverId },
        { ...groupBookingRequest(second, window), vehicleId: vanB.id, driverId: fleet.otherDriverId },
      ],
    });
    await runUntilDone(batchId);

    const lines = await db.bookingBatchItem.findMany({
      where: { batchId },
      orderBy: { position: "asc" },
      include: { booking: { select: { vehicleId: true, assignedDriverId: true, evseUid: true } } },
    });
    expect(lines.map((l) => l.booking)).toEqual([
      { vehicleId: vanA.id, assignedDriverId: fleet.driverId, evseUid: first.evseUid },
      { vehicleId: vanB.id, assignedDriverId: fleet.otherDriverId, evseUid: second.evseUid },
    ]);
    const view = await getBatchOrThrow(fleet.fleetId, batchId);
    expect(view.items.map((i) => i.vehicle)).toEqual([
      { plate: vanA.plate, name: vanA.name },
      { plate: vanB.plate, name: vanB.name },
    ]);
  });

  it("refuses, beside its line, a vehicle that does not fit, another fleet's, and one already on a line", async () => {
    const [first, second] = evses;
    const fitting = await van(fleet.fleetId, [first.charger.connectorStandard!]);
    const misfit = second.charger.connectorStandard === "CHADEMO" ? "IEC_62196_T2_COMBO" : "CHADEMO";
    const wrongPlug = await van(fleet.fleetId, [misfit]);
    const elsewhere = await van(otherFleet.fleetId, [second.charger.connectorStandard!]);
    const before = await db.bookingBatch.count({ where: { fleetId: fleet.fleetId } });

    const error = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [
        { ...groupBookingRequest(first, window), vehicleId: fitting.id },
        { ...groupBookingRequest(second, window), vehicleId: wrongPlug.id },
        { ...groupBookingRequest(second, window), vehicleId: elsewhere.id },
        { ...groupBookingRequest(evses[2] ?? second, window), vehicleId: fitting.id },
      ],
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(toFailure(error, "test").fieldErrors).toEqual({
      "items.1.evseUid": [
        `This charge point’s connector does not fit ${wrongPlug.plate}: choose one it can charge at.`,
      ],
      "items.2.vehicleId": ["Choose one of this fleet’s vehicles in service."],
      "items.3.vehicleId": ["Line 1 is already for this vehicle: one vehicle, one charge point."],
    });
    expect(await db.bookingBatch.count({ where: { fleetId: fleet.fleetId } })).toBe(before);
  });

  it("offers and retries only alternative charge points its vehicle can charge at", async () => {
    const taken = evses[2];
    const standard = taken.charger.connectorStandard!;
    const misfit = evses.find((e) => e.charger.connectorStandard !== standard);
    expect(misfit, "the sandbox lists charge points of more than one standard").toBeDefined();
    const [vanA, vanB] = [await van(fleet.fleetId, [standard]), await van(fleet.fleetId, [standard])];
    // Both vans at one charge point: the second line is refused with a 409.
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [
        { ...groupBookingRequest(taken, window), vehicleId: vanA.id },
        { ...groupBookingRequest(taken, window), vehicleId: vanB.id },
      ],
    });
    await runUntilDone(batchId);
    const failed = await db.bookingBatchItem.findFirstOrThrow({ where: { batchId, position: 1 } });
    expect(failed.status).toBe("FAILED");
    // The alternatives its page offers are only those the van takes (it takes one standard).
    const stored = (failed.alternatives ?? []) as unknown as BookableEvse[];
    expect(stored.length).toBeGreaterThan(0);
    const view = await getBatchOrThrow(fleet.fleetId, batchId);
    expect(view.items[1].alternatives).toEqual(stored.filter((a) => a.charger.connectorStandard === standard));

    const error = await retryBatchItem({
      fleetId: fleet.fleetId,
      batchId,
      position: 1,
      replacement: { locationId: misfit!.locationId, evseUid: misfit!.evseUid, charger: misfit!.charger },
    }).catch((e: unknown) => e);
    expect(toFailure(error, "test").message).toBe(
      `This charge point’s connector does not fit ${vanB.plate}: choose one it can charge at.`,
    );
    const after = await db.bookingBatchItem.findFirstOrThrow({ where: { id: failed.id } });
    expect(after.status).toBe("FAILED");
    expect((after.input as { evseUid: string }).evseUid).toBe(taken.evseUid);
  });
});
