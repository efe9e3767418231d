// Batch lines as the progress page shows them: the charge point and driver of each line, a driver from
// another fleet refused before anything is stored, alternatives to a taken charge point ranked like it, and a
// page that reads a failed line before its alternatives are found told to keep asking.
import { beforeAll, describe, expect, it } from "vitest";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { rankAlternatives } from "./alternatives";
import { createBatch, getBatchOrThrow, runBatchItems } from "./batches";
import type { BookableEvse } from "./chargers";
import type { BookingProviders } from "./providers";
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

beforeAll(async () => {
  fleet = await createTestFleet("Batch lines fleet");
  otherFleet = await createTestFleet("Other fleet");
  window = await testWindow({ leadMinutes: 180 });
  evses = await reservableEvsesNearBerlin(providers, 4, window);
});

describe("batch lines", () => {
  it("refuses a line whose driver drives for another fleet, beside that line, and stores nothing", async () => {
    const items = [
      { ...groupBookingRequest(evses[0], window), driverId: fleet.driverId },
      { ...groupBookingRequest(evses[1], window), driverId: otherFleet.driverId },
    ];
    const before = await db.bookingBatch.count({ where: { fleetId: fleet.fleetId } });
    const error = await createBatch({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, items }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(toFailure(error, "test").fieldErrors).toEqual({ "items.1.driverId": ["Choose a driver of this fleet"] });
    expect(toFailure(error, "test", failureWords("de")).fieldErrors).toEqual({
      "items.1.driverId": ["Wählen Sie einen Fahrer dieser Flotte"],
    });
    expect(await db.bookingBatch.count({ where: { fleetId: fleet.fleetId } })).toBe(before);
  });

  it("names each line's charge point and driver, and ranks a taken one's alternatives like it", async () => {
    const first = { ...groupBookingRequest(evses[2], window), driverId: fleet.driverId };
    const items = [first, first]; // the same slot twice: the second line is refused with a 409
    const { batchId } = await createBatch({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, items });
    await runBatchItems(providers, { spacingMs: 600 });

    const view = await getBatchOrThrow(fleet.fleetId, batchId);
    const driver = await db.user.findUniqueOrThrow({ where: { id: fleet.driverId } });
    expect(view.items[0]).toMatchObject({
      status: "SUCCEEDED",
      evseId: evses[2].charger.evseId,
      connectorLabel: evses[2].charger.connectorLabel,
      driverName: driver.name,
    });
    expect(view.items[0].connectorLabel).toMatch(/kW (AC|DC)$/);
    const failed = view.items[1];
    expect(failed.status).toBe("FAILED");
    expect(failed.alternatives.length).toBeGreaterThan(0);
    for (const a of failed.alternatives) expect(a.charger.powerKw).toBeGreaterThan(0);
    // Stored in the order the ranking gives them.
    const taken = { locationId: first.locationId, evseUid: first.evseUid, connector: first.charger };
    expect(rankAlternatives(taken, failed.alternatives, failed.alternatives.length)).toEqual(failed.alternatives);
  });

  it("says a failed line is looking for alternatives until the runner has stored them", async () => {
    const line = { ...groupBookingRequest(evses[3], window), driverId: fleet.driverId };
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [line, line],
    });
    // The search for alternatives waits until the test has read the batch: the moment a page may poll in.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let searching!: () => void;
    const searchStarted = new Promise<void>((resolve) => (searching = resolve));
    const held: BookingProviders = {
      forProvider(name) {
        const adapter = providers.forProvider(name);
        const search = adapter.search?.bind(adapter);
        return Object.assign(Object.create(adapter) as typeof adapter, {
          search: search
            ? async (...args: Parameters<typeof search>) => {
                searching();
                await released;
                return search(...args);
              }
            : undefined,
        });
      },
    };
    const run = runBatchItems(held, { spacingMs: 600 });
    await searchStarted;

    const meanwhile = await getBatchOrThrow(fleet.fleetId, batchId);
    expect(meanwhile.finishedAt).not.toBeNull(); // the booking's failure settled the line and the batch
    expect(meanwhile.items[1]).toMatchObject({ status: "FAILED", alternatives: [], lookingForAlternatives: true });
    expect(meanwhile.items[0].lookingForAlternatives).toBe(false);

    release();
    await run;
    const after = await getBatchOrThrow(fleet.fleetId, batchId);
    expect(after.items[1].lookingForAlternatives).toBe(false);
    expect(after.items[1].alternatives.length).toBeGreaterThan(0);
  });
});
