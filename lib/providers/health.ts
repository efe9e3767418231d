// The provider health snapshot: what this process's telemetry says about each provider over the last hour,
// in plain words and numbers, with nothing secret in it. Pure: the clock and the limiter state come in.
import { PROVIDER_LABELS, type ProviderName } from "@/lib/domain";
import type { ProviderConfig } from "@/lib/env";
import type { ProviderErrorCode } from "./errors";
import { daysInUtcMonth, roomLeft, type BudgetUse, type RequestPriority } from "./budget";
import type { RateLimitBucket } from "./rate-limit";
import {
  WINDOW_MS,
  isFailure,
  type Attempt,
  type ProviderTelemetryView,
  type QuotaState,
  type QuotaWindow,
} from "./telemetry";

/** ok: answering; degraded: failing often, rate limited or near its quota; down: failing now; idle: no calls. */
export type ProviderStatus = "ok" | "degraded" | "down" | "idle";

export interface ProviderLastError {
  at: string;
  code: ProviderErrorCode;
  /** HTTP status; null when no answer arrived. */
  status: number | null;
  operation: string;
  /** Our own words for the code in English, for monitoring, never the provider's text; the page words the code. */
  message: string;
}

export interface QuotaView {
  window: QuotaWindow;
  limit: number | null;
  remaining: number | null;
  used: number | null;
  /** 0–100, one decimal. */
  usedPercent: number | null;
  resetAt: string | null;
  /** False once the reset time has passed: the figures are from the previous window. */
  current: boolean;
  observedAt: string;
}

export interface LimiterBucketView {
  /** What the bucket limits, e.g. "minute", "day", "booking-creation". */
  name: string;
  burst: number;
  intervalMs: number;
  /** How long a request taking this bucket now would wait for its slot. */
  waitMs: number;
  /** How many requests could go back to back right now. */
  availableNow: number;
}

export interface ProviderHealth {
  provider: ProviderName;
  name: string;
  /** "live" when credentials are configured, "sandbox" otherwise. */
  mode: "live" | "sandbox";
  status: ProviderStatus;
  /** One line in English, for monitoring; the page says its own words from the figures. */
  summary: string;
  lastSuccessAt: string | null;
  lastError: ProviderLastError | null;
  /** Over the last hour; each retry is an attempt. */
  requests: { attempts: number; failed: number; rateLimited: number; errorRate: number | null; truncated: boolean };
  /** Of attempts that got an HTTP answer in the last hour. */
  latencyMs: { p50: number | null; p95: number | null; answered: number };
  rateLimit: {
    limitedUntil: string | null;
    limitedNow: boolean;
    /** The shared limiter's buckets for this provider; null when the limiter could not be read. */
    buckets: LimiterBucketView[] | null;
  };
  /** X-RateLimit-* readings, longest window first. */
  quotas: QuotaView[];
  /** The monthly request budget every caller draws from (budget.ts); null for a provider without one. */
  budget: BudgetView | null;
  dropped: { count: number; topPaths: Array<{ operation: string; path: string; count: number }> };
  disabledFeatures: Array<{ feature: string; reason: string; since: string }>;
}

export interface ProviderHealthSnapshot {
  generatedAt: string;
  windowMinutes: number;
  /** The figures are one server process's, not the whole deployment's. */
  scope: "process";
  providers: ProviderHealth[];
}

/** The monthly request budget as the health page shows it. */
export interface BudgetView extends BudgetUse {
  /** What each priority may still spend today. */
  room: Record<RequestPriority, number>;
  /** Browsing is refused until tomorrow (or next month): the rest is kept for searches asked for and bookings. */
  browsingPaused: boolean;
}

/** What has been spent of the budget, with each priority's room today. */
export function budgetView(use: BudgetUse, now: number): BudgetView {
  const room = roomLeft(use, daysInUtcMonth(new Date(now)));
  return { ...use, room, browsingPaused: room.browse === 0 };
}

/** One shared-limiter bucket: how far its next free slot (TAT) is ahead of now. */
export interface LimiterReading {
  key: string;
  aheadMs: number;
}

