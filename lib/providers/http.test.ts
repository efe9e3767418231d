import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { text } from "@/lib/errors";
import { ProviderError } from "./errors";
import { HttpClient, type HttpClientConfig } from "./http";
import type { RateLimitBucket } from "./rate-limit";
import { ProviderTelemetry } from "./telemetry";
import { nextClockMinuteDelayMs, rateLimitDelayMs, shouldRetryStatus, backoffDelayMs } from "./retry";
import { fakeFetch, json, networkError, recordingSleep } from "./testing/fake-fetch";

const SECRET = "super-secret-api-key-123";
const item = z.object({ id: z.string(), size: z.number() });

function client(handler: Parameters<typeof fakeFetch>[0], overrides: Partial<HttpClientConfig> = {}) {
  const fake = fakeFetch(handler);
  const sleeper = recordingSleep();
  const http = new HttpClient({
    provider: "PETITMONDE",
    baseUrl: "http://127.0.0.1:1/api/",
    fetch: fake.fetch,
    authHeaders: () => ({ "X-API-Key": SECRET }),
    secrets: () => [SECRET],
    sleep: sleeper.sleep,
    random: () => 0.5,
    rateLimitFallback: { delayMs: 1_000 },
    ...overrides,
  });
  return { http, requests: fake.requests, waits: sleeper.waits };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error("expected the call to fail");
}

describe("retry policy helpers", () => {
  it("retries 5xx only for idempotent calls and never 4xx", () => {
    for (const status of [500, 502, 503, 504]) {
      expect(shouldRetryStatus(status, true)).toBe(true);
      expect(shouldRetryStatus(status, false)).toBe(false);
    }
    for (const status of [400, 401, 403, 404, 409, 422, 501]) expect(shouldRetryStatus(status, true)).toBe(false);
  });

  it("backs off exponentially with jitter, capped", () => {
    const policy = { baseDelayMs: 200, maxDelayMs: 5_000 };
    expect(backoffDelayMs(0, policy, () => 0)).toBe(100);
    expect(backoffDelayMs(0, policy, () => 1)).toBe(200);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(1_600);
    expect(backoffDelayMs(10, policy, () => 1)).toBe(5_000);
  });

  it("reads Retry-After seconds and dates", () => {
    const now = Date.parse("2026-11-21T10:00:00Z");
    expect(rateLimitDelayMs(new Headers({ "Retry-After": "45" }), now, { delayMs: 1 })).toBe(45_000);
    expect(rateLimitDelayMs(new Headers({ "Retry-After": "Sat, 21 Nov 2026 10:00:30 GMT" }), now, { delayMs: 1 })).toBe(
      30_000,
    );
  });

  it("reads X-RateLimit-Reset as ISO 8601 or epoch seconds", () => {
    const now = Date.parse("2026-11-21T10:00:00Z");
    expect(rateLimitDelayMs(new Headers({ "X-RateLimit-Reset": "2026-11-21T10:00:12Z" }), now, { delayMs: 1 })).toBe(
      12_000,
    );
    expect(rateLimitDelayMs(new Headers({ "X-RateLimit-Reset": String(now / 1000 + 7) }), now, { delayMs: 1 })).toBe(
      7_000,
    );
    expect(rateLimitDelayMs(new Headers({ "X-RateLimit-Reset": "2026-11-21T09:59:00Z" }), now, { delayMs: 1 })).toBe(0);
  });

  it("prefers Retry-After over X-RateLimit-Reset, and falls back to the next clock minute", () => {
    const now = Date.parse("2026-11-21T10:00:42.500Z");
    const both = new Headers({ "Retry-After": "3", "X-RateLimit-Reset": "2026-11-21T10:01:00Z" });
    expect(rateLimitDelayMs(both, now, "next-clock-minute")).toBe(3_000);
    expect(rateLimitDelayMs(new Headers(), now, "next-clock-minute")).toBe(17_500 + 250);
    expect(nextClockMinuteDelayMs(Date.parse("2026-11-21T10:00:59.900Z"))).toBe(350);
  });
});

