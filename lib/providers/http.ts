// The one HTTP base every provider client uses: timeout, zod on both sides, redaction, typed errors,
// safe retries, the shared rate limiter, and telemetry for the provider health page.
import type { z } from "zod";
import type { ProviderName } from "@/lib/domain";
import { currentContext } from "@/lib/observability/context";
import { log } from "@/lib/observability/log";
import { recordProviderAttempt } from "@/lib/observability/metrics";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { currentRequestId } from "@/lib/observability/request-scope";
import type { ErrorText } from "@/lib/errors";
import { ProviderError, codeForStatus, genericProviderText, type ProviderErrorCode } from "./errors";
import { NO_RATE_LIMIT, type RateLimitBucket, type RateLimiter } from "./rate-limit";
import { currentRequestPriority, type BudgetLedger, type RequestBudget } from "./budget";
import { providerOutcome } from "./outcome";
import { createRedactor } from "./redact";
import { providerTelemetry, quotaWindowOf, type ProviderTelemetry } from "./telemetry";
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isIdempotentMethod,
  rateLimitDelayMs,
  shouldRetryStatus,
  type RateLimitFallback,
  type RetryPolicy,
} from "./retry";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | undefined | null;

/** What a provider's mapError sees of a non-2xx answer. */
export interface HttpFailure {
  operation: string;
  status: number;
  /** Parsed JSON when the body was JSON, else the raw text. */
  body: unknown;
  headers: Headers;
}

/** Provider-specific refinement of an HTTP error; anything left out gets the generic value. */
export interface MappedError {
  code?: ProviderErrorCode;
  /** What the user is told (`errors.providers.*`). */
  text?: ErrorText;
  detail?: string;
  existingId?: string;
}
export type ErrorMapper = (failure: HttpFailure) => MappedError | undefined;

export interface RequestLogEntry {
  provider: ProviderName;
  operation: string;
  method: HttpMethod;
  /** Redacted. */
  url: string;
  attempt: number;
  status?: number;
  durationMs: number;
  /** Error code when the attempt failed. */
  error?: ProviderErrorCode;
}

export interface HttpClientConfig {
  provider: ProviderName;
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per attempt, covering the whole response body. */
  timeoutMs?: number;
  /** Credential headers, asked for on every attempt (tokens may be refreshed in between). */
  authHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Values that must never appear in logs or errors. */
  secrets: () => ReadonlyArray<string | undefined>;
  mapError?: ErrorMapper;
  limiter?: RateLimiter;
  /** The rate-limit buckets every request of this client takes. */
  buckets?: readonly RateLimitBucket[];
  rateLimitFallback?: RateLimitFallback;
  /**
   * The credential's monthly quota and the ledger it is counted in: every attempt draws from it at the priority
   * of the work that makes it (budget.ts), and is not sent when that priority's share is spent.
   */
  budget?: { ledger: BudgetLedger; quota: RequestBudget };
  retry?: Partial<RetryPolicy>;
  /** Called once per request on a 401; resolve true to try again with fresh authHeaders. */
  onUnauthorized?: () => Promise<boolean>;
  log?: (entry: RequestLogEntry) => void;
  /** Where attempts, 429s and quota headers are counted; the process-wide telemetry by default. */
  telemetry?: ProviderTelemetry;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export interface RequestSpec<S extends z.ZodType | "none"> {
  /** Names the call in errors and logs, e.g. "createBooking". */
  operation: string;
  method: HttpMethod;
  /** Relative to baseUrl, segments already encoded (use `pathOf`), or an absolute URL. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates `body` before anything is sent. */
  bodySchema?: z.ZodType;
  /** Sent as application/x-www-form-urlencoded instead of JSON. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** The 2xx body's schema, or "none" when the body is ignored. */
  response: S;
  /** Defaults to the method's HTTP semantics (POST is not idempotent). */
  idempotent?: boolean;
  /** Wait out 429s (default). False for calls whose 429 means "not now" rather than "slow down". */
  retryRateLimited?: boolean;
  /** Extra buckets for this call (e.g. Petit Monde's spacing between booking creations). */
  buckets?: readonly RateLimitBucket[];
  signal?: AbortSignal;
}

export interface HttpResult<T> {
  data: T;
  status: number;
  headers: Headers;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Joins encoded path segments: pathOf("v1", "users", id) → "/v1/users/<id>". */
export function pathOf(...segments: Array<string | number>): string {
  return "/" + segments.map((s) => encodeURIComponent(String(s))).join("/");
}

/** "locations.0.coordinates.latitude: Invalid input: expected string, received number" */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Network errors that prove the request never left: safe to repeat even for a POST. */
function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

/** X-RateLimit-Reset as an ISO instant: ISO 8601, epoch seconds, or seconds from now (as retry.ts reads it). */
function resetInstant(value: string | null, now: number): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    ms = seconds > 1e9 ? seconds * 1000 : now + seconds * 1000;
  } else {
    ms = Date.parse(trimmed);
  }
  // An odd header must never fail the call it came with.
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

function headerNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function parseBody(text: string): { json: unknown; ok: boolean } {
  if (text === "") return { json: undefined, ok: false };
  try {
    return { json: JSON.parse(text), ok: true };
  } catch {
    return { json: text, ok: false };
  }
}

export class HttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly baseUrl: string;
  private readonly telemetry: ProviderTelemetry;

