import { describe, expect, it } from "vitest";
import type { ProviderConfig } from "@/lib/env";
import { fieldPattern, percentile, providerHealth, type ProviderHealth } from "./health";
import { AttemptLog, ProviderTelemetry, quotaWindowOf } from "./telemetry";

const T0 = Date.parse("2026-11-21T10:00:00Z");
const MIN = 60_000;

function config(live: Partial<Record<"plugsurfing" | "petitMonde" | "depot", boolean>> = {}): ProviderConfig {
  return {
    plugsurfing: { baseUrl: "http://x/ps", apiKey: "ps-secret-key", sandbox: !live.plugsurfing },
    petitMonde: { baseUrl: "http://x/pm", apiKey: "pm-secret-key", sandbox: !live.petitMonde },
    depot: {
      baseUrl: "http://x/d",
      authUrl: "http://x/a",
      clientId: "depot-client",
      clientSecret: "depot-secret",
      sandbox: !live.depot,
    },
  };
}

function setup() {
  const clock = { now: T0 };
  const telemetry = new ProviderTelemetry(() => clock.now);
  const snapshot = (limiter: Array<{ key: string; aheadMs: number }> | null = [], cfg = config()) =>
    providerHealth({ views: telemetry.views(), config: cfg, limiter, now: clock.now });
  const of = (name: ProviderHealth["provider"], limiter?: Array<{ key: string; aheadMs: number }> | null) =>
    snapshot(limiter).providers.find((p) => p.provider === name)!;
  return { clock, telemetry, snapshot, of };
}

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("providerHealth", () => {
  it("lists the three providers, idle and sandbox when nothing happened, with no secret in it", () => {
    const { snapshot } = setup();
    const result = snapshot([], config({ petitMonde: true }));
    expect(result.providers.map((p) => [p.provider, p.mode, p.status])).toEqual([
      ["PLUGSURFING", "sandbox", "idle"],
      ["PETITMONDE", "live", "idle"],
      ["DEPOTFINITY", "sandbox", "idle"],
    ]);
    expect(result.windowMinutes).toBe(60);
    expect(result.scope).toBe("process");
    const text = JSON.stringify(result);
    for (const secret of ["ps-secret-key", "pm-secret-key", "depot-secret", "depot-client", "http://x"])
      expect(text).not.toContain(secret);
    const petitMonde = result.providers[1];
    expect(petitMonde.requests).toEqual({ attempts: 0, failed: 0, rateLimited: 0, errorRate: null, truncated: false });
    expect(petitMonde.latencyMs).toEqual({ p50: null, p95: null, answered: 0 });
    expect(petitMonde.summary).toBe("No requests in the last hour.");
  });

  it("computes p50/p95 over answered attempts and the error rate over all attempts", () => {
    const { telemetry, clock, of } = setup();
    for (let i = 1; i <= 100; i++) {
      telemetry.recordRequest({ provider: "PLUGSURFING", operation: "getLocation", durationMs: i, status: 200 });
      clock.now += 1_000;
    }
    // Timeouts count as failures but have no answer, so they stay out of the latency.
    for (let i = 0; i < 4; i++)
      telemetry.recordRequest({ provider: "PLUGSURFING", operation: "search", durationMs: 15_000, error: "TIMEOUT" });
    telemetry.recordRequest({ provider: "PLUGSURFING", operation: "getLocation", durationMs: 50, status: 200 });
    telemetry.recordRequest({
      provider: "PLUGSURFING",
      operation: "getLocation",
      durationMs: 3,
      status: 404,
      error: "NOT_FOUND",
    });

    const health = of("PLUGSURFING");
    expect(health.requests).toEqual({ attempts: 106, failed: 4, rateLimited: 0, errorRate: 0.0377, truncated: false });
    expect(health.latencyMs).toEqual({ p50: 50, p95: 95, answered: 102 });
    // A 404 is an answer about our request, not a provider failure.
    expect(health.lastSuccessAt).toBe(new Date(clock.now).toISOString());
    expect(health.lastError).toEqual({
      at: new Date(clock.now).toISOString(),
      code: "TIMEOUT",
      status: null,
      operation: "search",
      message: "No answer in time",
    });
    expect(health.status).toBe("ok");
  });

  it("counts only the last hour, but remembers the last success and error from before it", () => {
    const { telemetry, clock, of } = setup();
    telemetry.recordRequest({ provider: "PETITMONDE", operation: "search", durationMs: 900, status: 200 });
    telemetry.recordRequest({
      provider: "PETITMONDE",
      operation: "createBooking",
      durationMs: 800,
      status: 500,
      error: "UPSTREAM",
    });
    const old = clock.now;
    clock.now += 30 * MIN;
    telemetry.recordRequest({ provider: "PETITMONDE", operation: "search", durationMs: 100, status: 200 });
    expect(of("PETITMONDE").requests.attempts).toBe(3);

    clock.now = old + 60 * MIN + 1;
    const health = of("PETITMONDE");
    expect(health.requests).toMatchObject({ attempts: 1, failed: 0, errorRate: 0 });
    expect(health.latencyMs).toEqual({ p50: 100, p95: 100, answered: 1 });
    expect(health.lastError?.code).toBe("UPSTREAM");
    expect(health.lastError?.at).toBe(new Date(old).toISOString());
    expect(health.lastError?.message).toBe("Server error at the provider");

    clock.now += 31 * MIN;
    expect(of("PETITMONDE").status).toBe("idle");
  });

  it("is down when the latest attempt failed and nothing succeeded for five minutes, degraded at 5 % errors", () => {
    const { telemetry, clock, of } = setup();
    for (let i = 0; i < 19; i++)
      telemetry.recordRequest({ provider: "DEPOTFINITY", operation: "chargers", durationMs: 10, status: 200 });
    telemetry.recordRequest({ provider: "DEPOTFINITY", operation: "chargers", durationMs: 10, error: "NETWORK" });
    // Just failed, but a success two seconds ago: not down, and 1 in 20 is 5 %.
    expect(of("DEPOTFINITY").status).toBe("degraded");
    clock.now += 6 * MIN;
    telemetry.recordRequest({ provider: "DEPOTFINITY", operation: "chargers", durationMs: 10, error: "NETWORK" });
    const health = of("DEPOTFINITY");
    expect(health.status).toBe("down");
    expect(health.summary).toBe("Failing: Could not connect.");
  });

  it("reports rate limiting until the time the provider asked for", () => {
    const { telemetry, clock, of } = setup();
    telemetry.recordRequest({
      provider: "PETITMONDE",
      operation: "search",
      durationMs: 5,
      status: 429,
      error: "RATE_LIMITED",
    });
    telemetry.recordRateLimited("PETITMONDE", clock.now + 45_000);
    telemetry.recordRequest({ provider: "PETITMONDE", operation: "search", durationMs: 5, status: 200 });
    let health = of("PETITMONDE");
    expect(health.rateLimit).toMatchObject({ limitedNow: true, limitedUntil: new Date(T0 + 45_000).toISOString() });
    expect(health.requests.rateLimited).toBe(1);
    expect(health.status).toBe("degraded");
    clock.now += 46_000;
    health = of("PETITMONDE");
    expect(health.rateLimit).toMatchObject({ limitedNow: false, limitedUntil: null });
  });

  it("shows quota used per window from X-RateLimit readings, a monthly one apart from the per-minute one", () => {
    const { telemetry, clock, of } = setup();
    telemetry.recordQuota("PETITMONDE", {
      limit: 10_000,
      remaining: 9_250,
      resetAt: "2026-12-01T00:00:00.000Z",
    });
    telemetry.recordQuota("PETITMONDE", { limit: 100, remaining: 63, resetAt: new Date(T0 + 40_000).toISOString() });
    let quotas = of("PETITMONDE").quotas;
    expect(quotas).toEqual([
      {
        window: "month",
        limit: 10_000,
        remaining: 9_250,
        used: 750,
        usedPercent: 7.5,
        resetAt: "2026-12-01T00:00:00.000Z",
        current: true,
        observedAt: new Date(T0).toISOString(),
      },
      expect.objectContaining({ window: "minute", used: 37, usedPercent: 37, current: true }),
    ]);
    // A later monthly reading replaces the earlier one; the minute reading goes stale after its reset.
    clock.now += 2 * MIN;
    telemetry.recordQuota("PETITMONDE", { limit: 10_000, remaining: 500, resetAt: "2026-12-01T00:00:00Z" });
    const health = of("PETITMONDE");
    quotas = health.quotas;
    expect(quotas[0]).toMatchObject({ window: "month", used: 9_500, usedPercent: 95 });
    expect(quotas[1]).toMatchObject({ window: "minute", current: false });
    expect(of("PLUGSURFING").quotas).toEqual([]);
  });

  it("tells a quota's window by its reset", () => {
    expect(quotaWindowOf(new Date(T0 + 30_000).toISOString(), T0)).toBe("minute");
    expect(quotaWindowOf(new Date(T0 + 30 * MIN).toISOString(), T0)).toBe("hour");
    expect(quotaWindowOf(new Date(T0 + 20 * 60 * MIN).toISOString(), T0)).toBe("day");
    expect(quotaWindowOf("2026-12-01T00:00:00Z", T0)).toBe("month");
    // Ten minutes before the month ends, a reset at the month's first instant is still the monthly quota.
    expect(quotaWindowOf("2026-12-01T00:00:00Z", Date.parse("2026-11-30T23:50:00Z"))).toBe("month");
    expect(quotaWindowOf(undefined, T0)).toBe("unknown");
    expect(quotaWindowOf("soon", T0)).toBe("unknown");
  });

  it("counts dropped items of the last hour and their most frequent field paths", () => {
    const { telemetry, clock, of } = setup();
    const drop = (path: string, operation = "search") =>
      telemetry.recordDropped({ provider: "PETITMONDE", operation, path });
    const warn = console.warn;
    console.warn = () => {};
    try {
      drop("results.0.evses.1.status");
      clock.now += 61 * MIN;
      drop("results.3.evses.0.status");
      drop("results.7.evses.2.status");
      drop("results.9.coordinates.latitude");
      drop("data.0.status", "listBookings");
    } finally {
      console.warn = warn;
    }
    const health = of("PETITMONDE");
    expect(health.dropped.count).toBe(4);
    expect(health.dropped.topPaths).toEqual([
      { operation: "search", path: "results.*.evses.*.status", count: 2 },
      { operation: "listBookings", path: "data.*.status", count: 1 },
      { operation: "search", path: "results.*.coordinates.latitude", count: 1 },
    ]);
    expect(of("PLUGSURFING").dropped).toEqual({ count: 0, topPaths: [] });
    expect(fieldPattern("(root)")).toBe("(root)");
  });

  it("lists features switched off because an optional endpoint is missing", () => {
    const { telemetry, of } = setup();
    const warn = console.warn;
    console.warn = () => {};
    try {
      telemetry.disableFeature("DEPOTFINITY", "availabilityStatus", "The endpoint answered 404.");
      telemetry.disableFeature("DEPOTFINITY", "availabilityStatus", "again");
    } finally {
      console.warn = warn;
    }
    expect(of("DEPOTFINITY").disabledFeatures).toEqual([
      { feature: "availabilityStatus", reason: "The endpoint answered 404.", since: new Date(T0).toISOString() },
    ]);
    expect(of("PETITMONDE").disabledFeatures).toEqual([]);
  });

  it("shows what the shared limiter knows about the provider's buckets", () => {
    const { telemetry, of } = setup();
    telemetry.recordBuckets("PETITMONDE", [
      { key: "petitmonde:abc:minute", intervalMs: 700, burst: 10 },
      { key: "petitmonde:abc:booking-creation", intervalMs: 650, burst: 1 },
    ]);
    const readings = [
      { key: "petitmonde:abc:minute", aheadMs: 7_700 },
      { key: "petitmonde:abc:booking-creation", aheadMs: -3_000 },
    ];
    expect(of("PETITMONDE", readings).rateLimit.buckets).toEqual([
      // 11 slots' worth ahead with a burst of 10: the next request waits one interval, none can go now.
      { name: "minute", burst: 10, intervalMs: 700, waitMs: 1_400, availableNow: 0 },
      { name: "booking-creation", burst: 1, intervalMs: 650, waitMs: 0, availableNow: 1 },
    ]);
    expect(of("PETITMONDE", [{ key: "petitmonde:abc:minute", aheadMs: 2_100 }]).rateLimit.buckets?.[0]).toEqual({
      name: "minute",
      burst: 10,
      intervalMs: 700,
      waitMs: 0,
      availableNow: 7,
    });
    expect(of("PETITMONDE", null).rateLimit.buckets).toBeNull();
    expect(of("PLUGSURFING").rateLimit.buckets).toEqual([]);
  });
});

describe("AttemptLog", () => {
  it("keeps a bounded number of attempts and says when the hour held more", () => {
    const log = new AttemptLog(3);
    for (let i = 0; i < 5; i++) log.push({ at: T0 + i, durationMs: i, status: 200 });
    const { attempts, truncated } = log.since(T0);
    expect(attempts.map((a) => a.durationMs)).toEqual([4, 3, 2]);
    expect(truncated).toBe(true);
    expect(log.since(T0 + 3)).toEqual({
      attempts: [
        { at: T0 + 4, durationMs: 4, status: 200, error: undefined },
        { at: T0 + 3, durationMs: 3, status: 200, error: undefined },
      ],
      truncated: false,
    });
  });
});
