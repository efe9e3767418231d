import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "./network/generate";
import { KEYS, startTestSandbox, type TestSandbox } from "./test-support";

let sandbox: TestSandbox;
const PS = "/plugsurfing/drive";
const PM = "/petitmonde/api/v1/client";

beforeAll(async () => {
  sandbox = await startTestSandbox({ rateLimits: { petitMondePerMinute: 1000 } });
});
afterAll(async () => {
  await sandbox?.dispose();
});

describe("admin endpoints", () => {
  it("reports health and moves the simulated clock", async () => {
    const health = await sandbox.call("GET", "/_sandbox/health");
    expect(health.json).toMatchObject({ ok: true, seed: 42, depotChargers: 38 });
    const before = (await sandbox.call("GET", "/_sandbox/clock")).json.nowMs;
    const after = await sandbox.call("POST", "/_sandbox/clock", { body: { advanceMs: 3_600_000 } });
    expect(after.json.nowMs - before).toBeGreaterThanOrEqual(3_600_000);
    const fast = await sandbox.call("POST", "/_sandbox/clock", { body: { timeScale: 600 } });
    expect(fast.json.timeScale).toBe(600);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await sandbox.call("GET", "/_sandbox/clock")).json.nowMs - fast.json.nowMs).toBeGreaterThanOrEqual(50_000);
    await sandbox.call("POST", "/_sandbox/clock", { body: { timeScale: 1 } });
    expect((await sandbox.call("POST", "/_sandbox/clock", { body: { timeScale: -1 } })).status).toBe(400);
  });

  it("counts requests per provider and endpoint pattern, including 429s", async () => {
    await sandbox.call("DELETE", "/_sandbox/stats");
    await sandbox.call("GET", `${PS}/v1/users/a/charging-keys`, { headers: KEYS.plugsurfing });
    await sandbox.call("GET", `${PS}/v1/users/b/charging-keys`, { headers: KEYS.plugsurfing });
    await sandbox.call("GET", `${PM}/usage`, { headers: KEYS.petitMonde });
    const stats = (await sandbox.call("GET", "/_sandbox/stats")).json;
    expect(stats.total).toBe(3);
    expect(stats.providers.plugsurfing.requests).toBe(2);
    expect(stats.endpoints["GET /plugsurfing/drive/v1/users/:userId/charging-keys"]).toEqual({
      requests: 2,
      byStatus: { 404: 2 },
    });
  });
});

