// How often the reconciler asks the providers about open bookings (lib/bookings/jobs.ts), apart from the job
// itself so that the quota bench simulates the same cadence.

/** While any booking waits for the operator (or the provider's first answer): Petit Monde suggests 5–10 s. */
export const FAST_RECONCILE_SECONDS = 10;
/**
 * While a confirmed booking's window is near, under way or just over. 10,000 requests a month is about 14 an
 * hour for everything: a month simulated at 5 minutes spent half of it here (bench/quota.ts). A page showing
 * the booking refreshes it sooner (refreshBookingsInView).
 */
export const SLOW_RECONCILE_SECONDS = 900;
/** While every open booking's window is further off: little moves before a window but an operator's cancellation. */
export const DISTANT_RECONCILE_SECONDS = 3_600;
/** How near a window's start (or how far past its end) counts as near: the driver's arrival and a no-show are what move. */
export const NEAR_WINDOW_SECONDS = 1_200;

/** The seconds between two rounds: fast while a booking waits for the operator, slow near a window, else distant. */
export function reconcileEverySeconds(open: { waiting: number; near: number }): number {
  if (open.waiting > 0) return FAST_RECONCILE_SECONDS;
  return open.near > 0 ? SLOW_RECONCILE_SECONDS : DISTANT_RECONCILE_SECONDS;
}
