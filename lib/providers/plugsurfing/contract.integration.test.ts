// Contract tests: every Plugsurfing operation against the sandbox, success and documented errors.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import { sandboxConfig, sandboxProviders } from "../testing/sandbox";
import { PlugsurfingAdapter } from ".";

const ps = sandboxProviders().get("PLUGSURFING");
const BERLIN = { latitude: 52.52, longitude: 13.405 };
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("Plugsurfing users and keys", () => {
  it("creates a user once and treats the 409 of a second create as success", async () => {
    const id = unique("user");
    expect(await ps.ensureUser(id, `${id}@example.com`)).toBe("created");
    expect(await ps.ensureUser(id)).toBe("exists");
  });

  it("refuses an invalid email before sending", async () => {
    const error = await failure(ps.ensureUser(unique("user"), "not-an-email"));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.issues?.[0]).toMatch(/^email:/);
  });

  it("lists a user's keys, including the virtual one; 404 for an unknown user", async () => {
    const id = unique("user");
    await ps.ensureUser(id);
    const keys = await ps.listUserKeys(id);
    expect(keys.some((k) => k.type === "VIRTUAL" && !k.referenceId)).toBe(true);
    expect(keys.every((k) => k.provider === "PLUGSURFING" && typeof k.enabled === "boolean")).toBe(true);
    expect((await failure(ps.listUserKeys(unique("nobody")))).code).toBe("NOT_FOUND");
  });

  it("pre-registers a card; a second order for the same uid within 5 minutes is a 429 reported, not waited for", async () => {
    const uid = randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
    await ps.reserveCard({ uid, visualNumber: "CARD-1", type: "CARD" });
    const error = await failure(ps.reserveCard({ uid, visualNumber: "CARD-1", type: "CARD" }));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.userMessage).toMatch(/5 minutes/);
  });

  it("rejects a wrong API key as UNAUTHORIZED without echoing the key", async () => {
    const config = sandboxConfig().plugsurfing;
    const wrong = new PlugsurfingAdapter({ baseUrl: config.baseUrl, apiKey: "wrong-key-0123456789" });
    const error = await failure(wrong.listUserKeys("anyone"));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.retryable).toBe(false);
    expect(JSON.stringify(error) + error.message).not.toContain("wrong-key-0123456789");
  });
});

describe("Plugsurfing geosearch and locations", () => {
  it("finds locations within the radius, nearest data normalised (numbers, kW, OCPI)", async () => {
    const locations = await ps.search({ ...BERLIN, radiusM: 5_000, limit: 20 });
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) {
      expect(typeof l.latitude).toBe("number");
      expect(l.distanceM).toBeLessThanOrEqual(5_100);
      expect(l.timeZone).toMatch(/^[A-Za-z]+\/[A-Za-z_]+/);
      expect(l.price?.tariff?.perKwhMinor).toEqual(expect.any(Number));
    }
  });

  it("applies filters: DC, ≥ 50 kW, CCS, available", async () => {
    const result = await ps.geosearch({
      ...BERLIN,
      radiusM: 25_000,
      limit: 50,
      powerType: "DC",
      minPowerKw: 50,
      connectorStandards: ["IEC_62196_T2_COMBO"],
      availableNow: true,
    });
    expect(result.locations.length).toBeGreaterThan(0);
    for (const l of result.locations) {
      for (const e of l.evses) {
        expect(e.status).toBe("AVAILABLE");
        for (const c of e.connectors) {
          expect(c.standard).toBe("IEC_62196_T2_COMBO");
          expect(c.powerKw).toBeGreaterThanOrEqual(50);
        }
      }
    }
  });

  it("returns map aggregates when asked and an empty list far from everything", async () => {
    const withAggregates = await ps.geosearch({
      ...BERLIN,
      radiusM: 20_000,
      limit: 10,
      aggregate: true,
      aggregationPrecision: 4,
    });
    expect(withAggregates.aggregates.length).toBeGreaterThan(0);
    expect(withAggregates.aggregates.reduce((n, a) => n + a.count, 0)).toBeGreaterThanOrEqual(
      withAggregates.locations.length,
    );
    expect(await ps.search({ latitude: -60, longitude: -140, radiusM: 1_000 })).toEqual([]);
  });

  it("reports an out-of-range latitude as INVALID_REQUEST", async () => {
    const error = await failure(ps.search({ latitude: 123, longitude: 0, radiusM: 1_000 }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.status).toBe(400);
  });

  it("gets one location with the public tariff, the fleet's (cheaper) tariff with fleetId, null when unknown", async () => {
    const [first] = await ps.search({ ...BERLIN, radiusM: 5_000, limit: 1 });
    const fleetId = unique("fleet");
    await ps.createFleet({ fleetId, fleetName: "Pricing test" });
    const pub = await ps.getLocation(first.id);
    const fleet = await ps.getLocation(first.id, fleetId);
    expect(pub?.price?.fleetSpecific).toBe(false);
    expect(fleet?.price?.fleetSpecific).toBe(true);
    expect(fleet!.price!.tariff!.perKwhMinor).toBeLessThan(pub!.price!.tariff!.perKwhMinor);
    expect(pub?.price?.vatRateBasisPoints).toBeGreaterThan(0);
    expect(await ps.getLocation("no-such-location")).toBeNull();
  });
});

