// GET /api/metrics end to end: refused without the configured token, and once allowed it shows the
// provider calls just made against the sandbox and the job queue read from pg-boss.
import { afterAll, describe, expect, it, vi } from "vitest";
import { runWithContext } from "@/lib/observability/context";
import { sandboxProviders } from "@/lib/providers/testing/sandbox";

const TOKEN = "metrics-token-for-the-integration-test";
const QUEUE = "metrics-test.waiting";

type Handler = (request: Request) => Promise<Response>;

/** The route module with a fresh env(), which reads METRICS_TOKEN once per module instance. */
async function routeWith(token: string | undefined): Promise<Handler> {
  if (token === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = token;
  vi.resetModules();
  return (await import("@/app/api/metrics/route")).GET;
}

const scrape = (authorization?: string) =>
  new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} });

function value(body: string, series: string): number {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

afterAll(async () => {
  const { stopQueue } = await import("@/lib/jobs/queue");
  await stopQueue();
});

describe("GET /api/metrics", () => {
  it("is not there while METRICS_TOKEN is unset", async () => {
    const GET = await routeWith(undefined);
    expect((await GET(scrape(`Bearer ${TOKEN}`))).status).toBe(404);
    expect((await GET(scrape())).status).toBe(404);
  });

  it("refuses a request without the token or with a wrong one", async () => {
    const GET = await routeWith(TOKEN);
    for (const authorization of [
      undefined,
      "Bearer",
      `Bearer ${TOKEN}x`,
      `Bearer ${"x".repeat(TOKEN.length)}`,
      TOKEN,
    ]) {
      const response = await GET(scrape(authorization));
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.text()).not.toContain("provider_requests_total");
    }
  });

  it("counts provider calls made against the sandbox, by provider, operation and outcome", async () => {
    const GET = await routeWith(TOKEN);
    const series = 'provider_requests_total{provider="petitmonde",operation="search",outcome="ok"}';
    const before = value(await (await GET(scrape(`Bearer ${TOKEN}`))).text(), series);

    const petitMonde = sandboxProviders().get("PETITMONDE");
    // Inside a job's context, as the background sync calls it: the sandbox takes the X-Request-Id too.
    await runWithContext({ requestId: "req-metrics-test", jobId: "job-metrics-test" }, () =>
      petitMonde.search({ latitude: 48.1351, longitude: 11.582, radiusM: 5_000, limit: 5 }),
    );

    const response = await GET(scrape(`Bearer ${TOKEN}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    expect(value(body, series)).toBe(before + 1);
    expect(
      value(body, 'provider_request_duration_seconds_count{provider="petitmonde",operation="search",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(body, 'provider_rate_limit_wait_seconds_count{provider="petitmonde"}')).toBeGreaterThanOrEqual(1);
  });

  it("reads each queue's depth and oldest job age from pg-boss at scrape time", async () => {
    const GET = await routeWith(TOKEN);
    const { getQueue } = await import("@/lib/jobs/queue");
    const boss = await getQueue();
    await boss.createQueue(QUEUE);
    await boss.send(QUEUE, { n: 1 });
    await boss.send(QUEUE, { n: 2 });
    await boss.send(QUEUE, { n: 3 }, { startAfter: 3_600 }); // deferred: waiting, but not yet due
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    const body = await (await GET(scrape(`Bearer ${TOKEN}`))).text();
    expect(value(body, `job_queue_depth{queue="${QUEUE}"}`)).toBe(3);
    const age = value(body, `job_queue_oldest_age_seconds{queue="${QUEUE}"}`);
    expect(age).toBeGreaterThanOrEqual(1);
    expect(age).toBeLessThan(60);
    expect(body).not.toContain('queue="__pgboss__');
  });
});
