// Background work for bookings: the reconciler (fast while operators decide, slow otherwise) and the
// batch runner. Each job runs often and cheaply; database turns/leases make sure one instance does the work,
// and that work an instance was doing when it died is picked up by another.
import "server-only";
import type { BookingStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { defineJob, enqueue } from "@/lib/jobs/queue";
import { log } from "@/lib/observability/log";
import { withRequestPriority } from "@/lib/providers/budget";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { RUNNER_LEASE_SECONDS, runBatchItems } from "./batches";
import { NEAR_WINDOW_SECONDS, reconcileEverySeconds } from "./reconcile-cadence";
import { acquireLease, noteRun, takeTurn } from "./leases";
import { defaultBookingProviders, type BookingProviders } from "./providers";
import { reconcileBookings, syncOpenBookings } from "./reconcile";

export const RECONCILE_JOB = "bookings.reconcile";
export const BATCH_JOB = "bookings.batch-run";

export { FAST_RECONCILE_SECONDS, SLOW_RECONCILE_SECONDS, DISTANT_RECONCILE_SECONDS } from "./reconcile-cadence";
const TICK_SECONDS = 5;
/** Held while a round runs, so a slow round is never joined by a second one on another instance. */
const RECONCILE_LEASE = "lease:bookings.reconcile";
const RECONCILE_LEASE_SECONDS = 15;

/** One reconciler tick: calls the provider only when its turn (fast or slow cadence) has come. */
export async function reconcileTick(
  providers: BookingProviders = defaultBookingProviders(),
): Promise<"ran" | "skipped"> {
  const now = Date.now();
  const waiting = await db.booking.findMany({
    where: { status: { in: ["SUBMITTING", "REQUESTED", "PENDING"] } },
    select: { createdAt: true },
  });
  // Bookings waiting for a person (OUTCOME_UNKNOWN) need no fast cadence: nothing moves by itself.
  const settled = { status: { in: ["CONFIRMED", "ATTENDING", "OUTCOME_UNKNOWN"] as BookingStatus[] } };
  if (waiting.length === 0 && (await db.booking.count({ where: settled })) === 0) return "skipped";
  const near = await db.booking.count({
    where: {
      ...settled,
      windowStart: { lte: new Date(now + NEAR_WINDOW_SECONDS * 1000) },
      windowEnd: { gte: new Date(now - NEAR_WINDOW_SECONDS * 1000) },
    },
  });
  const every = reconcileEverySeconds({
    waitingAgesSeconds: waiting.map((b) => (now - b.createdAt.getTime()) / 1000),
    near,
  });
  // The turn spaces the rounds' starts; the lease keeps a round that outlasts it from overlapping the next.
  const lease = await acquireLease(RECONCILE_LEASE, RECONCILE_LEASE_SECONDS);
  if (!lease) return "skipped";
  try {
    if (!(await takeTurn(RECONCILE_JOB, every))) return "skipped";
    try {
      await reconcileBookings(providers);
      await noteRun(RECONCILE_JOB, null);
    } catch (error) {
      log.error({ event: "bookings.reconcile_failed", err: error }, "booking reconcile failed");
      await noteRun(RECONCILE_JOB, error instanceof Error ? error.message : String(error));
    }
    return "ran";
  } finally {
    await lease.release();
  }
}

/**
 * For screens showing open bookings: refresh those from the provider, at most once per 5 s across
 * every viewer and instance, so many open tabs cost the same as one. It is what a user asked to see, not the
 * bookings' own upkeep: it spends at a search's priority, so a page left open never eats into what the
 * reconciler and new bookings may spend of a quota (lib/providers/budget.ts).
 */
export async function refreshBookingsInView(
  bookingIds: string[],
  providers: BookingProviders = defaultBookingProviders(),
): Promise<boolean> {
  if (bookingIds.length === 0) return false;
  if (!(await takeTurn("bookings.view-refresh", 5))) return false;
  try {
    await withRequestPriority("explicit", () => syncOpenBookings(providers, { bookingIds }));
    return true;
  } catch (error) {
    logWithRequestId(
      "warn",
      { event: "bookings.view_refresh_failed", err: error },
      "refresh of bookings in view failed",
    );
    return false;
  }
}

/** Asks for the next tick soon; sends inside one 5-second slot collapse into one job. */
export async function scheduleReconcile(delaySeconds = TICK_SECONDS): Promise<void> {
  // A send landing in the slot of the job that sends it moves to the next slot instead of being dropped.
  await enqueue(
    RECONCILE_JOB,
    {},
    {
      startAfter: delaySeconds,
      singletonKey: "tick",
      singletonSeconds: TICK_SECONDS,
      singletonNextSlot: true,
      expireInSeconds: 120,
    },
  );
}

/**
 * Asks for a batch run: now (sends inside one 2-second slot collapse into one job), or in `delaySeconds`
 * to look again at lines another runner holds (sends inside one lease period collapse into one job).
 */
export async function scheduleBatchRun(delaySeconds = 0): Promise<void> {
  if (delaySeconds <= 0) {
    await enqueue(
      BATCH_JOB,
      {},
      { singletonKey: "run", singletonSeconds: 2, singletonNextSlot: true, expireInSeconds: 600 },
    );
    return;
  }
  await enqueue(
    BATCH_JOB,
    {},
    { startAfter: delaySeconds, singletonKey: "check", singletonSeconds: RUNNER_LEASE_SECONDS, expireInSeconds: 600 },
  );
}

export const reconcileJob = defineJob({
  name: RECONCILE_JOB,
  // The cron tick revives the chain after a restart; the chain gives the sub-minute cadence.
  cron: "* * * * *",
  pollingIntervalSeconds: 2,
  async handle() {
    // The next tick is asked for first: an instance that dies during this one must not end the chain.
    await scheduleReconcile().catch((error: unknown) =>
      log.error({ event: "bookings.reconcile_not_scheduled", err: error }, "could not schedule the reconciler"),
    );
    return { tick: await reconcileTick() };
  },
});

export const batchRunJob = defineJob({
  name: BATCH_JOB,
  // A backstop: picks up lines left QUEUED/RUNNING by an instance that stopped, within a minute.
  cron: "* * * * *",
  pollingIntervalSeconds: 1,
  async handle() {
    const result = await runBatchItems(defaultBookingProviders(), {
      // While this runner works another instance looks in once per lease period, so if this process dies
      // its lines are taken over as soon as its lease lapses rather than at the next cron minute.
      onWorkStarted: () => scheduleBatchRun(RUNNER_LEASE_SECONDS),
    });
    if (result.ran && result.more) await scheduleBatchRun();
    else if (result.checkAgainInSeconds !== null) await scheduleBatchRun(result.checkAgainInSeconds);
    // Kept by the queue as the job's output: which process held the runner, and when.
    return result;
  },
});

export const BOOKING_JOBS = [reconcileJob, batchRunJob];
