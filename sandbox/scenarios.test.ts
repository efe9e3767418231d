import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionSnapshot } from "./lifecycle/plugsurfing-session";
import { sessionScenario } from "./scenarios";
import type { PlugsurfingSession } from "./state";
import { KEYS, startTestSandbox, type TestSandbox } from "./test-support";

const PS = "/plugsurfing/drive";
const PM = "/petitmonde/api/v1/client";
let sandbox: TestSandbox;
const ps = (method: string, path: string, body?: unknown) =>
  sandbox.call(method, `${PS}${path}`, { body, headers: KEYS.plugsurfing });
const pm = (method: string, path: string, body?: unknown) =>
  sandbox.call(method, `${PM}${path}`, { body, headers: KEYS.petitMonde });

beforeAll(async () => {
  sandbox = await startTestSandbox({ rateLimits: { petitMondePerMinute: 1000 } });
});
afterAll(async () => {
  await sandbox?.dispose();
});

/** Connectors that can be remote-started right now, near Berlin Mitte. */
async function availableRemoteConnectors(count: number): Promise<string[]> {
  const r = await ps("POST", "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=10000&limit=100", {
    filters: { locationStatuses: ["AVAILABLE"], capabilities: ["REMOTE_START_STOP_CAPABLE"] },
    options: { filterEvsesAndConnectors: true },
  });
  const connectors = r.json.locations
    .flatMap((l: { evses: Array<{ status: string; connectors: Array<{ id: string }> }> }) => l.evses)
    .filter((e: { status: string }) => e.status === "AVAILABLE")
    .map((e: { connectors: Array<{ id: string }> }) => e.connectors[0].id);
  expect(connectors.length).toBeGreaterThanOrEqual(count);
  return connectors.slice(0, count);
}

async function startOn(user: string, connectorId: string): Promise<string> {
  await ps("POST", "/v1/users", { id: user });
  const start = await ps("POST", `/v1/users/${user}/sessions/start`, { connectorId });
  expect(start.status).toBe(200);
  return start.json.sessionId as string;
}

