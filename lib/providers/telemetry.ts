// What each provider did lately in this process: requests (status, latency), items dropped by tolerant
// parsing, optional features switched off, and quota/rate-limit state. Feeds the provider health page.
import type { ProviderName } from "@/lib/domain";
import type { ProviderErrorCode } from "./errors";

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

export interface QuotaState {
  limit?: number;
  remaining?: number;
  resetAt?: string;
  at: number;
}

const WINDOW_MS = 60 * 60_000;
const MAX_SAMPLES = 5_000;

export class ProviderTelemetry {
  readonly requests: RequestSample[] = [];
  readonly dropped: DroppedItem[] = [];
  readonly features = new Map<string, DisabledFeature>();
  readonly quotas = new Map<ProviderName, QuotaState>();
  readonly rateLimitedUntil = new Map<ProviderName, number>();

  constructor(private readonly now: () => number = Date.now) {}

  recordRequest(sample: Omit<RequestSample, "at"> & { at?: number }): void {
    push(this.requests, { ...sample, at: sample.at ?? this.now() });
  }

  /** One item of a response failed its schema and was left out; the rest of the answer was used. */
  recordDropped(item: Omit<DroppedItem, "at">): void {
    push(this.dropped, { ...item, at: this.now() });
    console.warn(JSON.stringify({ event: "provider.item_dropped", ...item }));
  }

  /** An optional endpoint is missing (404): its feature is off until the process restarts. */
  disableFeature(provider: ProviderName, feature: string, reason: string): void {
    const key = `${provider}:${feature}`;
    if (this.features.has(key)) return;
    this.features.set(key, { provider, feature, reason, since: this.now() });
    console.warn(JSON.stringify({ event: "provider.feature_disabled", provider, feature, reason }));
  }

  isFeatureDisabled(provider: ProviderName, feature: string): boolean {
    return this.features.has(`${provider}:${feature}`);
  }

  recordQuota(provider: ProviderName, quota: Omit<QuotaState, "at">): void {
    this.quotas.set(provider, { ...quota, at: this.now() });
  }

  recordRateLimited(provider: ProviderName, untilMs: number): void {
    this.rateLimitedUntil.set(provider, untilMs);
  }

  /** Samples of the last hour only. */
  recent<T extends { at: number }>(list: T[], provider: ProviderName): Array<T & { provider: ProviderName }> {
    const since = this.now() - WINDOW_MS;
    return list.filter(
      (s) => s.at >= since && (s as unknown as { provider: ProviderName }).provider === provider,
    ) as Array<T & { provider: ProviderName }>;
  }
}

function push<T>(list: T[], item: T) {
  list.push(item);
  if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
}

const globalForTelemetry = globalThis as unknown as { providerTelemetry?: ProviderTelemetry };

/** The process-wide telemetry (shared by every server bundle through globalThis). */
export function providerTelemetry(): ProviderTelemetry {
  globalForTelemetry.providerTelemetry ??= new ProviderTelemetry();
  return globalForTelemetry.providerTelemetry;
}