describe("Plugsurfing sessions", () => {
  it("starts, reads and stops a session; refuses a second start on the connector within 60 s", async () => {
    const userId = unique("driver");
    await ps.ensureUser(userId);
    const result = await ps.geosearch({ ...BERLIN, radiusM: 30_000, limit: 100, availableNow: true });
    const evse = result.locations
      .flatMap((l) => l.evses)
      .find((e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE"));
    expect(evse).toBeDefined();
    const connectorId = evse!.connectors[0].id;

    const started = await ps.startSession(userId, connectorId);
    expect(started.sessionId).toEqual(expect.any(String));
    const session = await ps.getSession(userId, started.sessionId!);
    expect(session.sessionId).toBe(started.sessionId);
    expect(["WAITING_TO_START", "STARTED"]).toContain(session.status);

    const again = await failure(ps.startSession(userId, connectorId));
    expect(again.code).toBe("CONFLICT");

    await ps.stopSession(userId, started.sessionId!);
    await ps.stopSession(userId, started.sessionId!); // harmless repeat
  });

  it("404s for an unknown user or session", async () => {
    expect((await failure(ps.startSession(unique("nobody"), "x"))).code).toBe("NOT_FOUND");
    const userId = unique("driver");
    await ps.ensureUser(userId);
    expect((await failure(ps.getSession(userId, "nope"))).code).toBe("NOT_FOUND");
  });

  it("pages through the session history by cursor, oldest first, without repeats", async () => {
    const userId = unique("driver");
    await ps.ensureUser(userId);
    const firstPage = await ps.sessionHistory(userId, { limit: 2 });
    expect(firstPage.sessions.length).toBeLessThanOrEqual(2);
    const all = await ps.allSessions(userId, { limit: 2 });
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(all.map((s) => s.sessionId)).size).toBe(all.length);
    const starts = all.map((s) => Date.parse(s.startTime));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const s of all) {
      expect(s.status).toBe("COMPLETE");
      expect(Number.isInteger(s.price?.inclVatMinor)).toBe(true);
    }
    const since = new Date(starts[Math.floor(starts.length / 2)]);
    const later = await ps.allSessions(userId, { startTime: since, limit: 100 });
    expect(later.every((s) => Date.parse(s.startTime) >= since.getTime())).toBe(true);
    expect((await failure(ps.sessionHistory(unique("nobody"), {}))).code).toBe("NOT_FOUND");
  });
});

describe("Plugsurfing EMP fleets, invitation codes and keys", () => {
  it("creates and renames a fleet; duplicate → CONFLICT, unknown → NOT_FOUND", async () => {
    const fleetId = unique("acme");
    expect(await ps.createFleet({ fleetId, fleetName: "Acme" })).toEqual({ fleetId, fleetName: "Acme" });
    expect((await failure(ps.createFleet({ fleetId }))).code).toBe("CONFLICT");
    expect(await ps.renameFleet(fleetId, "Acme Industries")).toEqual({ fleetId, fleetName: "Acme Industries" });
    expect((await failure(ps.renameFleet(unique("none"), "x"))).code).toBe("NOT_FOUND");
    expect((await failure(ps.createFleet({ fleetId: "x".repeat(101) }))).code).toBe("INVALID_REQUEST");
  });

  it("lists invitation codes; 404 (no codes / no fleet) is an empty list", async () => {
    const fleetId = unique("acme");
    await ps.createFleet({ fleetId });
    const codes = await ps.listInvitationCodes(fleetId);
    expect(Array.isArray(codes)).toBe(true);
    expect(await ps.listInvitationCodes(unique("none"))).toEqual([]);
  });

  it("creates fleet keys, pages through them, disables and enables one", async () => {
    const fleetId = unique("acme");
    await ps.createFleet({ fleetId });
    const ids = Array.from({ length: 12 }, (_, i) => `${fleetId}-K${String(i).padStart(2, "0")}`);
    for (const keyIdentifier of ids)
      await ps.createFleetKey({ keyIdentifier, visualNumber: `V-${keyIdentifier}`, fleetId });
    expect((await failure(ps.createFleetKey({ keyIdentifier: ids[0], visualNumber: "dup", fleetId }))).code).toBe(
      "CONFLICT",
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ps.listFleetKeys(fleetId, { cursor, pageSize: 10 });
      seen.push(...page.keys.map((k) => k.keyId));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual(ids);

    await ps.setKeyEnabled(ids[3], false);
    let keys = (await ps.listFleetKeys(fleetId, { pageSize: 100 })).keys;
    expect(keys.find((k) => k.keyId === ids[3])?.enabled).toBe(false);
    await ps.setKeyEnabled(ids[3], true);
    keys = (await ps.listFleetKeys(fleetId, { pageSize: 100 })).keys;
    expect(keys.find((k) => k.keyId === ids[3])?.enabled).toBe(true);
    expect((await failure(ps.setKeyEnabled(unique("no-key"), false))).code).toBe("NOT_FOUND");
  });
});
