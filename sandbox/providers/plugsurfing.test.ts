import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEYS, startTestSandbox, type TestSandbox } from "../test-support";

const BASE = "/plugsurfing/drive";
let sandbox: TestSandbox;
const ps = (method: string, path: string, body?: unknown) =>
  sandbox.call(method, `${BASE}${path}`, { body, headers: KEYS.plugsurfing });

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.dispose();
});

/** A connector that can be remote-started right now, near Berlin Mitte. */
async function availableRemoteConnector(): Promise<string> {
  const r = await ps("POST", "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=5000&limit=50", {
    filters: { locationStatuses: ["AVAILABLE"], capabilities: ["REMOTE_START_STOP_CAPABLE"] },
    options: { filterEvsesAndConnectors: true },
  });
  const evse = r.json.locations
    .flatMap((l: { evses: unknown[] }) => l.evses)
    .find((e: { status: string }) => e.status === "AVAILABLE");
  return evse.connectors[0].id;
}

describe("Plugsurfing auth and users", () => {
  it("rejects a missing or wrong API key with 401", async () => {
    const missing = await sandbox.call("POST", `${BASE}/v1/users`, { body: { id: "x" } });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ status: 401 });
    const wrong = await sandbox.call("GET", `${BASE}/v1/users/x/charging-keys`, { headers: { "X-API-Key": "nope" } });
    expect(wrong.status).toBe(401);
  });

  it("creates a user with 201 and no body, refuses a duplicate id or email with 409 and a bad body with 400", async () => {
    const created = await ps("POST", "/v1/users", { id: "alice", email: "alice@example.com" });
    expect(created.status).toBe(201);
    expect(created.text).toBe("");
    expect((await ps("POST", "/v1/users", { id: "alice" })).status).toBe(409);
    const sameEmail = await ps("POST", "/v1/users", { id: "alice2", email: "ALICE@example.com" });
    expect(sameEmail.status).toBe(409);
    const bad = await ps("POST", "/v1/users", { email: "x@example.com" });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/id/);
    expect((await ps("POST", "/v1/users", "{not json")).status).toBe(400);
  });

  it("gives every user an RFID tag and a virtual key without referenceId; 404 for unknown users", async () => {
    await ps("POST", "/v1/users", { id: "keys-user" });
    const r = await ps("GET", "/v1/users/keys-user/charging-keys");
    expect(r.status).toBe(200);
    const tag = r.json.keys.find((k: { type: string }) => k.type === "tag");
    const virtual = r.json.keys.find((k: { type: string }) => k.type === "virtual");
    expect(tag.referenceId).toMatch(/^DE\*8PS\*/);
    expect(virtual.referenceId).toBeUndefined();
    expect((await ps("GET", "/v1/users/nobody/charging-keys")).status).toBe(404);
  });

  it("limits card reservations to one per uid every 5 minutes of simulated time", async () => {
    const card = { uid: "04A1B2C3D4E5F6", visualNumber: "PS-0001", type: "CARD" };
    expect((await ps("POST", "/v1/charging-keys/reservations", card)).status).toBe(201);
    expect((await ps("POST", "/v1/charging-keys/reservations", card)).status).toBe(429);
    const bad = await ps("POST", "/v1/charging-keys/reservations", { ...card, uid: "XYZ" });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/uid/);
    await sandbox.advance(5 * 60_000);
    expect((await ps("POST", "/v1/charging-keys/reservations", card)).status).toBe(201);
  });
});