  constructor(private readonly config: HttpClientConfig) {
    this.fetchImpl = config.fetch ?? globalThis.fetch;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
    this.timeoutMs = config.timeoutMs ?? 15_000;
    this.sleep = config.sleep ?? defaultSleep;
    this.now = config.now ?? Date.now;
    this.random = config.random ?? Math.random;
    this.baseUrl = config.baseUrl.replace(/\/+$/, "");
    this.telemetry = config.telemetry ?? providerTelemetry();
    if (config.buckets?.length) this.telemetry.recordBuckets(config.provider, config.buckets);
  }

  get provider(): ProviderName {
    return this.config.provider;
  }

  /** Redacts this client's secrets (and generic credential patterns) from a text. */
  redact(text: string): string {
    return createRedactor(this.config.secrets())(text);
  }

  error(init: Omit<ConstructorParameters<typeof ProviderError>[0], "provider" | "userMessage">) {
    return new ProviderError({
      provider: this.config.provider,
      text: genericProviderText(init.code),
      ...init,
      detail: init.detail === undefined ? undefined : this.redact(init.detail),
    });
  }

  async request<S extends z.ZodType | "none">(spec: RequestSpec<S>): Promise<HttpResult<Output<S>>> {
    const { operation, method } = spec;
    // The request (or job) this call works for, sent along and logged with every attempt.
    const requestId = await currentRequestId();
    if (requestId) spec = { ...spec, headers: { [REQUEST_ID_HEADER]: requestId, ...spec.headers } };
    if (spec.bodySchema && spec.body !== undefined) {
      const checked = spec.bodySchema.safeParse(spec.body);
      if (!checked.success) {
        const issues = describeIssues(checked.error);
        throw this.error({
          operation,
          code: "INVALID_REQUEST",
          retryable: false,
          detail: `request body: ${issues.join("; ")}`,
          issues,
        });
      }
    }
    const idempotent = spec.idempotent ?? isIdempotentMethod(method);
    const url = this.buildUrl(spec.path, spec.query);
    const body =
      spec.form !== undefined
        ? new URLSearchParams(spec.form).toString()
        : spec.body === undefined
          ? undefined
          : JSON.stringify(spec.body);
    const contentType =
      spec.form !== undefined
        ? "application/x-www-form-urlencoded"
        : body === undefined
          ? undefined
          : "application/json";
    const buckets = spec.buckets ? [...(this.config.buckets ?? []), ...spec.buckets] : (this.config.buckets ?? []);
    const limiter = this.config.limiter ?? NO_RATE_LIMIT;
    if (spec.buckets?.length) this.telemetry.recordBuckets(this.config.provider, spec.buckets);

    let failures = 0;
    let rateLimited = 0;
    let refreshedAuth = false;
    const priority = currentRequestPriority();
    for (let attempt = 1; ; attempt++) {
      await this.takeFromBudget(operation, priority);
      if (buckets.length > 0) await limiter.acquire(buckets, spec.signal);
      const headers: Record<string, string> = { accept: "application/json", ...spec.headers };
      if (contentType) headers["content-type"] = contentType;
      if (this.config.authHeaders) Object.assign(headers, await this.config.authHeaders());

      const timeout = AbortSignal.timeout(this.timeoutMs);
      const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
      const started = this.now();
      let response: Response;
      let text: string;
      try {
        response = await this.fetchImpl(url, { method, headers, body, signal });
        text = await response.text();
      } catch (cause) {
        if (spec.signal?.aborted) throw spec.signal.reason;
        const timedOut = timeout.aborted;
        const code: ProviderErrorCode = timedOut ? "TIMEOUT" : "NETWORK";
        this.logAttempt(spec, url, attempt, started, undefined, code);
        const safeToRepeat = idempotent || (!timedOut && neverSent(cause));
        if (safeToRepeat && ++failures < this.policy.maxAttempts) {
          await this.sleep(backoffDelayMs(failures - 1, this.policy, this.random), spec.signal);
          continue;
        }
        throw this.error({
          operation,
          code: safeToRepeat ? code : "OUTCOME_UNKNOWN",
          retryable: true,
          detail: `${timedOut ? `no answer within ${this.timeoutMs} ms` : String((cause as Error)?.message ?? cause)}`,
        });
      }
      const status = response.status;
      this.recordQuota(response.headers);

      if (status === 401 && this.config.onUnauthorized && !refreshedAuth) {
        refreshedAuth = true;
        this.logAttempt(spec, url, attempt, started, status, "UNAUTHORIZED");
        if (await this.config.onUnauthorized()) continue;
      }

      if (status === 429) {
        const waitMs = rateLimitDelayMs(
          response.headers,
          this.now(),
          this.config.rateLimitFallback ?? { delayMs: 1_000 },
        );
        this.logAttempt(spec, url, attempt, started, status, "RATE_LIMITED");
        this.telemetry.recordRateLimited(this.config.provider, this.telemetry.now() + waitMs);
        if (
          (spec.retryRateLimited ?? true) &&
          rateLimited++ < this.policy.maxRateLimitRetries &&
          waitMs <= this.policy.maxRateLimitWaitMs
        ) {
          // A little jitter so that instances released by the same reset do not collide again.
          await this.sleep(waitMs + Math.round(this.random() * 100), spec.signal);
          continue;
        }
        const mapped = this.mapped({ operation, status, body: parseBody(text).json, headers: response.headers });
        throw this.error({ operation, status, code: "RATE_LIMITED", retryable: true, retryAfterMs: waitMs, ...mapped });
      }

      if (status >= 500) {
        this.logAttempt(spec, url, attempt, started, status, "UPSTREAM");
        if (shouldRetryStatus(status, idempotent) && ++failures < this.policy.maxAttempts) {
          await this.sleep(backoffDelayMs(failures - 1, this.policy, this.random), spec.signal);
          continue;
        }
        const mapped = this.mapped({ operation, status, body: parseBody(text).json, headers: response.headers });
        throw this.error({
          operation,
          status,
          retryable: true,
          ...mapped,
          code: idempotent ? (mapped?.code ?? "UPSTREAM") : "OUTCOME_UNKNOWN",
        });
      }

      if (status < 200 || status >= 300) {
        const mapped = this.mapped({ operation, status, body: parseBody(text).json, headers: response.headers });
        const code = mapped?.code ?? codeForStatus(status);
        this.logAttempt(spec, url, attempt, started, status, code);
        throw this.error({ operation, status, code, retryable: code === "TIMEOUT", ...mapped });
      }

      if (spec.response === "none") {
        this.logAttempt(spec, url, attempt, started, status);
        return { data: undefined as Output<S>, status, headers: response.headers };
      }
      const parsed = parseBody(text);
      if (!parsed.ok) {
        // A garbled or truncated body: repeating a read is harmless, a write's outcome is unknown.
        this.logAttempt(spec, url, attempt, started, status, "INVALID_RESPONSE");
        if (idempotent && ++failures < this.policy.maxAttempts) {
          await this.sleep(backoffDelayMs(failures - 1, this.policy, this.random), spec.signal);
          continue;
        }
        throw this.error({
          operation,
          status,
          code: idempotent ? "INVALID_RESPONSE" : "OUTCOME_UNKNOWN",
          retryable: true,
          detail: `response is not JSON: ${text.slice(0, 120)}`,
        });
      }
      const result = (spec.response as z.ZodType).safeParse(parsed.json);
      if (!result.success) {
        const issues = describeIssues(result.error);
        this.logAttempt(spec, url, attempt, started, status, "INVALID_RESPONSE");
        throw this.error({
          operation,
          status,
          code: idempotent ? "INVALID_RESPONSE" : "OUTCOME_UNKNOWN",
          retryable: !idempotent,
          detail: `response body: ${issues.join("; ")}`,
          issues,
        });
      }
      this.logAttempt(spec, url, attempt, started, status);
      return { data: result.data as Output<S>, status, headers: response.headers };
    }
  }