describe("HttpClient", () => {
  it("sends auth, query and JSON body and validates the answer, tolerating extra fields", async () => {
    const { http, requests } = client(() => json({ id: "a", size: 3, extra: "ignored" }));
    const result = await http.request({
      operation: "getThing",
      method: "GET",
      path: "/things/a",
      query: { q: "x y", skip: undefined, n: 2 },
      response: item,
    });
    expect(result.data).toEqual({ id: "a", size: 3 });
    expect(requests[0].url.toString()).toBe("http://127.0.0.1:1/api/things/a?q=x+y&n=2");
    expect(requests[0].headers["x-api-key"]).toBe(SECRET);
  });

  it("names the missing field path when the answer lacks a required field", async () => {
    const { http } = client(() => json({ items: [{ id: "a" }] }));
    const error = await failure(
      http.request({ operation: "list", method: "GET", path: "/x", response: z.object({ items: z.array(item) }) }),
    );
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.issues?.[0]).toMatch(/^items\.0\.size: /);
    expect(error.message).toContain("items.0.size");
  });

  it("validates the request body before sending anything", async () => {
    const { http, requests } = client(() => json({}));
    const error = await failure(
      http.request({
        operation: "create",
        method: "POST",
        path: "/x",
        body: { id: 5 },
        bodySchema: item,
        response: "none",
      }),
    );
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.retryable).toBe(false);
    expect(error.issues?.map((i) => i.split(":")[0])).toEqual(["id", "size"]);
    expect(requests).toHaveLength(0);
  });

  it("retries a GET on 503 and network errors with backoff, then succeeds", async () => {
    const { http, requests, waits } = client((_, i) => {
      if (i === 0) return new Response("busy", { status: 503 });
      if (i === 1) throw networkError();
      return json({ id: "a", size: 1 });
    });
    const result = await http.request({ operation: "get", method: "GET", path: "/x", response: item });
    expect(result.data.id).toBe("a");
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([150, 300]);
  });

  it("gives up after maxAttempts on a GET and reports UPSTREAM, retryable", async () => {
    const { http, requests } = client(() => new Response("down", { status: 500 }));
    const error = await failure(http.request({ operation: "get", method: "GET", path: "/x", response: item }));
    expect(requests).toHaveLength(3);
    expect(error.code).toBe("UPSTREAM");
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
  });

  it("never repeats a non-idempotent POST after a 5xx or reset: its outcome is unknown", async () => {
    for (const answer of [
      () => new Response("oops", { status: 500 }),
      () => Promise.reject(networkError("ECONNRESET")),
    ]) {
      const { http, requests } = client(answer);
      const error = await failure(
        http.request({ operation: "create", method: "POST", path: "/x", body: {}, response: item }),
      );
      expect(requests).toHaveLength(1);
      expect(error.code).toBe("OUTCOME_UNKNOWN");
      expect(error.retryable).toBe(true);
    }
  });

  it("repeats a POST whose connection was refused: it never left", async () => {
    const { http, requests } = client((_, i) =>
      i === 0 ? Promise.reject(networkError("ECONNREFUSED")) : json({ id: "a", size: 1 }),
    );
    await http.request({ operation: "create", method: "POST", path: "/x", body: {}, response: item });
    expect(requests).toHaveLength(2);
  });

  it("reports a POST whose 2xx body is unreadable as OUTCOME_UNKNOWN, without repeating it", async () => {
    const { http, requests } = client(() => new Response('{"id": "a", ', { status: 202 }));
    const error = await failure(
      http.request({ operation: "create", method: "POST", path: "/x", body: {}, response: item }),
    );
    expect(requests).toHaveLength(1);
    expect(error.code).toBe("OUTCOME_UNKNOWN");
  });

  it("does not retry 400, 401, 403, 404 or 409", async () => {
    for (const status of [400, 401, 403, 404, 409]) {
      const { http, requests } = client(() => json({ error: "no" }, status));
      const error = await failure(http.request({ operation: "get", method: "GET", path: "/x", response: item }));
      expect(requests).toHaveLength(1);
      expect(error.status).toBe(status);
      expect(error.retryable).toBe(false);
    }
  });

  it("waits out a 429 as the provider asks, for POSTs too (the request was refused)", async () => {
    const { http, requests, waits } = client((_, i) =>
      i === 0
        ? json({ error: "Rate limit exceeded. Retry after 2 seconds." }, 429, { "Retry-After": "2" })
        : json({ id: "b", size: 2 }),
    );
    const result = await http.request({ operation: "create", method: "POST", path: "/x", body: {}, response: item });
    expect(result.data.id).toBe("b");
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([2_050]);
  });

  it("waits for the next clock minute on a Plugsurfing-style 429 without headers", async () => {
    const now = Date.parse("2026-11-21T10:00:40Z");
    const { http, waits } = client(
      (_, i) => (i === 0 ? json({ status: 429, message: "Too many requests" }, 429) : json({ id: "c", size: 0 })),
      {
        rateLimitFallback: "next-clock-minute",
        now: () => now,
      },
    );
    await http.request({ operation: "get", method: "GET", path: "/x", response: item });
    expect(waits).toEqual([20_250 + 50]);
  });

  it("reports a 429 that asks for too long a wait instead of blocking", async () => {
    const { http, requests } = client(() => json({ error: "slow down" }, 429, { "Retry-After": "3600" }));
    const error = await failure(http.request({ operation: "get", method: "GET", path: "/x", response: item }));
    expect(requests).toHaveLength(1);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.retryable).toBe(true);
  });

  it("times out a hanging call and retries it only when idempotent", async () => {
    const { http } = client(() => new Promise<Response>(() => {}), {
      timeoutMs: 20,
      fetch: ((_: unknown, init?: RequestInit) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        )) as typeof fetch,
    });
    const get = await failure(http.request({ operation: "get", method: "GET", path: "/x", response: item }));
    expect(get.code).toBe("TIMEOUT");
    const post = await failure(
      http.request({ operation: "create", method: "POST", path: "/x", body: {}, response: item }),
    );
    expect(post.code).toBe("OUTCOME_UNKNOWN");
    expect(post.detail).toContain("no answer within 20 ms");
  });

  it("refreshes credentials once on a 401 when the client knows how", async () => {
    let token = "old-token-1234";
    const { http, requests } = client(
      (r) => (r.headers.authorization === "Bearer new-token-5678" ? json({ id: "d", size: 4 }) : json({}, 401)),
      {
        authHeaders: () => ({ Authorization: `Bearer ${token}` }),
        onUnauthorized: async () => {
          token = "new-token-5678";
          return true;
        },
      },
    );
    await http.request({ operation: "get", method: "GET", path: "/x", response: item });
    expect(requests).toHaveLength(2);
  });

  it("keeps secrets out of error messages and logs", async () => {
    const logged: string[] = [];
    const { http } = client(() => json({ error: `key ${SECRET} is invalid; Bearer abc.def.ghi` }, 401), {
      log: (entry) => logged.push(JSON.stringify(entry)),
    });
    const error = await failure(
      http.request({ operation: "get", method: "GET", path: `/x`, query: { api_key: SECRET }, response: item }),
    );
    const everything = [error.message, error.detail, JSON.stringify(error), ...logged].join("\n");
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain("abc.def.ghi");
    expect(everything).toContain("[REDACTED]");
  });

  it("takes a rate-limit slot before every attempt", async () => {
    const taken: string[] = [];
    const spy = {
      acquire: async (buckets: readonly RateLimitBucket[]) => void taken.push(...buckets.map((b) => b.key)),
    };
    const { http } = client((_, i) => (i === 0 ? new Response("", { status: 503 }) : json({ id: "e", size: 5 })), {
      limiter: spy,
      buckets: [{ key: "k", intervalMs: 10, burst: 1 }],
    });
    await http.request({
      operation: "get",
      method: "GET",
      path: "/x",
      response: item,
      buckets: [{ key: "extra", intervalMs: 10, burst: 1 }],
    });
    expect(taken).toEqual(["k", "extra", "k", "extra"]);
  });
});

