import { describe, expect, it } from "vitest";
import {
  DISTANT_RECONCILE_SECONDS,
  FAST_RECONCILE_SECONDS,
  SLOW_RECONCILE_SECONDS,
  reconcileEverySeconds,
} from "./reconcile-cadence";

describe("reconcileEverySeconds", () => {
  it("is fast while a booking waits for the operator, slow near a window, and distant otherwise", () => {
    expect(reconcileEverySeconds({ waiting: 1, near: 0 })).toBe(FAST_RECONCILE_SECONDS);
    expect(reconcileEverySeconds({ waiting: 2, near: 3 })).toBe(FAST_RECONCILE_SECONDS);
    expect(reconcileEverySeconds({ waiting: 0, near: 1 })).toBe(SLOW_RECONCILE_SECONDS);
    expect(reconcileEverySeconds({ waiting: 0, near: 0 })).toBe(DISTANT_RECONCILE_SECONDS);
    expect(FAST_RECONCILE_SECONDS).toBeLessThan(SLOW_RECONCILE_SECONDS);
    expect(SLOW_RECONCILE_SECONDS).toBeLessThan(DISTANT_RECONCILE_SECONDS);
  });
});
