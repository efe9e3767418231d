import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEYS, startTestSandbox, type TestSandbox } from "../test-support";

const BASE = "/petitmonde/api/v1/client";
let sandbox: TestSandbox;
const pm = (method: string, path: string, body?: unknown) =>
  sandbox.call(method, `${BASE}${path}`, { body, headers: KEYS.petitMonde });
const MINUTE = 60_000;

beforeAll(async () => {
  // Above the documented 100/min so this file's own requests never trip it; the limit has its own tests below.
  sandbox = await startTestSandbox({ rateLimits: { petitMondePerMinute: 1000 } });
});
afterAll(async () => {
  await sandbox?.dispose();
});

async function simNow(): Promise<number> {
  return (await sandbox.call("GET", "/_sandbox/clock")).json.nowMs;
}

interface Target {
  location_id: string;
  evse_uid: string;
}

/** Distinct reservable EVSEs near Munich (24/7 sites, so any window is inside opening hours). */
async function reservableEvses(count: number, start: number, end: number): Promise<Target[]> {
  const r = await pm(
    "GET",
    `/search?lat=48.137&lng=11.575&radius=40&limit=500&start_time=${new Date(start).toISOString()}&end_time=${new Date(end).toISOString()}`,
  );
  expect(r.status).toBe(200);
  const targets = r.json.results.flatMap((l: { location_id: string; evses: Array<{ evse_uid: string }> }) =>
    l.evses.map((e) => ({ location_id: l.location_id, evse_uid: e.evse_uid })),
  );
  expect(targets.length).toBeGreaterThanOrEqual(count);
  return targets.slice(0, count);
}

function bookingBody(
  target: Target,
  start: number,
  end: number,
  externalId: string,
  extra: object = { token_strategy: "ad_hoc" },
) {
  return {
    ...target,
    reservation_start: new Date(start).toISOString(),
    reservation_end: new Date(end).toISOString(),
    external_id: externalId,
    ...extra,
  };
}

describe("Petit Monde auth and rate-limit headers", () => {
  it("accepts X-API-Key or Bearer, rejects anything else with 401", async () => {
    expect((await sandbox.call("GET", `${BASE}/usage`)).status).toBe(401);
    const wrong = await sandbox.call("GET", `${BASE}/usage`, { headers: { "X-API-Key": "nope" } });
    expect(wrong.json).toEqual({ error: "Invalid API key" });
    const bearer = await sandbox.call("GET", `${BASE}/usage`, {
      headers: { Authorization: "Bearer sandbox-petitmonde-key" },
    });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(Number(bearer.headers.get("x-ratelimit-remaining"))).toBeLessThan(1000);
    expect(Date.parse(bearer.headers.get("x-ratelimit-reset")!)).toBeGreaterThan(Date.now() - 1000);
    expect(bearer.json.month_limit).toBe(10_000);
    expect(bearer.json.month_used).toBeGreaterThan(0);
  });
});

describe("Petit Monde search", () => {
  it("filters by power and OCPI connector type and sorts by distance", async () => {
    const r = await pm(
      "GET",
      "/search?lat=48.1351&lng=11.5820&radius=25&connector_type=IEC_62196_T2_COMBO&power_min=50",
    );
    expect(r.status).toBe(200);
    expect(r.json.total).toBeGreaterThanOrEqual(r.json.results.length);
    expect(r.json.results.length).toBeGreaterThan(0);
    const distances = r.json.results.map((x: { distance_km: number }) => x.distance_km);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    for (const location of r.json.results) {
      expect(location.location_id).toMatch(/^DE-[A-Z]{3}-E\d{7}$/);
      expect(location.pricing.currency).toBe("EUR");
      for (const evse of location.evses) {
        expect(evse.evse_uid).toMatch(/^DE\*[A-Z]{3}\*E\d{7}\*\d+$/);
        expect(
          evse.connectors.some(
            (c: { standard: string; max_power_kw: number }) =>
              c.standard === "IEC_62196_T2_COMBO" && c.max_power_kw >= 50,
          ),
        ).toBe(true);
      }
    }
  });

  it("answers the documented 400s", async () => {
    expect((await pm("GET", "/search?lat=91&lng=11")).json).toEqual({
      error: "Invalid latitude: must be between -90 and 90",
    });
    expect((await pm("GET", "/search?lat=48&lng=11&radius=201")).json.error).toMatch(/radius/);
    expect((await pm("GET", "/search?lng=11")).json.error).toMatch(/lat/);
    expect((await pm("GET", "/search?lat=48&lng=11&connector_type=Type2")).json.error).toMatch(/connector_type/);
    expect((await pm("GET", "/search?lat=48&lng=11&limit=501")).status).toBe(400);
  });

  it("with a window keeps only EVSEs that accept reservations and are free then", async () => {
    const now = await simNow();
    const start = now + 2 * 3_600_000;
    const end = start + 3_600_000;
    const windowed = await pm(
      "GET",
      `/search?lat=52.52&lng=13.405&radius=10&start_time=${new Date(start).toISOString()}&end_time=${new Date(end).toISOString()}`,
    );
    const plain = await pm("GET", "/search?lat=52.52&lng=13.405&radius=10");
    expect(windowed.json.total).toBeGreaterThan(0);
    expect(windowed.json.total).toBeLessThan(plain.json.total);
    for (const l of windowed.json.results) {
      expect(l.supports_reservation).toBe(true);
      for (const e of l.evses) expect(e.capabilities).toContain("RESERVABLE");
    }
  });
});