  private mapped(failure: HttpFailure): MappedError | undefined {
    try {
      return this.config.mapError?.(failure);
    } catch {
      return undefined;
    }
  }

  private buildUrl(path: string, query?: Record<string, QueryValue>): string {
    const base = /^https?:\/\//.test(path) ? path : this.baseUrl + path;
    if (!query) return base;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.append(key, String(value));
    }
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  }

  /** Counts the attempt in the quota's budget, or refuses it (nothing sent) when its priority's share is spent. */
  private async takeFromBudget(operation: string, priority: ReturnType<typeof currentRequestPriority>) {
    const budget = this.config.budget;
    if (!budget || (await budget.ledger.take(budget.quota, priority))) return;
    throw this.error({
      operation,
      code: "QUOTA_KEPT",
      retryable: false,
      detail: `${priority} share of the quota spent`,
    });
  }

  /** Quota headers, from any provider that sends them (Petit Monde does on every answer). */
  private recordQuota(headers: Headers) {
    const limit = headerNumber(headers.get("x-ratelimit-limit"));
    const remaining = headerNumber(headers.get("x-ratelimit-remaining"));
    if (limit === undefined && remaining === undefined) return;
    const resetAt = resetInstant(headers.get("x-ratelimit-reset"), this.telemetry.now());
    this.telemetry.recordQuota(this.config.provider, { limit, remaining, resetAt });
    // Only figures that describe the month correct the month's budget (a minute's remaining says nothing of it).
    const budget = this.config.budget;
    if (budget && quotaWindowOf(resetAt, this.telemetry.now()) === "month") {
      budget.ledger.observe(budget.quota, { limit, remaining }).catch(() => {});
    }
  }

  private logAttempt(
    spec: RequestSpec<z.ZodType | "none">,
    url: string,
    attempt: number,
    started: number,
    status?: number,
    error?: ProviderErrorCode,
  ) {
    const durationMs = this.now() - started;
    this.telemetry.recordRequest({
      provider: this.config.provider,
      operation: spec.operation,
      durationMs,
      status,
      error,
    });
    const outcome = providerOutcome(status, error);
    recordProviderAttempt({ provider: this.config.provider, operation: spec.operation, outcome, durationMs });
    // Inside a job the logger adds the job's request and job ids itself.
    const requestId = currentContext() ? undefined : spec.headers?.[REQUEST_ID_HEADER];
    log[outcome === "ok" || outcome === "client_error" ? "info" : "warn"](
      {
        event: "provider.request",
        ...(requestId ? { requestId } : {}),
        provider: this.config.provider,
        operation: spec.operation,
        method: spec.method,
        attempt,
        status,
        outcome,
        error,
        durationMs,
      },
      "provider request",
    );
    if (!this.config.log) return;
    this.config.log({
      provider: this.config.provider,
      operation: spec.operation,
      method: spec.method,
      url: this.redact(url),
      attempt,
      status,
      durationMs,
      error,
    });
  }
}
