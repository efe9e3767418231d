import { describe, expect, it } from "vitest";
import {
  DISTANT_RECONCILE_SECONDS,
  FAST_RECONCILE_SECONDS,
  FIRST_ASK_SECONDS,
  LONGEST_WAIT_SECONDS,
  SLOW_RECONCILE_SECONDS,
  reconcileEverySeconds,
} from "./reconcile-cadence";

/** The ages (seconds after the booking was made) at which a 5-second tick runs a round for one waiting booking. */
function roundsAtAges(until: number, near = 0): number[] {
  const rounds: number[] = [];
  let last = -1_000; // the last round, for bookings made earlier, came 1,000 s before this one was made
  for (let age = 0; age <= until; age += 5) {
    const every = reconcileEverySeconds({ waitingAgesSeconds: [age], near });
    if (age - last >= every) {
      rounds.push(age);
      last = age;
    }
  }
  return rounds;
}

describe("reconcileEverySeconds", () => {
  it("is slow near a window and distant otherwise when nothing waits for the operator", () => {
    expect(reconcileEverySeconds({ waitingAgesSeconds: [], near: 1 })).toBe(SLOW_RECONCILE_SECONDS);
    expect(reconcileEverySeconds({ waitingAgesSeconds: [], near: 0 })).toBe(DISTANT_RECONCILE_SECONDS);
    expect(SLOW_RECONCILE_SECONDS).toBeLessThan(DISTANT_RECONCILE_SECONDS);
  });

  it("asks about a waiting booking first at 15 s of age, then after twice as long each time, at most every 5 min", () => {
    // A round was run for something else just before the booking was made: the booking does not bring the next one forward.
    expect(reconcileEverySeconds({ waitingAgesSeconds: [FIRST_ASK_SECONDS - 1], near: 0 })).toBe(
      DISTANT_RECONCILE_SECONDS,
    );
    expect(roundsAtAges(1_200)).toEqual([15, 30, 60, 120, 240, 480, 780, 1080]);
    expect(reconcileEverySeconds({ waitingAgesSeconds: [20], near: 0 })).toBe(FAST_RECONCILE_SECONDS);
    expect(reconcileEverySeconds({ waitingAgesSeconds: [10_000], near: 0 })).toBe(LONGEST_WAIT_SECONDS);
  });

  it("follows the youngest booking that can be asked about, and never waits longer than the window's cadence", () => {
    expect(reconcileEverySeconds({ waitingAgesSeconds: [400, 40, 3], near: 0 })).toBe(20);
    expect(reconcileEverySeconds({ waitingAgesSeconds: [5_000], near: 2 })).toBe(LONGEST_WAIT_SECONDS);
    expect(FAST_RECONCILE_SECONDS).toBeLessThan(LONGEST_WAIT_SECONDS);
    expect(LONGEST_WAIT_SECONDS).toBeLessThan(SLOW_RECONCILE_SECONDS);
  });
});