describe("fault injection", () => {
  afterAll(async () => {
    await sandbox.call("DELETE", "/_sandbox/faults");
  });

  it("answers the next N requests with the provider's own 429 (rateLimitBurst)", async () => {
    await sandbox.call("PUT", "/_sandbox/faults", { body: { providers: { petitmonde: { rateLimitBurst: 2 } } } });
    const statuses = [];
    let first;
    for (let i = 0; i < 3; i++) {
      const r = await sandbox.call("GET", `${PM}/usage`, { headers: KEYS.petitMonde });
      first ??= r;
      statuses.push(r.status);
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(first!.headers.get("retry-after")).toBe("60");
    expect(first!.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(first!.json.error).toBe("Rate limit exceeded. Retry after 60 seconds.");
    const stats = (await sandbox.call("GET", "/_sandbox/stats")).json;
    expect(stats.providers.petitmonde.rateLimited).toBeGreaterThanOrEqual(2);
  });

  it("injects 5xx, malformed bodies, latency and endpoint-specific rules", async () => {
    await sandbox.call("PUT", "/_sandbox/faults", {
      body: {
        seed: 7,
        providers: { plugsurfing: { errorRate: 1 } },
        endpoints: [{ pattern: "GET /petitmonde/api/v1/client/usage", malformedRate: 1, latencyMs: 150 }],
      },
    });
    const error = await sandbox.call("GET", `${PS}/v1/users/x/charging-keys`, { headers: KEYS.plugsurfing });
    expect([500, 502, 503]).toContain(error.status);
    expect(error.json.status).toBe(error.status);
    const started = performance.now();
    const malformed = await sandbox.call("GET", `${PM}/usage`, { headers: KEYS.petitMonde });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    // Other Petit Monde endpoints are untouched.
    expect((await sandbox.call("GET", `${PM}/bookings`, { headers: KEYS.petitMonde })).status).toBe(200);
    expect((await sandbox.call("GET", "/_sandbox/faults")).json.providers.plugsurfing.errorRate).toBe(1);
  });

  it("drops the socket or hangs until the client gives up", async () => {
    await sandbox.call("PUT", "/_sandbox/faults", {
      body: { providers: { depotfinity: { dropRate: 1 }, petitmonde: { timeoutRate: 1 } } },
    });
    await expect(fetch(`${sandbox.url}/depotfinity/v1/chargers`)).rejects.toThrow();
    await expect(
      fetch(`${sandbox.url}${PM}/usage`, { headers: KEYS.petitMonde, signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    await sandbox.call("DELETE", "/_sandbox/faults");
    expect((await sandbox.call("GET", `${PM}/usage`, { headers: KEYS.petitMonde })).status).toBe(200);
  });

  it("takes faults from the start options too", async () => {
    const faulty = await startTestSandbox({ faults: { providers: { plugsurfing: { rateLimitBurst: 1 } } } });
    try {
      const r = await faulty.call("POST", `${PS}/v1/users`, { body: { id: "u" }, headers: KEYS.plugsurfing });
      expect(r.status).toBe(429);
      expect(r.json).toEqual({ status: 429, message: "Too many requests" });
      expect(r.headers.get("retry-after")).toBeNull();
    } finally {
      await faulty.dispose();
    }
  });
});

describe("Plugsurfing per-minute limit", () => {
  it("answers 429 without Retry-After once the clock minute's quota is used", async () => {
    const limited = await startTestSandbox({ rateLimits: { plugsurfingPerMinute: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (await limited.call("GET", `${PS}/v1/users/x/charging-keys`, { headers: KEYS.plugsurfing })).status,
        );
      // At most two clock minutes can be involved, so at most 10 get through.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(10);
    } finally {
      await limited.dispose();
    }
  });
});

describe("search performance", () => {
  it("serves 25 km searches over HTTP (timing printed, not asserted)", async () => {
    const timings: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      const r = await sandbox.call("GET", `${PM}/search?lat=52.52&lng=13.405&radius=25&limit=50`, {
        headers: KEYS.petitMonde,
      });
      const p = await sandbox.call(
        "POST",
        `${PS}/v1/geosearch/radius?latitude=48.137&longitude=11.575&distance=25000&limit=100`,
        { body: {}, headers: KEYS.plugsurfing },
      );
      timings.push((performance.now() - t) / 2);
      expect(r.status + p.status).toBe(400);
    }
    timings.sort((a, b) => a - b);
    console.log(`25 km search over HTTP: median ${timings[10].toFixed(1)} ms per request`);
  });
});

describe("persistence", () => {
  it("keeps users, fleets, bookings, reservations and the clock offset across a restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-persist-"));
    try {
      const first = await startTestSandbox({ dataDir });
      await first.call("POST", `${PS}/v1/users`, { body: { id: "persisted" }, headers: KEYS.plugsurfing });
      await first.call("POST", `${PS}/emp/v1/fleets`, {
        body: { fleetId: "kept", fleetName: "Kept" },
        headers: KEYS.plugsurfing,
      });
      const history = await first.call("POST", `${PS}/v1/users/persisted/sessions/history`, {
        body: { limit: 5 },
        headers: KEYS.plugsurfing,
      });
      await first.advance(86_400_000);
      const now = (await first.call("GET", "/_sandbox/clock")).json.nowMs;
      const search = await first.call(
        "GET",
        `${PM}/search?lat=52.52&lng=13.405&radius=20&start_time=${new Date(now + 3_600_000).toISOString()}&end_time=${new Date(now + 7_200_000).toISOString()}`,
        { headers: KEYS.petitMonde },
      );
      const target = search.json.results[0];
      const booking = await first.call("POST", `${PM}/bookings`, {
        headers: KEYS.petitMonde,
        body: {
          location_id: target.location_id,
          evse_uid: target.evses[0].evse_uid,
          reservation_start: new Date(now + 3_600_000).toISOString(),
          reservation_end: new Date(now + 7_200_000).toISOString(),
          external_id: "survives-restart",
          token_strategy: "ad_hoc",
        },
      });
      expect(booking.status).toBe(202);
      await first.stop();
      expect(
        JSON.parse(readFileSync(path.join(dataDir, "state.json"), "utf8")).plugsurfing.users.persisted,
      ).toBeDefined();

      const second = await startTestSandbox({ dataDir });
      try {
        expect(
          (await second.call("POST", `${PS}/v1/users`, { body: { id: "persisted" }, headers: KEYS.plugsurfing }))
            .status,
        ).toBe(409);
        const again = await second.call("POST", `${PS}/v1/users/persisted/sessions/history`, {
          body: { limit: 5 },
          headers: KEYS.plugsurfing,
        });
        expect(again.json.sessions).toEqual(history.json.sessions);
        expect(
          (
            await second.call("PUT", `${PS}/emp/v1/fleets/kept/rename`, {
              body: { newName: "Still here" },
              headers: KEYS.plugsurfing,
            })
          ).status,
        ).toBe(200);
        const got = await second.call("GET", `${PM}/bookings/${booking.json.id}`, { headers: KEYS.petitMonde });
        expect(got.json.external_id).toBe("survives-restart");
        expect((await second.call("GET", "/_sandbox/clock")).json.nowMs).toBeGreaterThanOrEqual(now);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the generated network", () => {
  it("is the same for the same seed and differs for another", () => {
    const summary = (seed: number) =>
      generateNetwork(seed, 2000)
        .locations.slice(0, 50)
        .map((l) => [
          l.plugsurfingId,
          l.latitude,
          l.longitude,
          l.evses.map((e) => e.evseId + e.connectors.map((c) => c.plugsurfingId).join()),
        ]);
    expect(summary(1)).toEqual(summary(1));
    expect(summary(1)).not.toEqual(summary(2));
  });

  it("covers Europe at full size, densest in Germany, with EVSEs shared by both public providers", () => {
    const started = performance.now();
    const network = generateNetwork(42);
    console.log(
      `network generation: ${Math.round(performance.now() - started)} ms for ${network.locations.length} locations`,
    );
    expect(network.locations.length).toBeGreaterThanOrEqual(20_000);
    const perCountry = new Map<string, number>();
    for (const l of network.locations) perCountry.set(l.country.code, (perCountry.get(l.country.code) ?? 0) + 1);
    expect(perCountry.size).toBeGreaterThan(20);
    expect(Math.max(...perCountry.values())).toBe(perCountry.get("DE"));
    expect(network.locations.filter((l) => l.onPetitMonde).every((l) => l.country.code === "DE")).toBe(true);
    expect(network.locations.filter((l) => l.onPetitMonde && l.onPlugsurfing).length).toBeGreaterThan(500);
    expect(network.plugsurfingIndex.within(52.52, 13.405, 3).length).toBeGreaterThan(50);
    expect(network.plugsurfingIndex.within(48.137, 11.575, 3).length).toBeGreaterThan(30);
    const connectorIds = network.locations.flatMap((l) =>
      l.evses.flatMap((e) => e.connectors.map((c) => c.plugsurfingId)),
    );
    expect(new Set(connectorIds).size).toBe(connectorIds.length);
    for (const l of network.locations.slice(0, 500))
      for (const e of l.evses)
        expect(e.evseId).toMatch(new RegExp(`^${l.country.code}\\*${l.operator.partyId}\\*E\\d{7}\\*\\d+$`));

    // Timing of the spatial index (printed, not asserted: the machine is shared).
    const timings: number[] = [];
    for (let i = 0; i < 51; i++) {
      const t = performance.now();
      network.plugsurfingIndex.within(52.52 + (i % 5) * 0.01, 13.405, 25);
      network.petitMondeIndex.within(48.137, 11.575 + (i % 5) * 0.01, 25);
      timings.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `25 km radius search (both indexes): median ${timings[25].toFixed(2)} ms, max ${timings[50].toFixed(2)} ms`,
    );
  });
});
