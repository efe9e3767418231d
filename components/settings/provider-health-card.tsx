// One provider's health: mode, status, last success and error, error rate, latency, rate limits, quota,
// dropped items and switched-off features, in plain words.
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { LocalTime } from "@/components/ui/local-time";
import type { Formatter } from "@/lib/format";
import type { LimiterBucketView, ProviderHealth, ProviderStatus, QuotaView } from "@/lib/providers/health";

const STATUS: Record<ProviderStatus, { label: string; tone: BadgeTone }> = {
  ok: { label: "Working", tone: "success" },
  degraded: { label: "Degraded", tone: "warning" },
  down: { label: "Failing", tone: "danger" },
  idle: { label: "No recent requests", tone: "neutral" },
};

const QUOTA_LABELS: Record<QuotaView["window"], string> = {
  month: "Monthly quota",
  day: "Daily quota",
  hour: "Hourly limit",
  minute: "Per-minute limit",
  unknown: "Quota",
};

const BUCKET_LABELS: Record<string, string> = {
  minute: "Per-minute budget",
  day: "Daily budget",
  "booking-creation": "Spacing between bookings",
};

function waitText(f: Formatter, ms: number): string {
  return ms < 1_000 ? `${f.number(ms)} ms` : `${f.number(ms / 1_000, 1)} s`;
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 break-words text-sm">{children}</dd>
    </div>
  );
}

function Quota({ quota }: { quota: QuotaView }) {
  const f = useFormat();
  const label = QUOTA_LABELS[quota.window];
  return (
    <li>
      <span className="font-medium">{label}:</span>{" "}
      {quota.used !== null && quota.limit !== null
        ? `${f.number(quota.used)} of ${f.number(quota.limit)} used (${f.percent((quota.usedPercent ?? 0) / 100)})`
        : quota.remaining !== null
          ? `${f.number(quota.remaining)} left`
          : "no figures"}
      {quota.resetAt && (
        <span className="text-slate-500 dark:text-slate-400">
          {" "}
          · {quota.current ? "resets" : "has reset since"} <LocalTime iso={quota.resetAt} />
        </span>
      )}
      {quota.usedPercent !== null && (
        <div
          role="progressbar"
          aria-label={`${label} used`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={quota.usedPercent}
          className="mt-1 h-1.5 max-w-64 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div
            className={quota.usedPercent >= 90 ? "h-full bg-red-600" : "h-full bg-brand-600"}
            style={{ width: `${Math.min(100, quota.usedPercent)}%` }}
          />
        </div>
      )}
    </li>
  );
}

function Bucket({ bucket }: { bucket: LimiterBucketView }) {
  const f = useFormat();
  return (
    <li>
      {BUCKET_LABELS[bucket.name] ?? bucket.name}:{" "}
      {bucket.waitMs > 0 ? `the next request waits ${waitText(f, bucket.waitMs)}` : "the next request goes now"} (
      {f.number(bucket.availableNow)} of {f.number(bucket.burst)} could go at once)
    </li>
  );
}

export function ProviderHealthCard({ health }: { health: ProviderHealth }) {
  const f = useFormat();
  const headingId = `provider-health-${health.provider.toLowerCase()}`;
  const status = STATUS[health.status];
  const { requests, latencyMs, rateLimit, lastError, dropped } = health;
  return (
    <section aria-labelledby={headingId} data-provider={health.provider} data-status={health.status}>
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={headingId} className="text-lg font-semibold">
            {health.name}
          </h2>
          <Badge tone={health.mode === "live" ? "info" : "neutral"}>
            {health.mode === "live" ? "Live API" : "Sandbox"}
          </Badge>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {health.mode === "live"
            ? "Credentials are configured: calls go to the provider's real API."
            : "No credentials are configured: calls go to the built-in sandbox."}
        </p>

        <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2 xl:grid-cols-4">
          <Stat label="Last success">
            {health.lastSuccessAt ? <LocalTime iso={health.lastSuccessAt} /> : "None yet"}
          </Stat>
          <Stat label="Last error">
            {lastError ? (
              <>
                <LocalTime iso={lastError.at} />
                <br />
                {lastError.message}
                {lastError.status !== null && ` (HTTP ${lastError.status})`} during {lastError.operation}
                <span className="block text-xs text-slate-500 dark:text-slate-400">Code {lastError.code}</span>
              </>
            ) : (
              "None"
            )}
          </Stat>
          <Stat label="Requests, last hour">
            {requests.attempts === 0
              ? "None"
              : `${f.number(requests.attempts)} attempts, ${f.number(requests.failed)} failed (${f.percent(requests.errorRate ?? 0)})`}
            {requests.truncated && (
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                A busy hour: figures cover the newest attempts only.
              </span>
            )}
          </Stat>
          <Stat label="Response time, last hour">
            {latencyMs.answered === 0
              ? "No answers yet"
              : `median ${f.number(latencyMs.p50 ?? 0)} ms · 95th percentile ${f.number(latencyMs.p95 ?? 0)} ms`}
          </Stat>
          <Stat label="Rate limit">
            {rateLimit.limitedNow && rateLimit.limitedUntil ? (
              <span className="font-medium text-amber-800 dark:text-amber-200">
                Rate limited until <LocalTime iso={rateLimit.limitedUntil} />
              </span>
            ) : (
              "Not rate limited"
            )}
            {requests.rateLimited > 0 && (
              <span className="block">{f.number(requests.rateLimited)} refused as too many in the last hour</span>
            )}
            {rateLimit.buckets === null ? (
              <span className="block text-slate-500 dark:text-slate-400">The shared limiter could not be read.</span>
            ) : (
              rateLimit.buckets.length > 0 && (
                <ul className="mt-1 space-y-0.5 text-slate-600 dark:text-slate-400">
                  {rateLimit.buckets.map((b) => (
                    <Bucket key={b.name} bucket={b} />
                  ))}
                </ul>
              )
            )}
          </Stat>
          <Stat label="Quota">
            {health.quotas.length === 0 ? (
              "No quota figures in its answers so far"
            ) : (
              <ul className="space-y-1">
                {health.quotas.map((q) => (
                  <Quota key={q.window} quota={q} />
                ))}
              </ul>
            )}
          </Stat>
          <Stat label="Items dropped, last hour">
            {dropped.count === 0 ? (
              "None"
            ) : (
              <>
                {f.number(dropped.count)} left out for a field that did not match
                <ul className="mt-1 space-y-0.5">
                  {dropped.topPaths.map((p) => (
                    <li key={`${p.operation} ${p.path}`}>
                      <code className="text-xs">{p.path}</code> in {p.operation}: {f.number(p.count)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Stat>
          <Stat label="Features switched off">
            {health.disabledFeatures.length === 0 ? (
              "None"
            ) : (
              <ul className="space-y-1">
                {health.disabledFeatures.map((off) => (
                  <li key={off.feature}>
                    <span className="font-medium">{off.feature}</span>: {off.reason}{" "}
                    <span className="text-slate-500 dark:text-slate-400">
                      (since <LocalTime iso={off.since} />)
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Stat>
        </dl>
      </Card>
    </section>
  );
}
