// The providers' documented request limits: Plugsurfing per clock minute/day, Petit Monde sliding minute + month.

export interface RateLimits {
  plugsurfingPerMinute: number;
  plugsurfingPerDay: number;
  petitMondePerMinute: number;
  petitMondePerMonth: number;
  /** Plugsurfing card orders: one per uid per this many simulated ms. */
  cardOrderIntervalMs: number;
}

export const DOCUMENTED_RATE_LIMITS: RateLimits = {
  plugsurfingPerMinute: 3000,
  plugsurfingPerDay: 1_000_000,
  petitMondePerMinute: 100,
  petitMondePerMonth: 10_000,
  cardOrderIntervalMs: 5 * 60_000,
};

/** Fixed windows aligned to the clock (Plugsurfing: "3,000 per clock minute, then 429 until the next minute"). */
export class FixedWindowCounter {
  private window = -1;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts the request if allowed; otherwise returns the ms until the window resets. */
  take(nowMs: number): { allowed: true } | { allowed: false; resetInMs: number } {
    const window = Math.floor(nowMs / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.count = 0;
    }
    if (this.count >= this.limit) return { allowed: false, resetInMs: (window + 1) * this.windowMs - nowMs };
    this.count++;
    return { allowed: true };
  }
}

/** A sliding window of request times (Petit Monde: 100 per rolling minute). */
export class SlidingWindowCounter {
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private prune(nowMs: number): void {
    while (this.times.length && this.times[0] <= nowMs - this.windowMs) this.times.shift();
  }

  take(nowMs: number): boolean {
    this.prune(nowMs);
    if (this.times.length >= this.limit) return false;
    this.times.push(nowMs);
    return true;
  }

  remaining(nowMs: number): number {
    this.prune(nowMs);
    return Math.max(0, this.limit - this.times.length);
  }

  /** When the next slot frees up (now when one is free). */
  resetAt(nowMs: number): number {
    this.prune(nowMs);
    return this.times.length ? this.times[0] + this.windowMs : nowMs;
  }
}

export function utcMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function startOfNextUtcMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
