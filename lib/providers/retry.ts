// When a failed provider call may be tried again, and how long to wait first.

export interface RetryPolicy {
  /** Attempts in total for network errors and 5xx on idempotent calls (1 = no retry). */
  maxAttempts: number;
  /** Extra attempts after 429 answers (the request was refused, so this is safe for every method). */
  maxRateLimitRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking for a longer wait than this is reported to the caller instead of waited out. */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxRateLimitRetries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRateLimitWaitMs: 65_000,
};

/** What to do without a Retry-After/X-RateLimit-Reset: Plugsurfing resets at the next clock minute. */
export type RateLimitFallback = "next-clock-minute" | { delayMs: number };

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

export function isIdempotentMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "PUT" || method === "DELETE" || method === "OPTIONS";
}

/** 5xx may be retried only when repeating the call cannot do the thing twice. 4xx never (except 429, handled apart). */
export function shouldRetryStatus(status: number, idempotent: boolean): boolean {
  return idempotent && RETRYABLE_STATUSES.has(status);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^retry)]. */
export function backoffDelayMs(
  retry: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * How long a 429 asks us to wait, in ms: `Retry-After` (seconds or HTTP date), else `X-RateLimit-Reset`
 * (ISO 8601, or epoch seconds), else the provider's fallback.
 */
export function rateLimitDelayMs(headers: Headers, now: number, fallback: RateLimitFallback): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds * 1000));
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = headers.get("x-ratelimit-reset");
  if (reset !== null && reset.trim() !== "") {
    const trimmed = reset.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
      const epochSeconds = Number(trimmed);
      // Small numbers are "seconds from now", large ones an epoch timestamp.
      return epochSeconds > 1e9 ? Math.max(0, epochSeconds * 1000 - now) : Math.ceil(epochSeconds * 1000);
    }
    const date = Date.parse(trimmed);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  if (fallback === "next-clock-minute") return nextClockMinuteDelayMs(now);
  return fallback.delayMs;
}

/** Until the start of the next UTC minute, plus a little so that we land after the reset. */
export function nextClockMinuteDelayMs(now: number): number {
  return 60_000 - (now % 60_000) + 250;
}
