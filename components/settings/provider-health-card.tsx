// One provider's health: mode, status, last success and error, error rate, latency, rate limits, quota,
// dropped items and switched-off features, in plain words.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { LocalTime } from "@/components/ui/local-time";
import type { Formatter } from "@/lib/format";
import type { BudgetView, LimiterBucketView, ProviderHealth, ProviderStatus, QuotaView } from "@/lib/providers/health";

const STATUS_TONES: Record<ProviderStatus, BadgeTone> = {
  ok: "success",
  degraded: "warning",
  down: "danger",
  idle: "neutral",
};

/** The buckets the limiter names; others are called by their own name. */
const BUCKETS = new Set(["minute", "day", "booking-creation"]);

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

/** The monthly request budget: what is spent today and this month, and whether browsing has to wait. */
function Budget({ budget }: { budget: BudgetView }) {
  const t = useTranslations("providers.card");
  const f = useFormat();
  const percent = budget.monthLimit > 0 ? Math.min(100, (budget.monthUsed / budget.monthLimit) * 100) : 0;
  return (
    <div data-testid="request-budget">
      <span className="block">
        {t("budgetToday", { used: f.number(budget.dayUsed), allowance: f.number(budget.dayAllowance) })}
      </span>
      <span className="block">
        {t("budgetMonth", {
          used: f.number(budget.monthUsed),
          limit: f.number(budget.monthLimit),
          percent: f.percent(percent / 100),
        })}
      </span>
      <div
        role="progressbar"
        aria-label={t("budgetUsedLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        className="mt-1 h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className={percent >= 80 ? "h-full bg-red-600" : "h-full bg-brand-600"} style={{ width: `${percent}%` }} />
      </div>
      <span className="mt-1 block text-slate-600 dark:text-slate-400">
        {budget.browsingPaused
          ? t("budgetBrowsingPaused", { room: f.number(budget.room.explicit) })
          : t("budgetRoom", { browse: f.number(budget.room.browse), explicit: f.number(budget.room.explicit) })}
      </span>
    </div>
  );
}

function Quota({ quota }: { quota: QuotaView }) {
  const t = useTranslations("providers.card");
  const f = useFormat();
  const label = t(`quotaWindows.${quota.window}`);
  const resetAt = quota.resetAt;
  return (
    <li>
      <span className="font-medium">{label}:</span>{" "}
      {quota.used !== null && quota.limit !== null
        ? t("quotaUsed", {
            used: f.number(quota.used),
            limit: f.number(quota.limit),
            percent: f.percent((quota.usedPercent ?? 0) / 100),
          })
        : quota.remaining !== null
          ? t("quotaLeft", { remaining: f.number(quota.remaining) })
          : t("quotaNoFigures")}
      {resetAt && (
        <span className="text-slate-500 dark:text-slate-400">
          {" "}
          · {t.rich(quota.current ? "quotaResets" : "quotaHasReset", { time: () => <LocalTime iso={resetAt} /> })}
        </span>
      )}
      {quota.usedPercent !== null && (
        <div
          role="progressbar"
          aria-label={t("quotaUsedLabel", { quota: label })}
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
  const t = useTranslations("providers.card");
  const f = useFormat();
  const words = {
    bucket: BUCKETS.has(bucket.name) ? t(`buckets.${bucket.name}`) : bucket.name,
    available: f.number(bucket.availableNow),
    burst: f.number(bucket.burst),
  };
  return (
    <li>
      {bucket.waitMs > 0 ? t("bucketWaits", { ...words, wait: waitText(f, bucket.waitMs) }) : t("bucketNow", words)}
    </li>
  );
}

export function ProviderHealthCard({ health }: { health: ProviderHealth }) {
  const t = useTranslations("providers.card");
  const f = useFormat();
  const headingId = `provider-health-${health.provider.toLowerCase()}`;
  const { requests, latencyMs, rateLimit, lastError, dropped } = health;
  const limitedUntil = rateLimit.limitedNow ? rateLimit.limitedUntil : null;
  return (
    <section aria-labelledby={headingId} data-provider={health.provider} data-status={health.status}>
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={headingId} className="text-lg font-semibold">
            {health.name}
          </h2>
          <Badge tone={health.mode === "live" ? "info" : "neutral"}>{t(`mode.${health.mode}`)}</Badge>
          <Badge tone={STATUS_TONES[health.status]}>{t(`status.${health.status}`)}</Badge>
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t(`modeText.${health.mode}`)}</p>

        <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2 xl:grid-cols-4">
          <Stat label={t("lastSuccess")}>
            {health.lastSuccessAt ? <LocalTime iso={health.lastSuccessAt} /> : t("noSuccessYet")}
          </Stat>
          <Stat label={t("lastError")}>
            {lastError ? (
              <>
                <LocalTime iso={lastError.at} />
                <br />
                {lastError.status !== null
                  ? t("errorDuringHttp", {
                      error: t(`errors.${lastError.code}`),
                      status: String(lastError.status),
                      operation: lastError.operation,
                    })
                  : t("errorDuring", { error: t(`errors.${lastError.code}`), operation: lastError.operation })}
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {t("errorCode", { code: lastError.code })}
                </span>
              </>
            ) : (
              t("none")
            )}
          </Stat>
          <Stat label={t("requests")}>
            {requests.attempts === 0
              ? t("none")
              : t("attempts", {
                  count: requests.attempts,
                  attempts: f.number(requests.attempts),
                  failed: f.number(requests.failed),
                  rate: f.percent(requests.errorRate ?? 0),
                })}
            {requests.truncated && (
              <span className="block text-xs text-slate-500 dark:text-slate-400">{t("truncated")}</span>
            )}
          </Stat>
          <Stat label={t("latency")}>
            {latencyMs.answered === 0
              ? t("noAnswers")
              : t("latencyFigures", { p50: f.number(latencyMs.p50 ?? 0), p95: f.number(latencyMs.p95 ?? 0) })}
          </Stat>
          <Stat label={t("rateLimit")}>
            {limitedUntil ? (
              <span className="font-medium text-amber-800 dark:text-amber-200">
                {t.rich("limitedUntil", { time: () => <LocalTime iso={limitedUntil} /> })}
              </span>
            ) : (
              t("notLimited")
            )}
            {requests.rateLimited > 0 && (
              <span className="block">
                {t("refused", { count: requests.rateLimited, refused: f.number(requests.rateLimited) })}
              </span>
            )}
            {rateLimit.buckets === null ? (
              <span className="block text-slate-500 dark:text-slate-400">{t("limiterUnreadable")}</span>
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
          <Stat label={t("quota")}>
            {health.quotas.length === 0 ? (
              t("noQuota")
            ) : (
              <ul className="space-y-1">
                {health.quotas.map((q) => (
                  <Quota key={q.window} quota={q} />
                ))}
              </ul>
            )}
          </Stat>
          {health.budget && (
            <Stat label={t("budget")}>
              <Budget budget={health.budget} />
            </Stat>
          )}
          <Stat label={t("dropped")}>
            {dropped.count === 0 ? (
              t("none")
            ) : (
              <>
                {t("droppedCount", { dropped: f.number(dropped.count) })}
                <ul className="mt-1 space-y-0.5">
                  {dropped.topPaths.map((p) => (
                    <li key={`${p.operation} ${p.path}`}>
                      {t.rich("droppedPath", {
                        path: p.path,
                        operation: p.operation,
                        count: f.number(p.count),
                        code: (chunks) => <code className="text-xs">{chunks}</code>,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Stat>
          <Stat label={t("features")}>
            {health.disabledFeatures.length === 0 ? (
              t("none")
            ) : (
              <ul className="space-y-1">
                {health.disabledFeatures.map((off) => (
                  <li key={off.feature}>
                    <span className="font-medium">{off.feature}</span>: {off.reason}{" "}
                    <span className="text-slate-500 dark:text-slate-400">
                      {t.rich("featureSince", { time: () => <LocalTime iso={off.since} /> })}
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
