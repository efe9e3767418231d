// Killing the app in the middle of a batch (SIGKILL, a real process) and starting it again: the batch
// completes, no line is lost and nothing is booked twice.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBatch, runBatchItems } from "./batches";
import { recoverSubmittingBookings } from "./reconcile";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxBookingsWithExternalId,
  sandboxProviders,
  testWindow,
  type TestFleet,
} from "./testing/fixtures";

const LINES = 8;
const RUNNER = fileURLToPath(new URL("./testing/run-batch-runner.ts", import.meta.url));
const providers = sandboxProviders({ timeoutMs: 2_000 });
let fleet: TestFleet;

beforeAll(async () => {
  fleet = await createTestFleet("Restart fleet");
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a batch across a crash", () => {
  it("completes after the runner is killed mid-batch and the app starts again", async () => {
    const window = await testWindow({ leadMinutes: 180 });
    const evses = await reservableEvsesNearBerlin(providers, LINES, window);
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: evses.map((evse) => groupBookingRequest(evse, window)),
    });
    const lines = () => db.bookingBatchItem.findMany({ where: { batchId }, orderBy: { position: "asc" } });

    const runner = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", RUNNER], {
      env: process.env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = once(runner, "exit");
    await waitFor(async () => (await lines()).filter((l) => l.bookingId).length >= 3, 60_000, "three lines");
    runner.kill("SIGKILL");
    const [code, signal] = await exited;
    expect(signal ?? code).toBe("SIGKILL");
    expect((await lines()).filter((l) => l.status === "QUEUED").length).toBeGreaterThan(0);

    // The app starts again: its runner waits out the dead one's lease, then resumes; the reconciler
    // settles a booking whose answer died with the process.
    await waitFor(
      async () => {
        await runBatchItems(providers, { owner: "after-restart" });
        await recoverSubmittingBookings(providers, { graceMs: 0 });
        return (await lines()).every((l) => l.status === "SUCCEEDED" || l.status === "FAILED");
      },
      90_000,
      "every line to settle",
    );

    const settled = await db.bookingBatchItem.findMany({ where: { batchId }, include: { booking: true } });
    expect(settled.map((l) => l.status)).toEqual(Array(LINES).fill("SUCCEEDED"));
    expect(await db.booking.count({ where: { fleetId: fleet.fleetId } })).toBe(LINES);
    for (const line of settled) {
      expect(await sandboxBookingsWithExternalId(line.booking!.externalId)).toHaveLength(1);
    }
    const batch = await db.bookingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.finishedAt).not.toBeNull();
  }, 180_000);
});
