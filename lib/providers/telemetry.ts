// What each provider did lately in this process: requests (status, latency), items dropped by tolerant
// parsing, optional features switched off, and quota/rate-limit state. Feeds the provider health page.
import { PROVIDERS, type ProviderName } from "@/lib/domain";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { PROVIDER_ERROR_CODES, type ProviderErrorCode } from "./errors";
import type { RateLimitBucket } from "./rate-limit";

export interface RequestSample {
  provider: ProviderName;
  operation: string;
  at: number;
  durationMs: number;
  status?: number;
  error?: ProviderErrorCode;
}

export interface DroppedItem {
  provider: ProviderName;
  operation: string;
  /** Field path of the first problem, e.g. "results.3.evses.0.status". */
  path: string;
  at: number;
}

export interface DisabledFeature {
  provider: ProviderName;
  feature: string;
  reason: string;
  since: number;
}

/** The span an X-RateLimit-* triple counts over, told by how far away its reset is. */
export type QuotaWindow = "minute" | "hour" | "day" | "month" | "unknown";

export interface QuotaState {
  limit?: number;
  remaining?: number;
  resetAt?: string;
  at: number;
  /** Filled in by recordQuota when left out. */
  window?: QuotaWindow;
}

export const WINDOW_MS = 60 * 60_000;
const MAX_SAMPLES = 5_000;
/** Attempts kept per provider: the last hour's figures are exact up to this many attempts in the hour. */
export const ATTEMPTS_PER_PROVIDER = 20_000;

/**
 * Codes that say the provider did not serve us: no answer, a server error, a body we could not read,
 * refused credentials or limits. NOT_FOUND, CONFLICT and INVALID_REQUEST are answers about our request.
 */
const FAILURE_CODES: ReadonlySet<ProviderErrorCode> = new Set<ProviderErrorCode>([
  "TIMEOUT",
  "NETWORK",
  "RATE_LIMITED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "INVALID_RESPONSE",
  "UPSTREAM",
  "OUTCOME_UNKNOWN",
  "UNKNOWN",
]);

export function isFailure(error: ProviderErrorCode | undefined): boolean {
  return error !== undefined && FAILURE_CODES.has(error);
}

const CODE_INDEX = new Map<ProviderErrorCode, number>(PROVIDER_ERROR_CODES.map((code, i) => [code, i + 1]));

/** One attempt as the attempt log hands it back. */
export interface Attempt {
  at: number;
  durationMs: number;
  /** Undefined when no HTTP answer arrived. */
  status?: number;
  error?: ProviderErrorCode;
}

/**
 * A provider's attempts in a fixed ring of typed arrays: recording is O(1) and allocates nothing, and memory
 * stays bounded however busy the provider is.
 */
export class AttemptLog {
  private readonly at: Float64Array;
  private readonly duration: Float32Array;
  private readonly status: Uint16Array;
  private readonly code: Uint8Array;
  private next = 0;
  private size = 0;

  constructor(readonly capacity = ATTEMPTS_PER_PROVIDER) {
    this.at = new Float64Array(capacity);
    this.duration = new Float32Array(capacity);
    this.status = new Uint16Array(capacity);
    this.code = new Uint8Array(capacity);
  }

