// Background work for bookings: the reconciler (fast while operators decide, slow otherwise) and the
// batch runner. Each job runs often and cheaply; database turns/leases make sure one instance does the work.
import "server-only";
import { db } from "@/lib/db";
import { defineJob, enqueue } from "@/lib/jobs/queue";
import { runBatchItems } from "./batches";
import { noteRun, takeTurn } from "./leases";
import { defaultBookingProviders, type BookingProviders } from "./providers";
import { reconcileBookings, syncOpenBookings } from "./reconcile";

export const RECONCILE_JOB = "bookings.reconcile";
export const BATCH_JOB = "bookings.batch-run";

/** While any booking waits for the operator (or the provider's first answer): Petit Monde suggests 5–10 s. */
export const FAST_RECONCILE_SECONDS = 10;
/** Otherwise: 10,000 requests a month is about 14 an hour to share with everything else. */
export const SLOW_RECONCILE_SECONDS = 300;
const TICK_SECONDS = 5;

/** One reconciler tick: calls the provider only when its turn (fast or slow cadence) has come. */
export async function reconcileTick(
  providers: BookingProviders = defaultBookingProviders(),
): Promise<"ran" | "skipped"> {
  const waiting = await db.booking.count({ where: { status: { in: ["SUBMITTING", "REQUESTED", "PENDING"] } } });
  // Bookings waiting for a person (OUTCOME_UNKNOWN) only need the slow cadence: nothing moves by itself.
  const open =
    waiting > 0
      ? waiting
      : await db.booking.count({ where: { status: { in: ["CONFIRMED", "ATTENDING", "OUTCOME_UNKNOWN"] } } });
  if (open === 0) return "skipped";
  const every = waiting > 0 ? FAST_RECONCILE_SECONDS : SLOW_RECONCILE_SECONDS;
  if (!(await takeTurn(RECONCILE_JOB, every))) return "skipped";
  try {
    await reconcileBookings(providers);
    await noteRun(RECONCILE_JOB, null);
  } catch (error) {
    console.error("[bookings] reconcile failed", error);
    await noteRun(RECONCILE_JOB, error instanceof Error ? error.message : String(error));
  }
  return "ran";
}

/**
 * For screens showing open bookings: refresh those from the provider, at most once per 5 s across
 * every viewer and instance, so many open tabs cost the same as one.
 */
export async function refreshBookingsInView(
  bookingIds: string[],
  providers: BookingProviders = defaultBookingProviders(),
): Promise<boolean> {
  if (bookingIds.length === 0) return false;
  if (!(await takeTurn("bookings.view-refresh", 5))) return false;
  try {
    await syncOpenBookings(providers, { bookingIds });
    return true;
  } catch (error) {
    console.warn("[bookings] refresh of bookings in view failed", error);
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

export async function scheduleBatchRun(): Promise<void> {
  await enqueue(
    BATCH_JOB,
    {},
    { singletonKey: "run", singletonSeconds: 2, singletonNextSlot: true, expireInSeconds: 600 },
  );
}

export const reconcileJob = defineJob({
  name: RECONCILE_JOB,
  // The cron tick revives the chain after a restart; the chain gives the sub-minute cadence.
  cron: "* * * * *",
  pollingIntervalSeconds: 2,
  async handle() {
    try {
      await reconcileTick();
    } finally {
      await scheduleReconcile().catch((error: unknown) =>
        console.error("[bookings] could not schedule the reconciler", error),
      );
    }
  },
});

export const batchRunJob = defineJob({
  name: BATCH_JOB,
  // Picks up lines left QUEUED/RUNNING by an instance that stopped, within a minute of any instance running.
  cron: "* * * * *",
  pollingIntervalSeconds: 1,
  async handle() {
    const result = await runBatchItems(defaultBookingProviders());
    if (result.ran && result.more) await scheduleBatchRun();
  },
});

export const BOOKING_JOBS = [reconcileJob, batchRunJob];
