// Exactly-once bookings under faults: 5xx, timeouts, dropped connections, garbled bodies and 429 bursts.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateBookingRequest } from "@/lib/domain";
import { isProviderError } from "../errors";
import { PostgresRateLimiter, pgRunner } from "../rate-limit";
import { sandboxAdmin, sandboxProviders } from "../testing/sandbox";

const HOUR = 3_600_000;
const BOOKINGS = 50;
const CONCURRENCY = 5;
const CALLER_ATTEMPTS = 6;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
/** Failed createBooking attempts by error code, to show the ambiguous paths were really taken. */
const createFailures = new Map<string, number>();
const pm = sandboxProviders({
  log: (entry) => {
    if (entry.operation === "createBooking" && entry.error)
      createFailures.set(entry.error, (createFailures.get(entry.error) ?? 0) + 1);
  },
  limiter: new PostgresRateLimiter(pgRunner(pool)),
  // Short timeouts keep the injected hangs quick; a 429 burst (Retry-After 60) is handed to the caller.
  timeoutMs: 1_500,
  retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxRateLimitWaitMs: 2_000 },
}).get("PETITMONDE");

afterAll(async () => {
  await sandboxAdmin("DELETE", "/faults");
  await pool.end();
});

type Outcome = { kind: "booked"; id: string } | { kind: "refused"; code: string } | { kind: "unknown"; code: string };

/** What a batch job does: retry what is retryable with the same external_id, stop at a definite answer. */
async function bookUntilKnown(request: CreateBookingRequest): Promise<Outcome> {
  let last = "";
  for (let attempt = 1; attempt <= CALLER_ATTEMPTS; attempt++) {
    try {
      const booking = await pm.createBooking(request);
      return { kind: "booked", id: booking.id };
    } catch (error) {
      if (!isProviderError(error)) throw error;
      if (!error.retryable) return { kind: "refused", code: error.code };
      last = error.code;
      await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs ?? 300, 1_000)));
    }
  }
  return { kind: "unknown", code: last };
}

describe("Petit Monde createBooking under faults", () => {
  it(`${BOOKINGS} bookings: one per external_id at the provider, every outcome known`, async () => {
    // Reservable EVSEs across three windows a few days ahead (a random hour, to stay clear of other tests).
    const base = Math.ceil((Date.now() + (5 * 24 + Math.floor(Math.random() * 72)) * HOUR) / HOUR) * HOUR;
    const requests: CreateBookingRequest[] = [];
    for (let w = 0; w < 3 && requests.length < BOOKINGS; w++) {
      const windowStart = new Date(base + w * 2 * HOUR);
      const windowEnd = new Date(windowStart.getTime() + HOUR);
      const found = await pm.search({
        latitude: 48.1351,
        longitude: 11.582,
        radiusM: 50_000,
        limit: 500,
        reservableOnly: true,
        window: { start: windowStart, end: windowEnd },
      });
      for (const location of found) {
        for (const evse of location.evses.filter((e) => e.capabilities.includes("RESERVABLE"))) {
          if (requests.length < BOOKINGS) {
            requests.push({
              externalId: `fault-${randomUUID()}`,
              locationId: location.id,
              evseUid: evse.uid,
              windowStart,
              windowEnd,
              token: { strategy: "AD_HOC" },
            });
          }
        }
      }
    }
    expect(requests).toHaveLength(BOOKINGS);

    await sandboxAdmin("PUT", "/faults", {
      seed: 7,
      providers: {
        petitmonde: { errorRate: 0.15, timeoutRate: 0.1, dropRate: 0.05, malformedRate: 0.05, rateLimitBurst: 3 },
      },
      endpoints: [{ pattern: "POST /petitmonde/api/v1/client/bookings", rateLimitBurst: 3 }],
    });
    const outcomes = new Map<string, Outcome>();
    const queue = [...requests];
    try {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let next = queue.shift(); next; next = queue.shift())
            outcomes.set(next.externalId, await bookUntilKnown(next));
        }),
      );
    } finally {
      await sandboxAdmin("DELETE", "/faults");
    }

    const byKind = (kind: Outcome["kind"]) => [...outcomes.values()].filter((o) => o.kind === kind);
    expect(byKind("unknown")).toEqual([]);
    expect(byKind("booked").length).toBeGreaterThanOrEqual(BOOKINGS - 5);

    // The provider's books, read without faults: each external_id at most once, exactly as the caller was told.
    const ours = new Set(requests.map((r) => r.externalId));
    const listed = (await pm.listBookings({ limit: 5_000 })).filter((b) => b.externalId && ours.has(b.externalId));
    const count = new Map<string, string[]>();
    for (const b of listed) count.set(b.externalId!, [...(count.get(b.externalId!) ?? []), b.id]);
    for (const request of requests) {
      const outcome = outcomes.get(request.externalId)!;
      const atProvider = count.get(request.externalId) ?? [];
      if (outcome.kind === "booked") expect(atProvider).toEqual([outcome.id]);
      else expect(atProvider).toEqual([]);
    }
    // The faults hit the POSTs: 5xx, timeouts/resets (no answer) and garbled bodies, and 429 bursts.
    const ambiguous = ["UPSTREAM", "TIMEOUT", "NETWORK", "INVALID_RESPONSE"].reduce(
      (n, code) => n + (createFailures.get(code) ?? 0),
      0,
    );
    expect(ambiguous).toBeGreaterThanOrEqual(5);
    expect(createFailures.get("RATE_LIMITED")).toBeGreaterThanOrEqual(3);
    console.info("createBooking failed attempts by code:", Object.fromEntries(createFailures), "outcomes:", {
      booked: byKind("booked").length,
      refused: byKind("refused").map((o) => (o as { code: string }).code),
    });
  }, 300_000);
});