  push(attempt: Attempt): void {
    const i = this.next;
    this.at[i] = attempt.at;
    this.duration[i] = attempt.durationMs;
    this.status[i] = attempt.status ?? 0;
    this.code[i] = attempt.error === undefined ? 0 : (CODE_INDEX.get(attempt.error) ?? 0);
    this.next = (i + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** Attempts at or after `since`, newest first, and whether older ones in that span were overwritten. */
  since(since: number): { attempts: Attempt[]; truncated: boolean } {
    const attempts: Attempt[] = [];
    for (let n = 0; n < this.size; n++) {
      const i = (this.next - 1 - n + this.capacity) % this.capacity;
      if (this.at[i] < since) return { attempts, truncated: false };
      const code = this.code[i];
      attempts.push({
        at: this.at[i],
        durationMs: this.duration[i],
        status: this.status[i] === 0 ? undefined : this.status[i],
        error: code === 0 ? undefined : PROVIDER_ERROR_CODES[code - 1],
      });
    }
    return { attempts, truncated: this.size === this.capacity };
  }
}

/** Everything telemetry knows about one provider, as plain data for the health snapshot. */
export interface ProviderTelemetryView {
  provider: ProviderName;
  /** Attempts of the last hour, newest first. */
  attempts: Attempt[];
  /** True when the hour held more attempts than are kept: figures cover the newest ones. */
  truncated: boolean;
  lastSuccessAt?: number;
  lastFailure?: RequestSample;
  rateLimitedUntil?: number;
  /** The newest X-RateLimit-* reading per window, longest window first. */
  quotas: QuotaState[];
  /** Dropped items of the last hour. */
  dropped: DroppedItem[];
  disabledFeatures: DisabledFeature[];
  /** The limiter buckets this provider's requests take (keys are not secret). */
  buckets: RateLimitBucket[];
}

interface ProviderState {
  log: AttemptLog;
  lastSuccessAt?: number;
  lastFailure?: RequestSample;
  quotaWindows: Map<QuotaWindow, QuotaState>;
  buckets: Map<string, RateLimitBucket>;
}

const WINDOW_ORDER: QuotaWindow[] = ["month", "day", "hour", "minute", "unknown"];

/** A reset at the first instant of a UTC month is a monthly quota, however close the month's end is. */
function isStartOfUtcMonth(ms: number): boolean {
  const d = new Date(ms);
  return d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
}

export function quotaWindowOf(resetAt: string | undefined, at: number): QuotaWindow {
  const reset = resetAt === undefined ? NaN : Date.parse(resetAt);
  if (!Number.isFinite(reset)) return "unknown";
  if (isStartOfUtcMonth(reset) && reset > at + 2 * 60_000) return "month";
  const ahead = reset - at;
  if (ahead <= 2 * 60_000) return "minute";
  if (ahead <= 2 * 3_600_000) return "hour";
  if (ahead <= 2 * 86_400_000) return "day";
  return "month";
}

export class ProviderTelemetry {
  readonly requests: RequestSample[] = [];
  readonly dropped: DroppedItem[] = [];
  readonly features = new Map<string, DisabledFeature>();
  readonly quotas = new Map<ProviderName, QuotaState>();
  readonly rateLimitedUntil = new Map<ProviderName, number>();
  private readonly state = new Map<ProviderName, ProviderState>();

  constructor(
    readonly now: () => number = Date.now,
    private readonly attemptsPerProvider = ATTEMPTS_PER_PROVIDER,
  ) {}

  private of(provider: ProviderName): ProviderState {
    let state = this.state.get(provider);
    if (!state) {
      state = { log: new AttemptLog(this.attemptsPerProvider), quotaWindows: new Map(), buckets: new Map() };
      this.state.set(provider, state);
    }
    return state;
  }

  /** One HTTP attempt (a retried call records each attempt). O(1): called on every provider request. */
  recordRequest(sample: Omit<RequestSample, "at"> & { at?: number }): void {
    const full: RequestSample = { ...sample, at: sample.at ?? this.now() };
    push(this.requests, full);
    const state = this.of(full.provider);
    state.log.push(full);
    if (isFailure(full.error)) state.lastFailure = full;
    else state.lastSuccessAt = full.at;
  }

  /** One item of a response failed its schema and was left out; the rest of the answer was used. */
  recordDropped(item: Omit<DroppedItem, "at">): void {
    push(this.dropped, { ...item, at: this.now() });
    logWithRequestId("warn", { event: "provider.item_dropped", ...item }, "provider item dropped");
  }

  /** An optional endpoint is missing (404): its feature is off until the process restarts. */
  disableFeature(provider: ProviderName, feature: string, reason: string): void {
    const key = `${provider}:${feature}`;
    if (this.features.has(key)) return;
    this.features.set(key, { provider, feature, reason, since: this.now() });
    logWithRequestId(
      "warn",
      { event: "provider.feature_disabled", provider, feature, reason },
      "provider feature disabled",
    );
  }

  isFeatureDisabled(provider: ProviderName, feature: string): boolean {
    return this.features.has(`${provider}:${feature}`);
  }

  /** An X-RateLimit-* reading; kept per window so a per-minute limit does not hide a monthly quota. */
  recordQuota(provider: ProviderName, quota: Omit<QuotaState, "at">): void {
    const at = this.now();
    const state: QuotaState = { ...quota, at, window: quota.window ?? quotaWindowOf(quota.resetAt, at) };
    this.quotas.set(provider, state);
    this.of(provider).quotaWindows.set(state.window!, state);
  }

  recordRateLimited(provider: ProviderName, untilMs: number): void {
    this.rateLimitedUntil.set(provider, untilMs);
  }

  /** The limiter buckets a provider's requests take, so the health page can ask the limiter about them. */
  recordBuckets(provider: ProviderName, buckets: readonly RateLimitBucket[]): void {
    const known = this.of(provider).buckets;
    for (const bucket of buckets) if (!known.has(bucket.key)) known.set(bucket.key, bucket);
  }

  /** Samples of the last hour only. */
  recent<T extends { at: number }>(list: T[], provider: ProviderName): Array<T & { provider: ProviderName }> {
    const since = this.now() - WINDOW_MS;
    return list.filter(
      (s) => s.at >= since && (s as unknown as { provider: ProviderName }).provider === provider,
    ) as Array<T & { provider: ProviderName }>;
  }

  /** Plain data about one provider for the window ending now. */
  view(provider: ProviderName): ProviderTelemetryView {
    const state = this.state.get(provider);
    const since = this.now() - WINDOW_MS;
    const { attempts, truncated } = state?.log.since(since) ?? { attempts: [], truncated: false };
    return {
      provider,
      attempts,
      truncated,
      lastSuccessAt: state?.lastSuccessAt,
      lastFailure: state?.lastFailure,
      rateLimitedUntil: this.rateLimitedUntil.get(provider),
      quotas: WINDOW_ORDER.flatMap((w) => {
        const quota = state?.quotaWindows.get(w);
        return quota ? [quota] : [];
      }),
      dropped: this.recent(this.dropped, provider),
      disabledFeatures: [...this.features.values()].filter((f) => f.provider === provider),
      buckets: [...(state?.buckets.values() ?? [])],
    };
  }

  views(): ProviderTelemetryView[] {
    return PROVIDERS.map((p) => this.view(p));
  }
}

/** Appends, trimming the oldest in batches so that a push stays O(1) amortised. */
function push<T>(list: T[], item: T) {
  list.push(item);
  if (list.length > 2 * MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
}

const globalForTelemetry = globalThis as unknown as { providerTelemetry?: ProviderTelemetry };

/** The process-wide telemetry (shared by every server bundle through globalThis). */
export function providerTelemetry(): ProviderTelemetry {
  globalForTelemetry.providerTelemetry ??= new ProviderTelemetry();
  return globalForTelemetry.providerTelemetry;
}