describe("Plugsurfing session history", () => {
  it("generates 60–120 completed sessions over the past year, paged by cursor in startTime order", async () => {
    await ps("POST", "/v1/users", { id: "history-user" });
    const seen: Array<{ startTime: string; sessionId: string; price: { minorInclVat: number; minorExclVat: number } }> =
      [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await ps("POST", "/v1/users/history-user/sessions/history", {
        limit: 25,
        ...(cursor ? { cursor } : {}),
      });
      expect(r.status).toBe(200);
      expect(r.json.count).toBe(r.json.sessions.length);
      seen.push(...r.json.sessions);
      cursor = r.json.cursor;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(seen.length).toBeGreaterThanOrEqual(60);
    expect(seen.length).toBeLessThanOrEqual(120);
    expect(new Set(seen.map((s) => s.sessionId)).size).toBe(seen.length);
    const times = seen.map((s) => Date.parse(s.startTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThan(Date.now() - 366 * 86_400_000);
    for (const s of seen) expect(s.price.minorInclVat).toBeGreaterThanOrEqual(s.price.minorExclVat);

    const middle = seen[Math.floor(seen.length / 2)].startTime;
    const filtered = await ps("POST", "/v1/users/history-user/sessions/history", { startTime: middle, limit: 100 });
    expect(filtered.json.sessions.every((s: { startTime: string }) => s.startTime >= middle)).toBe(true);
    expect((await ps("POST", "/v1/users/history-user/sessions/history", { limit: 101 })).status).toBe(400);
    expect((await ps("POST", "/v1/users/nobody/sessions/history", {})).status).toBe(404);
  });
});

describe("Plugsurfing geosearch and locations", () => {
  it("finds locations near Berlin Mitte, nearest first, with string coordinates and Plugsurfing standards", async () => {
    // The doc example's trailing comma and `*/*` content type are accepted.
    const r = await sandbox.call(
      "POST",
      `${BASE}/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=3000&limit=300`,
      {
        body: '{"filters": {"powerType": "AC",}}',
        headers: { ...KEYS.plugsurfing, "Content-Type": "*/*" },
      },
    );
    expect(r.status).toBe(200);
    expect(r.json.locations.length).toBeGreaterThan(20);
    const first = r.json.locations[0];
    expect(typeof first.coordinates.latitude).toBe("string");
    expect(first.time_zone).toBe("Europe/Berlin");
    const standards = new Set(
      r.json.locations.flatMap((l: { evses: Array<{ connectors: Array<{ standard: string }> }> }) =>
        l.evses.flatMap((e) => e.connectors.map((c) => c.standard)),
      ),
    );
    expect(standards.has("Type2")).toBe(true);
    expect(r.json.aggregates).toBeUndefined();
  });

  it("applies power and connector filters, and trims EVSEs when asked", async () => {
    const r = await ps("POST", "/v1/geosearch/radius?latitude=48.137&longitude=11.575&distance=20000&limit=50", {
      filters: { connectorStandards: ["CCS"], power: 150000 },
      options: { filterEvsesAndConnectors: true },
    });
    expect(r.json.locations.length).toBeGreaterThan(0);
    for (const l of r.json.locations)
      for (const e of l.evses)
        for (const c of e.connectors) {
          expect(c.standard).toBe("CCS");
          expect(c.power).toBeGreaterThanOrEqual(150000);
        }
  });

  it("aggregates into geohash buckets whose counts add up to all matches", async () => {
    const r = await ps(
      "POST",
      "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=50000&limit=1&aggregate=true&aggregationPrecision=4",
      {},
    );
    expect(r.status).toBe(200);
    const total = r.json.aggregates.reduce((s: number, a: { count: number }) => s + a.count, 0);
    const all = await ps("POST", "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=50000&limit=300", {});
    expect(total).toBeGreaterThanOrEqual(all.json.locations.length);
    expect(r.json.aggregates.every((a: { geohash: string }) => a.geohash.length === 4)).toBe(true);
  });

  it("answers the documented 400s with a message naming the problem", async () => {
    const lat = await ps("POST", "/v1/geosearch/radius?latitude=95&longitude=13", {});
    expect(lat.status).toBe(400);
    expect(lat.json.message).toBe("Invalid latitude: must be between -90 and 90");
    expect((await ps("POST", "/v1/geosearch/radius?latitude=52&longitude=13&limit=301", {})).json.message).toMatch(
      /limit/,
    );
    expect(
      (await ps("POST", "/v1/geosearch/radius?latitude=52&longitude=13&aggregate=true&aggregationPrecision=10", {}))
        .json.message,
    ).toMatch(/aggregationPrecision/);
  });

  it("returns one location with public or fleet pricing (10 % cheaper per kWh)", async () => {
    const search = await ps("POST", "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=2000&limit=1", {});
    const id = search.json.locations[0].id;
    await ps("POST", "/emp/v1/fleets", { fleetId: "pricing-fleet" });
    const plain = await ps("GET", `/v1/locations/${id}`);
    const fleet = await ps("GET", `/v1/locations/${id}?fleetId=pricing-fleet`);
    expect(plain.json.tariff.fleetId).toBeUndefined();
    expect(fleet.json.tariff.fleetId).toBe("pricing-fleet");
    expect(fleet.json.tariff.perKwhMinorInclVat).toBe(Math.round(plain.json.tariff.perKwhMinorInclVat * 0.9));
    expect(plain.json.tariff.vat).toBe("19");
    expect((await ps("GET", "/v1/locations/does-not-exist")).status).toBe(404);
  });
});

describe("Plugsurfing remote start and stop", () => {
  it("runs WAITING_TO_START → STARTED → COMPLETE on the simulated clock and lands in the history", async () => {
    await ps("POST", "/v1/users", { id: "driver" });
    const connectorId = await availableRemoteConnector();
    const start = await sandbox.call("POST", `${BASE}/v1/users/driver/sessions/start`, {
      body: JSON.stringify({ connectorId }),
      headers: { ...KEYS.plugsurfing, "Content-Type": "*/*" },
    });
    expect(start.status).toBe(200);
    const { sessionId } = start.json;
    expect(sessionId).toMatch(/^[0-9A-Za-z]{11}$/);
    expect((await ps("GET", `/v1/users/driver/sessions/${sessionId}`)).json.sessionStatus).toBe("WAITING_TO_START");

    // A second start on the same connector within 60 s is refused.
    await ps("POST", "/v1/users", { id: "driver2" });
    const again = await ps("POST", "/v1/users/driver2/sessions/start", { connectorId });
    expect(again.status).toBe(409);

    await sandbox.advance(20 * 60_000);
    const running = await ps("GET", `/v1/users/driver/sessions/${sessionId}`);
    expect(running.json.sessionStatus).toBe("STARTED");
    expect(running.json.energy.value).toBeGreaterThan(0);
    expect(running.json.duration).toMatch(/^PT/);

    expect((await ps("POST", `/v1/users/driver/sessions/${sessionId}/stop`)).status).toBe(200);
    let done = await ps("GET", `/v1/users/driver/sessions/${sessionId}`);
    if (done.json.sessionStatus === "STOP_FAILED") {
      expect((await ps("POST", `/v1/users/driver/sessions/${sessionId}/stop`)).status).toBe(200);
      done = await ps("GET", `/v1/users/driver/sessions/${sessionId}`);
    }
    expect(done.json.sessionStatus).toBe("COMPLETE");
    expect(done.json.energy.value).toBeGreaterThan(0);
    expect(done.json.price.minorInclVat).toBeGreaterThan(0);
    expect(["PROCESSING", "PAID"]).toContain(done.json.balanceStatus);
    // Stopping a stopped session is harmless.
    expect((await ps("POST", `/v1/users/driver/sessions/${sessionId}/stop`)).status).toBe(200);

    const history = await ps("POST", "/v1/users/driver/sessions/history", {
      limit: 100,
      startTime: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(history.json.sessions.map((s: { sessionId: string }) => s.sessionId)).toContain(sessionId);
    expect((await ps("GET", "/v1/users/driver/sessions/unknown")).status).toBe(404);
  });

  it("answers 404 for an unknown connector and 400 without one", async () => {
    expect((await ps("POST", "/v1/users/driver/sessions/start", { connectorId: "nope" })).status).toBe(404);
    expect((await ps("POST", "/v1/users/driver/sessions/start", {})).status).toBe(400);
  });

  it("fails the session (with an id) on a charger without remote start", async () => {
    await ps("POST", "/v1/users", { id: "old-charger-driver" });
    const r = await ps("POST", "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=30000&limit=300", {});
    const evse = r.json.locations
      .flatMap((l: { evses: Array<{ capabilities: string[] }> }) => l.evses)
      .find((e: { capabilities: string[] }) => !e.capabilities.includes("REMOTE_START_STOP_CAPABLE"));
    const start = await ps("POST", "/v1/users/old-charger-driver/sessions/start", {
      connectorId: evse.connectors[0].id,
    });
    expect(start.status).toBe(200);
    await sandbox.advance(30_000);
    const s = await ps("GET", `/v1/users/old-charger-driver/sessions/${start.json.sessionId}`);
    expect(s.json.sessionStatus).toBe("FAILED");
  });
});

describe("Plugsurfing EMP fleets and keys", () => {
  it("creates, renames and lists invitation codes (404 when none are active)", async () => {
    const created = await ps("POST", "/emp/v1/fleets", { fleetId: "acme-corp-001", fleetName: "Acme" });
    expect(created.json).toEqual({ fleetId: "acme-corp-001", fleetName: "Acme" });
    expect((await ps("POST", "/emp/v1/fleets", { fleetId: "x".repeat(101) })).status).toBe(400);
    const renamed = await ps("PUT", "/emp/v1/fleets/acme-corp-001/rename", { newName: "Acme Industries" });
    expect(renamed.json.fleetName).toBe("Acme Industries");
    expect((await ps("PUT", "/emp/v1/fleets/unknown/rename", { newName: "x" })).status).toBe(404);

    // Fleets get 0–2 codes deterministically; find one without any.
    let bare: string | undefined;
    for (let i = 0; i < 20 && !bare; i++) {
      await ps("POST", "/emp/v1/fleets", { fleetId: `fleet-${i}` });
      if ((await ps("GET", `/emp/v1/fleets/fleet-${i}/invitation`)).status === 404) bare = `fleet-${i}`;
    }
    expect(bare).toBeDefined();
    await sandbox.call("POST", `/_sandbox/plugsurfing/fleets/${bare}/invitation-codes`, { body: { code: "JOIN-ME" } });
    const codes = await ps("GET", `/emp/v1/fleets/${bare}/invitation`);
    expect(codes.json).toEqual([{ code: "JOIN-ME" }]);
  });

  it("creates keys (409 on duplicates), pages them by cursor and enables/disables them", async () => {
    await ps("POST", "/emp/v1/fleets", { fleetId: "key-fleet" });
    for (let i = 0; i < 23; i++) {
      const r = await ps("POST", "/emp/v1/charging-keys", {
        keyIdentifier: `K${String(i).padStart(3, "0")}`,
        visualNumber: `V${i}`,
        fleetId: "key-fleet",
      });
      expect(r.status).toBe(201);
    }
    expect((await ps("POST", "/emp/v1/charging-keys", { keyIdentifier: "K000", visualNumber: "dup" })).status).toBe(
      409,
    );
    expect((await ps("POST", "/emp/v1/charging-keys", { visualNumber: "no id" })).status).toBe(400);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await ps(
        "GET",
        `/emp/v1/charging-keys?fleetId=key-fleet&page_size=10${cursor ? `&cursor=${cursor}` : ""}`,
      );
      ids.push(...r.json.keys.map((k: { keyIdentifier: string }) => k.keyIdentifier));
      cursor = r.json.cursor;
    } while (cursor);
    expect(ids).toHaveLength(23);
    expect(new Set(ids).size).toBe(23);
    expect((await ps("GET", "/emp/v1/charging-keys?page_size=5")).status).toBe(400);

    const disabled = await ps("POST", "/emp/v1/charging-keys/K001/disable");
    expect(disabled.json.enabled).toBe(false);
    expect((await ps("POST", "/emp/v1/charging-keys/K001/enable")).json.enabled).toBe(true);
    expect((await ps("POST", "/emp/v1/charging-keys/unknown/disable")).status).toBe(404);
  });
});
