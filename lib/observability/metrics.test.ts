import { afterEach, describe, expect, it, vi } from "vitest";
import {
  MAX_ROUTE_LABELS,
  metricsText,
  recordHttpRequest,
  recordRateLimitWait,
  setQueueStatsSource,
  statusClass,
} from "./metrics";

async function scrape(): Promise<string> {
  return (await metricsText()).body;
}

/** Past the one-second reuse of the queue figures. */
let skippedMs = 0;
function nextScrape() {
  skippedMs += 2_000;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + skippedMs);
}
afterEach(() => vi.useRealTimers());

describe("metrics", () => {
  it("serves the Prometheus text format with process metrics", async () => {
    const { body, contentType } = await metricsText();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain("# TYPE http_request_duration_seconds histogram");
    expect(body).toContain("# TYPE provider_requests_total counter");
    expect(body).toContain("process_cpu_seconds_total");
  });

  it("reads the job queue at scrape time", async () => {
    let depth = 3;
    let reads = 0;
    setQueueStatsSource(async () => {
      reads++;
      return [{ queue: "bookings.reconcile", depth, oldestAgeSeconds: 12.5 }];
    });
    const first = await scrape();
    expect(first).toContain('job_queue_depth{queue="bookings.reconcile"} 3');
    expect(first).toContain('job_queue_oldest_age_seconds{queue="bookings.reconcile"} 12.5');
    expect(reads).toBe(1); // both gauges share one read
    depth = 0;
    nextScrape();
    expect(await scrape()).toContain('job_queue_depth{queue="bookings.reconcile"} 0');
  });

  it("leaves the queue gauges empty, and the scrape working, when the queue cannot be read", async () => {
    nextScrape();
    setQueueStatsSource(async () => Promise.reject(new Error("database down")));
    const body = await scrape();
    expect(body).not.toContain("job_queue_depth{");
    expect(body).toContain("http_request_duration_seconds");
  });

  it("records rate-limit waits in seconds, by provider", async () => {
    recordRateLimitWait("petitmonde", 1_500);
    recordRateLimitWait("petitmonde", 0);
    const body = await scrape();
    expect(body).toMatch(/provider_rate_limit_wait_seconds_bucket\{le="0",provider="petitmonde"\} [1-9]/);
    expect(body).toMatch(/provider_rate_limit_wait_seconds_sum\{provider="petitmonde"\} 1\.5/);
  });

  it("caps the number of route labels", async () => {
    for (let i = 0; i < MAX_ROUTE_LABELS + 20; i++) {
      recordHttpRequest({ method: "GET", route: `/probe-${i}`, status: 200, durationMs: 1 });
    }
    recordHttpRequest({ method: "BREW", route: "/probe-0", status: 200, durationMs: 1 });
    const body = await scrape();
    const routes = new Set(
      [...body.matchAll(/http_request_duration_seconds_count\{[^}]*route="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(routes.size).toBeLessThanOrEqual(MAX_ROUTE_LABELS + 1);
    expect(routes).toContain("(other)");
    expect(body).toContain('http_request_duration_seconds_count{method="OTHER",route="/probe-0",status_class="2xx"} 1');
  });

  it("classes statuses", () => {
    expect([200, 302, 404, 503, 0].map(statusClass)).toEqual(["2xx", "3xx", "4xx", "5xx", "other"]);
  });
});
