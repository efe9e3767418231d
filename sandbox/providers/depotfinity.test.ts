import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../test-support";

let sandbox: TestSandbox;
const basic = `Basic ${Buffer.from("sandbox-depot-client:sandbox-depot-secret").toString("base64")}`;

async function token(target: TestSandbox = sandbox): Promise<string> {
  const r = await fetch(`${target.url}/depotfinity-auth/oauth2/token`, {
    method: "POST",
    headers: { Authorization: basic, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { access_token: string; expires_in: number; token_type: string };
  expect(body.token_type).toBe("bearer");
  return body.access_token;
}

let bearer: Record<string, string>;
const df = (method: string, path: string, body?: unknown) =>
  sandbox.call(method, `/depotfinity${path}`, { body, headers: bearer });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  bearer = { Authorization: `Bearer ${await token()}` };
});
afterAll(async () => {
  await sandbox?.dispose();
});

describe("DepotFinity auth", () => {
  it("answers 403 for wrong client credentials and 400 for another grant type", async () => {
    const wrong = await fetch(`${sandbox.url}/depotfinity-auth/oauth2/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from("sandbox-depot-client:wrong").toString("base64")}` },
      body: "grant_type=client_credentials",
    });
    expect(wrong.status).toBe(403);
    const grant = await fetch(`${sandbox.url}/depotfinity-auth/oauth2/token`, {
      method: "POST",
      headers: { Authorization: basic },
      body: "grant_type=password",
    });
    expect(grant.status).toBe(400);
  });

  it("answers 401 without a token and once the token expired", async () => {
    const none = await sandbox.call("GET", "/depotfinity/v1/chargers");
    expect(none.status).toBe(401);
    expect(none.json.errors[0]).toMatchObject({ status: "401" });
    // A second server (same network, generated once per process) whose tokens live one second.
    const shortTtl = await startTestSandbox({ depotTokenTtlSeconds: 1 });
    try {
      const shortLived = { Authorization: `Bearer ${await token(shortTtl)}` };
      expect((await shortTtl.call("GET", "/depotfinity/v1/chargers", { headers: shortLived })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await shortTtl.call("GET", "/depotfinity/v1/chargers", { headers: shortLived });
      expect(expired.status).toBe(401);
      expect(expired.json.errors[0].detail).toMatch(/expired/);
    } finally {
      await shortTtl.dispose();
    }
  });
});

describe("DepotFinity API", () => {
  it("lists the depots' chargers with OCPI connectors", async () => {
    const r = await df("GET", "/v1/chargers");
    expect(r.status).toBe(200);
    const depots = new Set(r.json.data.map((c: { attributes: { DepotName: string } }) => c.attributes.DepotName));
    expect([...depots].some((d) => String(d).includes("Berlin"))).toBe(true);
    expect([...depots].some((d) => String(d).includes("München"))).toBe(true);
    expect(r.json.data[0]).toMatchObject({ type: "charger", attributes: { TimeZone: "Europe/Berlin" } });
    expect(r.json.data[0].attributes.Connectors[0].Standard).toMatch(/^IEC_62196_T2/);
  });

  it("adds a reservation (201), refuses an overlap (409) and unknown ids (404), removes it (200, then 404)", async () => {
    const now = (await sandbox.call("GET", "/_sandbox/clock")).json.nowMs;
    const body = (startH: number, endH: number) => ({
      ReservationStart: new Date(now + startH * 3_600_000).toISOString(),
      ReservationEnd: new Date(now + endH * 3_600_000).toISOString(),
      AuthorizationType: "RFID",
      AuthorizationValue: "89C4704A",
    });
    const created = await df("POST", "/v1/reservations/chargers/BER-CH05/connectors/1", body(1, 3));
    expect(created.status).toBe(201);
    expect(created.json.message).toBe("Charger Reservation is successful.");
    expect((await df("POST", "/v1/reservations/chargers/BER-CH05/connectors/1", body(2, 4))).status).toBe(409);
    expect((await df("POST", "/v1/reservations/chargers/BER-CH05/connectors/2", body(2, 4))).status).toBe(201);
    expect((await df("POST", "/v1/reservations/chargers/NOPE/connectors/1", body(1, 2))).status).toBe(404);
    expect((await df("POST", "/v1/reservations/chargers/BER-CH05/connectors/9", body(1, 2))).status).toBe(404);
    const invalid = await df("POST", "/v1/reservations/chargers/BER-CH05/connectors/1", {
      ...body(5, 6),
      AuthorizationType: "APP",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0].detail).toMatch(/AuthorizationType/);

    const removed = await df("DELETE", `/v1/reservations/${created.json.ChargerReservationID}`);
    expect(removed.status).toBe(200);
    expect(removed.json.code).toBe(200);
    expect((await df("DELETE", `/v1/reservations/${created.json.ChargerReservationID}`)).status).toBe(404);
    expect((await df("POST", "/v1/reservations/chargers/BER-CH05/connectors/1", body(2, 4))).status).toBe(201);
  });

  it("reports availability per connector, Unavailable while reserved", async () => {
    const now = (await sandbox.call("GET", "/_sandbox/clock")).json.nowMs;
    await df("POST", "/v1/reservations/chargers/HAM-CH04/connectors/1", {
      ReservationStart: new Date(now - 60_000).toISOString(),
      ReservationEnd: new Date(now + 3_600_000).toISOString(),
      AuthorizationType: "RFID",
      AuthorizationValue: "AA11BB22",
    });
    const r = await df("GET", "/v1/chargerStatus/chargers/HAM-CH04/availabilityStatus");
    expect(r.status).toBe(200);
    const first = r.json.items.find((i: { connectorId: string }) => i.connectorId === "1");
    expect(["Unavailable", "Faulted"]).toContain(first.status);
    expect((await df("GET", "/v1/chargerStatus/chargers/NOPE/availabilityStatus")).status).toBe(404);
  });

  it("pages transactions (1-based) with filters and a stable order", async () => {
    const p1 = await df("GET", "/v2/transactions?limit=50&page=1&order=asc");
    const p2 = await df("GET", "/v2/transactions?limit=50&page=2&order=asc");
    expect(p1.json.meta).toMatchObject({ page: 1, limit: 50 });
    expect(p1.json.meta.total).toBeGreaterThan(100);
    const ids = [...p1.json.data, ...p2.json.data].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(100);
    const starts = [...p1.json.data, ...p2.json.data].map(
      (t: { attributes: { StartTime: string } }) => t.attributes.StartTime,
    );
    expect([...starts].sort()).toEqual(starts);
    const one = await df("GET", "/v2/transactions?chargerId=MUC-CH03&limit=1000");
    expect(
      one.json.data.every((t: { attributes: { ChargerId: string } }) => t.attributes.ChargerId === "MUC-CH03"),
    ).toBe(true);
    expect((await df("GET", "/v2/transactions?page=0")).status).toBe(400);
  });

  it("registers RFID tags (201) and enables/disables them (404 for unknown tags)", async () => {
    const r = await df("POST", "/v2/rfid", { interimVehicleIDs: ["04AABBCC", "04DDEEFF"] });
    expect(r.status).toBe(201);
    expect(r.json.data).toHaveLength(2);
    const off = await df("POST", "/v2/rfid/04AABBCC/false");
    expect(off.json.data.attributes.Enabled).toBe(false);
    expect((await df("POST", "/v2/rfid/04AABBCC/true")).json.data.attributes.Enabled).toBe(true);
    expect((await df("POST", "/v2/rfid/UNKNOWN/true")).status).toBe(404);
  });
});