describe("Petit Monde bookings", () => {
  it("creates with 202 in REQUESTED and lives through the lifecycle on the simulated clock", async () => {
    const now = await simNow();
    const start = now + 30 * MINUTE;
    const end = start + 2 * 3_600_000;
    const [target] = await reservableEvses(1, start, end);
    const created = await pm(
      "POST",
      "/bookings",
      bookingBody(target, start, end, "lifecycle-1", { token_strategy: "driver_token", customer_id: "cust_abc123" }),
    );
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({
      status: "REQUESTED",
      external_id: "lifecycle-1",
      client_price: null,
      client_price_currency: "EUR",
    });
    const id = created.json.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const order = ["REQUESTED", "PENDING", "CONFIRMED", "ATTENDING", "COMPLETED"];
    const seen: string[] = [];
    for (const step of [3_000, 5_000, 15_000, 60_000, 30 * MINUTE, 20 * MINUTE, 30 * MINUTE, 2 * 3_600_000]) {
      await sandbox.advance(step);
      const r = await pm("GET", `/bookings/${id}`);
      expect(r.status).toBe(200);
      seen.push(r.json.status);
    }
    const final = seen.at(-1)!;
    expect(["COMPLETED", "NO_SHOW", "EXPIRED"]).toContain(final);
    if (final !== "EXPIRED") {
      // Never goes backwards along the happy path.
      const ranks = seen.filter((s) => order.includes(s)).map((s) => order.indexOf(s));
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      expect(seen).toContain("CONFIRMED");
    }
    const last = await pm("GET", `/bookings/${id}`);
    if (final === "COMPLETED") expect(last.json.client_price).toBeGreaterThan(0);
    if (final === "NO_SHOW") expect(last.json.no_show_fee).toBeGreaterThan(0);
    expect(Date.parse(last.json.status_updated_at)).toBeGreaterThan(now);
  });

  it("refuses an overlapping booking on the same EVSE (409) and a reused external_id (409 + booking_id)", async () => {
    const now = await simNow();
    const start = now + 60 * MINUTE;
    const [target] = await reservableEvses(1, start, start + 2 * 3_600_000);
    const first = await pm("POST", "/bookings", bookingBody(target, start, start + 2 * 3_600_000, "overlap-a"));
    expect(first.status).toBe(202);
    const overlap = await pm(
      "POST",
      "/bookings",
      bookingBody(target, start + 3_600_000, start + 3 * 3_600_000, "overlap-b"),
    );
    expect(overlap.status).toBe(409);
    const after = await pm(
      "POST",
      "/bookings",
      bookingBody(target, start + 2 * 3_600_000, start + 3 * 3_600_000, "overlap-c"),
    );
    expect(after.status).toBe(202);
    const duplicate = await pm(
      "POST",
      "/bookings",
      bookingBody(target, start + 5 * 3_600_000, start + 6 * 3_600_000, "overlap-a"),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toEqual({
      error: "Booking with external_id overlap-a already exists",
      booking_id: first.json.id,
    });
  });

  it("validates lead time, window length, token fields and ids", async () => {
    const now = await simNow();
    const start = now + 3 * 3_600_000;
    const [target] = await reservableEvses(1, start, start + 3_600_000);
    const soon = await pm("POST", "/bookings", bookingBody(target, now + 10 * MINUTE, now + 70 * MINUTE, "v-1"));
    expect(soon.status).toBe(400);
    expect(soon.json.error).toMatch(/15 minutes/);
    expect(
      (await pm("POST", "/bookings", bookingBody(target, start, start + 5 * 3_600_000, "v-2"))).json.error,
    ).toMatch(/4 hours/);
    expect(
      (
        await pm(
          "POST",
          "/bookings",
          bookingBody(target, start, start + 3_600_000, "v-3", { token_strategy: "driver_token" }),
        )
      ).json.error,
    ).toMatch(/customer_id or token_id/);
    expect(
      (
        await pm(
          "POST",
          "/bookings",
          bookingBody(target, start, start + 3_600_000, "v-4", { token_strategy: "group_token" }),
        )
      ).json.error,
    ).toMatch(/fleet_group_id/);
    expect(
      (await pm("POST", "/bookings", bookingBody(target, start, start + 3_600_000, "v-5", { token_strategy: "magic" })))
        .status,
    ).toBe(400);
    expect(
      (
        await pm(
          "POST",
          "/bookings",
          bookingBody({ ...target, location_id: "DE-XXX-E0000000" }, start, start + 3_600_000, "v-6"),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await pm(
          "POST",
          "/bookings",
          bookingBody({ ...target, evse_uid: "DE*XXX*E0*1" }, start, start + 3_600_000, "v-7"),
        )
      ).status,
    ).toBe(404);
    expect((await pm("GET", "/bookings/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("enforces fleet group spending limits (per session and per month)", async () => {
    const now = await simNow();
    const start = now + 4 * 3_600_000;
    const [a, b] = await reservableEvses(2, start, start + 3_600_000);
    const group = { token_strategy: "group_token", fleet_group_id: "group_delivery_team" };
    const ok = await pm("POST", "/bookings", bookingBody(a, start, start + 3_600_000, "spend-1", group));
    expect(ok.status).toBe(202);
    const monthly = await sandbox.call("PUT", "/_sandbox/petitmonde/fleet-groups/group_delivery_team", {
      body: { monthlyLimitEur: ok.json.estimated_price + 1 },
    });
    expect(monthly.json.monthlyLimitEur).toBeCloseTo(ok.json.estimated_price + 1);
    const over = await pm("POST", "/bookings", bookingBody(b, start, start + 3_600_000, "spend-2", group));
    expect(over.status).toBe(400);
    expect(over.json.error).toBe("Fleet group spending limit exceeded");

    await sandbox.call("PUT", "/_sandbox/petitmonde/fleet-groups/tiny", { body: { perSessionLimitEur: 0.5 } });
    const perSession = await pm(
      "POST",
      "/bookings",
      bookingBody(b, start, start + 3_600_000, "spend-3", { token_strategy: "group_token", fleet_group_id: "tiny" }),
    );
    expect(perSession.json.error).toBe("Fleet group spending limit exceeded");
  });

  it("cancels free in REQUESTED, with a fee in CONFIRMED, and refuses (400) once ATTENDING or COMPLETED", async () => {
    const now = await simNow();
    const start = now + 5 * 3_600_000;
    const targets = await reservableEvses(3, start, start + 3_600_000);
    const make = async (i: number) =>
      (await pm("POST", "/bookings", bookingBody(targets[i], start, start + 3_600_000, `cancel-${i}`))).json
        .id as string;
    const [requested, confirmed, completed] = [await make(0), await make(1), await make(2)];

    const free = await pm("POST", `/bookings/${requested}/cancel`, { reason: "driver sick" });
    expect(free.status).toBe(200);
    expect(free.json).toMatchObject({ status: "CANCELLED", cancellation_fee: 0 });
    expect((await pm("POST", `/bookings/${requested}/cancel`, { reason: "again" })).status).toBe(400);

    await sandbox.call("POST", `/_sandbox/petitmonde/bookings/${confirmed}/status`, { body: { status: "CONFIRMED" } });
    const paid = await pm("POST", `/bookings/${confirmed}/cancel`, { reason: "plans changed" });
    expect(paid.json.status).toBe("CANCELLED");
    expect(paid.json.cancellation_fee).toBeGreaterThan(0);
    expect(paid.json.client_price).toBe(paid.json.cancellation_fee);

    await sandbox.call("POST", `/_sandbox/petitmonde/bookings/${completed}/status`, { body: { status: "COMPLETED" } });
    const refused = await pm("POST", `/bookings/${completed}/cancel`, { reason: "too late" });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe("Booking cannot be cancelled in status COMPLETED");
  });

  it("lists bookings with status, external_id and offset paging", async () => {
    const all = await pm("GET", "/bookings?limit=1000");
    expect(all.json.total).toBeGreaterThanOrEqual(7);
    const page1 = await pm("GET", "/bookings?limit=3&offset=0");
    const page2 = await pm("GET", "/bookings?limit=3&offset=3");
    const ids = [...page1.json.bookings, ...page2.json.bookings].map((b: { id: string }) => b.id);
    expect(new Set(ids).size).toBe(6);
    const cancelled = await pm("GET", "/bookings?status=CANCELLED,EXPIRED");
    expect(cancelled.json.bookings.length).toBeGreaterThan(0);
    expect(
      cancelled.json.bookings.every((b: { status: string }) => b.status === "CANCELLED" || b.status === "EXPIRED"),
    ).toBe(true);
    const byExternal = await pm("GET", "/bookings?external_id=overlap-a");
    expect(byExternal.json.bookings).toHaveLength(1);
    expect(byExternal.json.bookings[0].cpo_reservation_id).toBeUndefined();
  });
});

describe("Petit Monde rate limits", () => {
  it("answers 429 with Retry-After and the documented body once the per-minute limit is used up", async () => {
    const limited = await startTestSandbox({ rateLimits: { petitMondePerMinute: 3 } });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await limited.call("GET", `${BASE}/usage`, { headers: KEYS.petitMonde });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(last!.json.error).toMatch(/^Rate limit exceeded\. Retry after \d+ seconds\.$/);
      expect(last!.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(last!.headers.get("x-ratelimit-limit")).toBe("3");
    } finally {
      await limited.dispose();
    }
  });

  it("stops at the monthly quota until the next month", async () => {
    const limited = await startTestSandbox({ rateLimits: { petitMondePerMonth: 2 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await limited.call("GET", `${BASE}/search?lat=48&lng=11`, { headers: KEYS.petitMonde })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.dispose();
    }
  });
});