export const ERROR_WORDS: Record<ProviderErrorCode, string> = {
  TIMEOUT: "No answer in time",
  NETWORK: "Could not connect",
  RATE_LIMITED: "Refused: too many requests",
  UNAUTHORIZED: "Credentials refused",
  FORBIDDEN: "Not allowed for our account",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict with an existing item",
  INVALID_REQUEST: "Request refused as invalid",
  INVALID_RESPONSE: "Answer in an unexpected format",
  UPSTREAM: "Server error at the provider",
  OUTCOME_UNKNOWN: "No clear answer to a change: its outcome is unknown",
  UNKNOWN: "Unexpected answer",
  QUOTA_KEPT: "Not sent: the rest of the quota is kept for bookings",
};

const DOWN_AFTER_MS = 5 * 60_000;
const DEGRADED_ERROR_RATE = 0.05;
const DEGRADED_QUOTA_PERCENT = 90;
const TOP_PATHS = 5;

function modeOf(provider: ProviderName, config: ProviderConfig): "live" | "sandbox" {
  switch (provider) {
    case "PLUGSURFING":
      return config.plugsurfing.sandbox ? "sandbox" : "live";
    case "PETITMONDE":
      return config.petitMonde.sandbox ? "sandbox" : "live";
    case "DEPOTFINITY":
      return config.depot.sandbox ? "sandbox" : "live";
    default: {
      const unknown: never = provider;
      throw new Error(`unknown provider ${String(unknown)}`);
    }
  }
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const round1 = (n: number) => Math.round(n * 10) / 10;

function quotaView(quota: QuotaState, now: number): QuotaView {
  const limit = quota.limit ?? null;
  const remaining = quota.remaining ?? null;
  const used = limit !== null && remaining !== null ? Math.max(0, limit - remaining) : null;
  const reset = quota.resetAt === undefined ? NaN : Date.parse(quota.resetAt);
  return {
    window: quota.window ?? "unknown",
    limit,
    remaining,
    used,
    usedPercent: used !== null && limit !== null && limit > 0 ? round1((used / limit) * 100) : null,
    resetAt: Number.isFinite(reset) ? new Date(reset).toISOString() : null,
    current: !Number.isFinite(reset) || reset > now,
    observedAt: new Date(quota.at).toISOString(),
  };
}

function bucketView(bucket: RateLimitBucket, aheadMs: number): LimiterBucketView {
  const ahead = Math.max(0, aheadMs);
  return {
    name: bucket.key.slice(bucket.key.lastIndexOf(":") + 1),
    burst: bucket.burst,
    intervalMs: bucket.intervalMs,
    // Same arithmetic as the limiter's reserve(): the slot is TAT − (burst − 1)·interval.
    waitMs: Math.round(Math.max(0, ahead - (bucket.burst - 1) * bucket.intervalMs)),
    availableNow: Math.max(0, Math.min(bucket.burst, Math.floor(bucket.burst - ahead / bucket.intervalMs))),
  };
}

/** "results.3.evses.0.status" → "results.*.evses.*.status", so one bad field in many items counts once. */
export function fieldPattern(path: string): string {
  return path
    .split(".")
    .map((segment) => (/^\d+$/.test(segment) ? "*" : segment))
    .join(".");
}

function topDropped(view: ProviderTelemetryView) {
  const counts = new Map<string, { operation: string; path: string; count: number }>();
  for (const item of view.dropped) {
    const path = fieldPattern(item.path);
    const key = `${item.operation}\u0000${path}`;
    const entry = counts.get(key) ?? { operation: item.operation, path, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path) || a.operation.localeCompare(b.operation))
    .slice(0, TOP_PATHS);
}

function statusOf(
  attempts: Attempt[],
  errorRate: number | null,
  lastSuccessAt: number | undefined,
  limitedNow: boolean,
  quotas: QuotaView[],
  now: number,
): ProviderStatus {
  if (attempts.length === 0) return "idle";
  const latestFailed = isFailure(attempts[0].error);
  if (latestFailed && (lastSuccessAt === undefined || lastSuccessAt < now - DOWN_AFTER_MS)) return "down";
  const nearQuota = quotas.some(
    (q) => q.current && q.window !== "minute" && (q.usedPercent ?? 0) >= DEGRADED_QUOTA_PERCENT,
  );
  if (limitedNow || nearQuota || (errorRate ?? 0) >= DEGRADED_ERROR_RATE) return "degraded";
  return "ok";
}

function summaryOf(health: Pick<ProviderHealth, "status" | "requests" | "lastError" | "rateLimit">): string {
  const { attempts, errorRate } = health.requests;
  const share = errorRate === null ? "" : `, ${round1(errorRate * 100)}% failed`;
  switch (health.status) {
    case "idle":
      return "No requests in the last hour.";
    case "down":
      return `Failing: ${health.lastError?.message ?? "requests fail"}.`;
    case "degraded":
      return health.rateLimit.limitedNow
        ? `Rate limited until ${health.rateLimit.limitedUntil}.`
        : `Degraded: ${attempts} requests in the last hour${share}.`;
    case "ok":
      return `Working: ${attempts} requests in the last hour${share}.`;
    default: {
      const unknown: never = health.status;
      return String(unknown);
    }
  }
}

export function providerHealthOf(
  view: ProviderTelemetryView,
  config: ProviderConfig,
  limiter: readonly LimiterReading[] | null,
  now: number,
  budget: BudgetUse | null = null,
): ProviderHealth {
  const since = now - WINDOW_MS;
  // The view was cut at the telemetry's own clock; cut again at ours so the function is exact for `now`.
  const attempts = view.attempts.filter((a) => a.at >= since && a.at <= now);
  const failed = attempts.filter((a) => isFailure(a.error)).length;
  const rateLimited = attempts.filter((a) => a.error === "RATE_LIMITED").length;
  const errorRate = attempts.length ? failed / attempts.length : null;
  const durations = attempts
    .filter((a) => a.status !== undefined)
    .map((a) => a.durationMs)
    .sort((a, b) => a - b);
  const p50 = percentile(durations, 50);
  const p95 = percentile(durations, 95);

  const limitedNow = view.rateLimitedUntil !== undefined && view.rateLimitedUntil > now;
  const readings = limiter === null ? null : new Map(limiter.map((r) => [r.key, r.aheadMs]));
  const quotas = view.quotas.map((q) => quotaView(q, now));
  const lastError: ProviderLastError | null = view.lastFailure?.error
    ? {
        at: new Date(view.lastFailure.at).toISOString(),
        code: view.lastFailure.error,
        status: view.lastFailure.status ?? null,
        operation: view.lastFailure.operation,
        message: ERROR_WORDS[view.lastFailure.error],
      }
    : null;
  const dropped = view.dropped.filter((d) => d.at >= since && d.at <= now);

  const health: Omit<ProviderHealth, "summary"> = {
    provider: view.provider,
    name: PROVIDER_LABELS[view.provider],
    mode: modeOf(view.provider, config),
    status: statusOf(attempts, errorRate, view.lastSuccessAt, limitedNow, quotas, now),
    lastSuccessAt: iso(view.lastSuccessAt),
    lastError,
    requests: {
      attempts: attempts.length,
      failed,
      rateLimited,
      errorRate: errorRate === null ? null : Math.round(errorRate * 10_000) / 10_000,
      truncated: view.truncated,
    },
    latencyMs: {
      p50: p50 === null ? null : Math.round(p50),
      p95: p95 === null ? null : Math.round(p95),
      answered: durations.length,
    },
    rateLimit: {
      limitedUntil: limitedNow ? iso(view.rateLimitedUntil) : null,
      limitedNow,
      buckets: readings === null ? null : view.buckets.map((b) => bucketView(b, readings.get(b.key) ?? 0)),
    },
    quotas,
    budget: budget ? budgetView(budget, now) : null,
    dropped: { count: dropped.length, topPaths: topDropped({ ...view, dropped }) },
    disabledFeatures: view.disabledFeatures.map((f) => ({
      feature: f.feature,
      reason: f.reason,
      since: new Date(f.since).toISOString(),
    })),
  };
  return { ...health, summary: summaryOf(health) };
}

/** The snapshot the health page and GET /api/health/providers show. */
export function providerHealth(input: {
  views: readonly ProviderTelemetryView[];
  config: ProviderConfig;
  /** Shared-limiter readings for the buckets in the views; null when the limiter could not be read. */
  limiter: readonly LimiterReading[] | null;
  now: number;
  /** What each provider with a request budget has spent of it. */
  budgets?: Partial<Record<ProviderName, BudgetUse>>;
}): ProviderHealthSnapshot {
  return {
    generatedAt: new Date(input.now).toISOString(),
    windowMinutes: WINDOW_MS / 60_000,
    scope: "process",
    providers: input.views.map((view) =>
      providerHealthOf(view, input.config, input.limiter, input.now, input.budgets?.[view.provider] ?? null),
    ),
  };
}
