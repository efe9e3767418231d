// Keeps each provider credential under its published limits before the provider has to say 429.
//
// Every bucket is a GCRA ("generic cell rate") schedule: one row holding the theoretical arrival time
// (TAT) of the next request. Taking a slot is one atomic upsert, so any number of app instances
// sharing the database share the limit; a caller that is early waits for its slot instead of failing.
// In any window W a bucket lets through at most `burst + W / intervalMs` requests.
import { recordRateLimitWait } from "@/lib/observability/metrics";

export interface RateLimitBucket {
  /** Provider + credential fingerprint + purpose, e.g. "petitmonde:3fa2…:requests". Never a secret. */
  key: string;
  /** Sustained spacing between requests. */
  intervalMs: number;
  /** How many requests may go back to back after a quiet period (≥ 1). */
  burst: number;
}

export interface RateLimiter {
  /** Reserves a slot in every bucket and resolves when all of them allow the request. */
  acquire(buckets: readonly RateLimitBucket[], signal?: AbortSignal): Promise<void>;
}

/** A limit of `count` requests in any window of `windowMs`, spread as evenly as `burst` allows. */
export function bucketFor(key: string, count: number, windowMs: number, burst: number): RateLimitBucket {
  if (burst < 1 || burst >= count) throw new Error(`burst must be in [1, ${count}) for ${key}`);
  return { key, intervalMs: windowMs / (count - burst), burst };
}

/** Counts each wait for provider_rate_limit_wait_seconds, under the provider its buckets' keys start with. */
function observeWait(buckets: readonly RateLimitBucket[], waitMs: number) {
  if (buckets.length > 0) recordRateLimitWait(buckets[0].key.split(":")[0], waitMs);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/** One process only: for unit tests and benchmarks. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly tat = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait = sleep,
  ) {}

  /** Reserves slots and returns how long the caller must wait (exposed for tests). */
  reserve(buckets: readonly RateLimitBucket[]): number {
    const now = this.now();
    let waitMs = 0;
    for (const bucket of buckets) {
      const tat = Math.max(this.tat.get(bucket.key) ?? now, now);
      const allowedAt = tat - (bucket.burst - 1) * bucket.intervalMs;
      this.tat.set(bucket.key, tat + bucket.intervalMs);
      waitMs = Math.max(waitMs, allowedAt - now);
    }
    return waitMs;
  }

  async acquire(buckets: readonly RateLimitBucket[], signal?: AbortSignal): Promise<void> {
    const waitMs = this.reserve(buckets);
    observeWait(buckets, waitMs);
    await this.wait(waitMs, signal);
  }
}

/** Something that runs one parameterised SQL statement: a pg Pool/Client, or a Prisma client via adapter. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export const RATE_LIMIT_TABLE = "provider_rate_limit";

// The database clock decides, so app instances with skewed clocks still agree.
const RESERVE_SQL = `
INSERT INTO ${RATE_LIMIT_TABLE} AS b (key, tat)
SELECT k, now() + make_interval(secs => i / 1000.0)
FROM unnest($1::text[], $2::float8[]) AS x(k, i)
ON CONFLICT (key) DO UPDATE
  SET tat = GREATEST(b.tat, now()) + (EXCLUDED.tat - now())
RETURNING key, (EXTRACT(EPOCH FROM (tat - now())) * 1000)::float8 AS ahead_ms`;

/** Shared by every app instance on the same database (table from migration 20261121010000_provider_rate_limits). */
export class PostgresRateLimiter implements RateLimiter {
  constructor(
    private readonly run: SqlRunner,
    private readonly wait = sleep,
  ) {}

  /** Reserves slots and returns how long the caller must wait. */
  async reserve(buckets: readonly RateLimitBucket[]): Promise<number> {
    if (buckets.length === 0) return 0;
    const byKey = new Map(buckets.map((b) => [b.key, b]));
    const rows = await this.run(RESERVE_SQL, [buckets.map((b) => b.key), buckets.map((b) => b.intervalMs)]);
    let waitMs = 0;
    for (const row of rows) {
      const bucket = byKey.get(String(row.key));
      if (!bucket) continue;
      // ahead_ms = new TAT − now; this request's slot is (new TAT − interval) − (burst − 1)·interval.
      const allowedIn = Number(row.ahead_ms) - bucket.burst * bucket.intervalMs;
      waitMs = Math.max(waitMs, allowedIn);
    }
    return waitMs;
  }

  async acquire(buckets: readonly RateLimitBucket[], signal?: AbortSignal): Promise<void> {
    const waitMs = await this.reserve(buckets);
    observeWait(buckets, waitMs);
    await this.wait(waitMs, signal);
  }
}

/** Adapts a node-postgres Pool or Client. */
export function pgRunner(client: {
  query(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}): SqlRunner {
  return async (sql, params) => (await client.query(sql, params)).rows;
}

/** No limiting at all (providers without published limits). */
export const NO_RATE_LIMIT: RateLimiter = { acquire: async () => {} };

/** A stable, non-secret name for a credential, for bucket keys: the same key on every instance. */
export function credentialFingerprint(...parts: string[]): string {
  // FNV-1a over the parts, twice with different seeds: short, dependency-free, and not reversible in practice
  // for long random keys. It only needs to tell credentials apart, not to protect them.
  const text = parts.join("\u0000");
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/**
 * Uses `primary` (the shared Postgres limiter) and falls back to `fallback` (in-process) while the
 * database is unreachable, so a database hiccup slows provider calls down rather than failing them.
 */
export function withFallback(
  primary: RateLimiter,
  fallback: RateLimiter,
  onError: (error: unknown) => void = () => {},
): RateLimiter {
  return {
    async acquire(buckets, signal) {
      try {
        await primary.acquire(buckets, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        onError(error);
        await fallback.acquire(buckets, signal);
      }
    },
  };
}
