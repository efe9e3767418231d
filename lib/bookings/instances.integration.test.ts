// What keeps several app instances from doing a batch's work twice: a lease that stays with a live runner
// however long it works, a claim that only its own runner can turn into a booking, and a runner that says
// when to look again at lines another instance holds.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBatch, RUNNER_LEASE, RUNNER_LEASE_SECONDS, runBatchItems } from "./batches";
import { acquireLease, holdLease, releaseLease } from "./leases";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxProviders,
  testWindow,
  type TestFleet,
} from "./testing/fixtures";

const providers = sandboxProviders({ timeoutMs: 2_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let fleet: TestFleet;

beforeAll(async () => {
  fleet = await createTestFleet("Instances fleet");
});

describe("leases between instances", () => {
  it("stay with a holder that renews them past their TTL, and pass on once it stops", async () => {
    const lease = await acquireLease("lease:test.renewed", 1, "alive");
    expect(lease).not.toBeNull();
    await sleep(1_600);
    expect(await holdLease("lease:test.renewed", "other", 1)).toBe(false);
    expect(lease!.lost).toBe(false);
    await lease!.release();
    expect(await holdLease("lease:test.renewed", "other", 1)).toBe(true);

    // A holder that died: nobody renews its lease, and it passes on after the TTL without a release.
    expect(await holdLease("lease:test.dead", "dead", 1)).toBe(true);
    expect(await acquireLease("lease:test.dead", 1, "next")).toBeNull();
    await sleep(1_200);
    const next = await acquireLease("lease:test.dead", 1, "next");
    expect(next).not.toBeNull();
    await next!.release();
  });
});

describe("batch lines between instances", () => {
  it("a line claimed again while its first runner stalled is booked by the second runner only", async () => {
    const window = await testWindow({ leadMinutes: 200 });
    const [evse] = await reservableEvsesNearBerlin(providers, 1, window);
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [groupBookingRequest(evse, window)],
    });
    const before = await db.booking.count();
    const result = await runBatchItems(providers, {
      owner: "stalled",
      // Between this runner's claim and its booking, another runner claims the line again (as it does
      // once the line looks abandoned): a fresh claim time.
      onWorkStarted: async () => {
        await db.bookingBatchItem.updateMany({ where: { batchId }, data: { updatedAt: new Date(Date.now() + 1) } });
      },
    });
    expect(result).toMatchObject({ ran: true, processed: 1 });
    const [line] = await db.bookingBatchItem.findMany({ where: { batchId } });
    // No booking was stored, sent or linked by the stalled runner: the line is left to the other one.
    expect(line).toMatchObject({ status: "RUNNING", bookingId: null });
    expect(await db.booking.count()).toBe(before);
    await db.bookingBatchItem.updateMany({ where: { batchId }, data: { status: "FAILED" } });
  });

  it("a runner kept out by another's lease says when to look again, while lines wait", async () => {
    expect(await holdLease(RUNNER_LEASE, "elsewhere", RUNNER_LEASE_SECONDS)).toBe(true);
    try {
      expect(await runBatchItems(providers, { owner: "kept-out" })).toMatchObject({
        ran: false,
        checkAgainInSeconds: null,
      });
      const window = await testWindow({ leadMinutes: 210 });
      const [evse] = await reservableEvsesNearBerlin(providers, 1, window);
      await createBatch({
        fleetId: fleet.fleetId,
        createdById: fleet.dispatcherId,
        items: [groupBookingRequest(evse, window)],
      });
      expect(await runBatchItems(providers, { owner: "kept-out" })).toMatchObject({
        ran: false,
        processed: 0,
        checkAgainInSeconds: RUNNER_LEASE_SECONDS,
      });
    } finally {
      await releaseLease(RUNNER_LEASE, "elsewhere");
    }
    // Once the lease is free the waiting line is booked, and the run says when it held the lease.
    const result = await runBatchItems(providers, { owner: "next" });
    expect(result).toMatchObject({ ran: true, processed: 1, more: false, owner: "next", checkAgainInSeconds: null });
    expect(Date.parse(result.heldUntil!)).toBeGreaterThanOrEqual(Date.parse(result.heldFrom!));
  });
});
