// How often the reconciler asks the providers about open bookings (lib/bookings/jobs.ts), apart from the job
// itself so that the quota bench simulates the same cadence.

/**
 * The first question about a booking waiting for the operator. Petit Monde suggests polling every 5–10 s, but
 * an answer comes seconds after the request at the earliest, and 10,000 requests a month leave no room for
 * questions asked before anything can have moved.
 */
export const FIRST_ASK_SECONDS = 15;
/** The fastest the reconciler runs: its tick is 5 s, and two rounds never come closer than this. */
export const FAST_RECONCILE_SECONDS = 10;
/**
 * The slowest it asks about a booking still waiting for the operator. Between the first question and this, the
 * wait doubles (15 s, 30 s, 60 s, …): most operators answer within the first rounds, and one that never
 * answers (the booking expires) is not asked about every 10 s for minutes.
 */
export const LONGEST_WAIT_SECONDS = 300;
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

export interface OpenBookingsNow {
  /**
   * How long ago each booking waiting for the operator (or for the provider's first answer) was made, in
   * seconds. Those made less than FIRST_ASK_SECONDS ago are not asked about yet.
   */
  waitingAgesSeconds: number[];
  /** Confirmed bookings whose window is near, under way or just over. */
  near: number;
}

/**
 * The seconds between two rounds. While bookings wait for the operator, half the age of the youngest one old
 * enough to ask about, so each is asked about at about 15 s, 30 s, 60 s … of age and at most every
 * LONGEST_WAIT_SECONDS; one too young to ask about waits for its first question. Otherwise slow near a window,
 * and distant when every window is further off.
 */
export function reconcileEverySeconds(open: OpenBookingsNow): number {
  const settled = open.near > 0 ? SLOW_RECONCILE_SECONDS : DISTANT_RECONCILE_SECONDS;
  const askable = open.waitingAgesSeconds.filter((age) => age >= FIRST_ASK_SECONDS);
  if (askable.length === 0) return settled;
  const half = Math.min(...askable) / 2;
  return Math.min(settled, Math.max(FAST_RECONCILE_SECONDS, Math.min(LONGEST_WAIT_SECONDS, half)));
}