describe("watchdog scenarios", () => {
  afterAll(async () => {
    await sandbox.call("DELETE", "/_sandbox/scenarios");
  });

  it("are set, read back and cleared; a bad one is refused with 400", async () => {
    expect((await sandbox.call("GET", "/_sandbox/scenarios")).json).toEqual({});
    const set = await sandbox.call("PUT", "/_sandbox/scenarios", { body: { stuckSessions: true, priceDrift: 2 } });
    expect(set.json).toEqual({ stuckSessions: true, priceDrift: 2 });
    expect((await sandbox.call("GET", "/_sandbox/scenarios")).json).toEqual({ stuckSessions: true, priceDrift: 2 });
    expect((await sandbox.call("PUT", "/_sandbox/scenarios", { body: { priceDrift: -1 } })).status).toBe(400);
    expect((await sandbox.call("DELETE", "/_sandbox/scenarios")).json).toEqual({});
  });

  it("stuckSessions: the session starts, never charges and never ends by itself; a stop ends it", async () => {
    const [stuckOn, normalOn] = await availableRemoteConnectors(2);
    await sandbox.call("PUT", "/_sandbox/scenarios", { body: { stuckSessions: true } });
    const stuck = await startOn("stuck-driver", stuckOn);
    await sandbox.call("DELETE", "/_sandbox/scenarios");
    const normal = await startOn("normal-driver", normalOn);
    await sandbox.advance(30 * 3_600_000);
    const seen = await ps("GET", `/v1/users/stuck-driver/sessions/${stuck}`);
    expect(seen.json.sessionStatus).toBe("STARTED");
    expect(seen.json.energy.value).toBe(0);
    // A session started once the scenario was cleared lives as usual.
    expect((await ps("GET", `/v1/users/normal-driver/sessions/${normal}`)).json.sessionStatus).toBe("COMPLETE");
    // One first stop in twenty fails at the charger on the living network, as a real one may; the second succeeds.
    const stop = async () => {
      await ps("POST", `/v1/users/stuck-driver/sessions/${stuck}/stop`);
      return (await ps("GET", `/v1/users/stuck-driver/sessions/${stuck}`)).json.sessionStatus as string;
    };
    const first = await stop();
    expect(["COMPLETE", "STOP_FAILED"]).toContain(first);
    expect(first === "COMPLETE" ? first : await stop()).toBe("COMPLETE");
  });

  it("stopFails: every stop of the session fails, however often it is asked", async () => {
    const [connectorId] = await availableRemoteConnectors(1);
    await sandbox.call("PUT", "/_sandbox/scenarios", { body: { stopFails: true, stuckSessions: true } });
    const id = await startOn("stop-fails-driver", connectorId);
    await sandbox.advance(5 * 60_000);
    for (let i = 0; i < 3; i++) {
      expect((await ps("POST", `/v1/users/stop-fails-driver/sessions/${id}/stop`)).status).toBe(200);
      expect((await ps("GET", `/v1/users/stop-fails-driver/sessions/${id}`)).json.sessionStatus).toBe("STOP_FAILED");
    }
  });

  it("priceDrift: a Petit Monde booking's final price drifts from its estimate, which stays the tariff's", async () => {
    const now = (await sandbox.call("GET", "/_sandbox/clock")).json.nowMs as number;
    const start = now + 2 * 3_600_000;
    const end = start + 3_600_000;
    const window = `start_time=${new Date(start).toISOString()}&end_time=${new Date(end).toISOString()}`;
    const search = await pm("GET", `/search?lat=48.137&lng=11.575&radius=40&limit=50&${window}`);
    const [first, second] = search.json.results.flatMap(
      (l: { location_id: string; evses: Array<{ evse_uid: string }> }) =>
        l.evses.map((e) => ({ location_id: l.location_id, evse_uid: e.evse_uid })),
    );
    const book = (target: object, externalId: string) =>
      pm("POST", "/bookings", {
        ...target,
        reservation_start: new Date(start).toISOString(),
        reservation_end: new Date(end).toISOString(),
        external_id: externalId,
        token_strategy: "ad_hoc",
      });
    await sandbox.call("PUT", "/_sandbox/scenarios", { body: { priceDrift: 2 } });
    const drifting = (await book(first, "drift-a")).json;
    await sandbox.call("DELETE", "/_sandbox/scenarios");
    const plain = (await book(second, "drift-b")).json;
    for (const booking of [drifting, plain])
      await sandbox.call("POST", `/_sandbox/petitmonde/bookings/${booking.id}/status`, {
        body: { status: "COMPLETED" },
      });
    const done = (await pm("GET", `/bookings/${drifting.id}`)).json;
    expect(done.estimated_price).toBe(drifting.estimated_price);
    expect(done.client_price).toBeCloseTo(drifting.estimated_price * 2, 2);
    const plainDone = (await pm("GET", `/bookings/${plain.id}`)).json;
    expect(plainDone.client_price).toBe(plain.estimated_price);
  });
});

describe("a session under a scenario", () => {
  const T0 = Date.UTC(2026, 10, 21, 8, 0);
  const session = (overrides: Partial<PlugsurfingSession>): PlugsurfingSession => ({
    id: "s1",
    userId: "u1",
    connectorId: "c1",
    chargingKeyId: "k1",
    createdAt: T0,
    startDelayMs: 30_000,
    plugDurationMs: 3_600_000,
    vehicleKw: 11,
    energyNeedWh: 30_000,
    stopAttempts: 0,
    ...overrides,
  });

  it("takes only the scenarios in force, and no factor for a drift of 1", () => {
    expect(sessionScenario({})).toEqual({});
    expect(sessionScenario({ stuckSessions: true, stopFails: false, priceDrift: 1 })).toEqual({ stuck: true });
    expect(sessionScenario({ stopFails: true, priceDrift: 1.5 })).toEqual({ stopFails: true, priceFactor: 1.5 });
  });

  it("stays STARTED with no energy long after its driver would have unplugged", () => {
    const stuck = sessionSnapshot(session({ stuck: true }), T0 + 48 * 3_600_000, 22);
    expect(stuck).toMatchObject({ status: "STARTED", energyWh: 0, active: true });
    const usual = sessionSnapshot(session({}), T0 + 48 * 3_600_000, 22);
    expect(usual).toMatchObject({ status: "COMPLETE", active: false });
  });
});