describe("what a provider failure tells the user", () => {
  it("gives the generic words for its code, or the provider's own, in the reader's language", async () => {
    const generic = await failure(
      client(() => json({}, 503), { retry: { maxAttempts: 1 } }).http.request({
        operation: "get",
        method: "GET",
        path: "/x",
        response: item,
      }),
    );
    expect(generic.userMessage).toBe("The charging provider has a problem right now. Please try again later.");
    expect(toFailure(generic, "test", failureWords("de")).message).toBe(
      "Beim Ladeanbieter gibt es gerade ein Problem. Bitte versuchen Sie es später erneut.",
    );
    const mapped = await failure(
      client(() => json({ error: "slot taken" }, 409), {
        mapError: () => ({ text: text("providers.petitMonde.notAvailable") }),
      }).http.request({
        operation: "createBooking",
        method: "POST",
        path: "/bookings",
        body: {},
        response: item,
      }),
    );
    expect(toFailure(mapped, "test")).toMatchObject({ code: "PROVIDER", message: mapped.userMessage });
    expect(mapped.userMessage).toBe("That charger is not available for this time window. Try another charger or time.");
    expect(toFailure(mapped, "test", failureWords("de")).message).toBe(
      "Diese Ladestation ist in diesem Zeitfenster nicht verfügbar. Versuchen Sie eine andere Ladestation oder Zeit.",
    );
  });
});

describe("HttpClient telemetry", () => {
  const T0 = Date.parse("2026-11-21T10:00:00Z");

  it("records every attempt with its operation, status, duration and error code", async () => {
    const telemetry = new ProviderTelemetry(() => T0);
    let clock = T0;
    const { http } = client(
      (_, i) => {
        clock += 40;
        if (i === 0) return new Response("busy", { status: 503 });
        if (i === 1) throw networkError();
        return json({ id: "a", size: 1 });
      },
      { telemetry, now: () => clock },
    );
    await http.request({ operation: "getThing", method: "GET", path: "/x", response: item });
    await failure(http.request({ operation: "getThing", method: "GET", path: "/x", response: z.string() }));
    expect(telemetry.view("PETITMONDE").attempts.reverse()).toEqual([
      { at: T0, durationMs: 40, status: 503, error: "UPSTREAM" },
      { at: T0, durationMs: 40, status: undefined, error: "NETWORK" },
      { at: T0, durationMs: 40, status: 200, error: undefined },
      { at: T0, durationMs: 40, status: 200, error: "INVALID_RESPONSE" },
    ]);
    expect(telemetry.view("PETITMONDE").lastFailure).toMatchObject({
      operation: "getThing",
      error: "INVALID_RESPONSE",
    });
  });

  it("records a 429's wait as rate-limited-until, and X-RateLimit-* headers as a quota reading", async () => {
    const telemetry = new ProviderTelemetry(() => T0);
    const { http } = client(
      (_, i) =>
        i === 0
          ? json({ error: "Rate limit exceeded. Retry after 45 seconds." }, 429, {
              "Retry-After": "45",
              "X-RateLimit-Limit": "100",
              "X-RateLimit-Remaining": "0",
              "X-RateLimit-Reset": "2026-11-21T10:00:45Z",
            })
          : json({ id: "b", size: 2 }, 200, {
              "X-RateLimit-Limit": "10000",
              "X-RateLimit-Remaining": "9000",
              "X-RateLimit-Reset": String(Date.parse("2026-12-01T00:00:00Z") / 1000),
            }),
      { telemetry, now: () => T0 },
    );
    await http.request({ operation: "search", method: "GET", path: "/x", response: item });
    const view = telemetry.view("PETITMONDE");
    expect(view.rateLimitedUntil).toBe(T0 + 45_000);
    expect(view.quotas).toEqual([
      { limit: 10_000, remaining: 9_000, resetAt: "2026-12-01T00:00:00.000Z", at: T0, window: "month" },
      { limit: 100, remaining: 0, resetAt: "2026-11-21T10:00:45.000Z", at: T0, window: "minute" },
    ]);
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it("never fails a call over odd X-RateLimit-* values", async () => {
    const telemetry = new ProviderTelemetry(() => T0);
    const { http } = client(
      () =>
        json({ id: "d", size: 4 }, 200, {
          "X-RateLimit-Limit": "lots",
          "X-RateLimit-Remaining": "7",
          "X-RateLimit-Reset": "9".repeat(30),
        }),
      { telemetry },
    );
    const result = await http.request({ operation: "get", method: "GET", path: "/x", response: item });
    expect(result.data.id).toBe("d");
    expect(telemetry.view("PETITMONDE").quotas).toEqual([
      { limit: undefined, remaining: 7, resetAt: undefined, at: T0, window: "unknown" },
    ]);
  });

  it("records nothing about quotas for answers without X-RateLimit-* headers, and knows the client's buckets", async () => {
    const telemetry = new ProviderTelemetry(() => T0);
    const { http } = client(() => json({ id: "c", size: 3 }), {
      telemetry,
      buckets: [{ key: "petitmonde:f:minute", intervalMs: 700, burst: 10 }],
    });
    await http.request({
      operation: "create",
      method: "POST",
      path: "/x",
      body: {},
      response: item,
      buckets: [{ key: "petitmonde:f:booking-creation", intervalMs: 650, burst: 1 }],
    });
    const view = telemetry.view("PETITMONDE");
    expect(view.quotas).toEqual([]);
    expect(view.buckets.map((b) => b.key)).toEqual(["petitmonde:f:minute", "petitmonde:f:booking-creation"]);
  });
});
