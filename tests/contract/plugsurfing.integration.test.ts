// Plugsurfing Drive through the real adapter, against the sandbox and against a server built from the docs alone.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createProviders } from "@/lib/providers/create-providers";
import { ProviderError } from "@/lib/providers/errors";
import { contractTargets, plugsurfingRaw, remoteStartConnectors } from "./targets";

const targets = await contractTargets();
const BERLIN = { latitude: 52.52, longitude: 13.405 };
const OCPI_EVSE_STATUSES = [
  "AVAILABLE",
  "BLOCKED",
  "CHARGING",
  "INOPERATIVE",
  "OUTOFORDER",
  "PLANNED",
  "REMOVED",
  "RESERVED",
  "UNKNOWN",
];
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

interface RawGeosearch {
  locations: Array<{
    id: string;
    coordinates: { latitude: string; longitude: string };
    evses: Array<{ uid: string; connectors: Array<{ id: string; power: number }> }>;
  }>;
}

describe.each(targets)("Plugsurfing against the $name", (target) => {
  const ps = target.providers().get("PLUGSURFING");

  describe("users and keys", () => {
    it("creates a user (201, no body); creating the same id again is 'exists'", async () => {
      const id = unique("user");
      expect(await ps.ensureUser(id, `${id}@example.com`)).toBe("created");
      expect(await ps.ensureUser(id)).toBe("exists");
    });

    it("does not report a new id as an existing user when only its email is taken (409)", async () => {
      const first = unique("user");
      const email = `${first}@example.com`;
      await ps.ensureUser(first, email);
      const second = unique("user");
      const outcome = await ps.ensureUser(second, email).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ("error" in outcome) {
        expect(outcome.error).toBeInstanceOf(ProviderError);
        expect((outcome.error as ProviderError).status).toBe(409);
      } else {
        // Whatever it answered, a user it calls existing must exist.
        expect((await ps.listUserKeys(second)).length).toBeGreaterThan(0);
      }
    });

    it("lists a user's keys with the virtual key (no referenceId); an unknown user is NOT_FOUND", async () => {
      const id = unique("user");
      await ps.ensureUser(id);
      const keys = await ps.listUserKeys(id);
      const virtual = keys.find((k) => k.type === "VIRTUAL");
      expect(virtual).toBeDefined();
      expect(virtual!.referenceId).toBeUndefined();
      expect(virtual!.keyId).toEqual(expect.any(String));
      expect(virtual!.enabled).toBe(true);
      expect(keys.every((k) => k.provider === "PLUGSURFING")).toBe(true);
      expect((await failure(ps.listUserKeys(unique("nobody")))).code).toBe("NOT_FOUND");
    });
  });

  it("rejects a wrong API key as UNAUTHORIZED (401) without echoing the key", async () => {
    const config = { ...target.config, plugsurfing: { ...target.config.plugsurfing, apiKey: "wrong-key-0123456789" } };
    const error = await failure(createProviders(config).get("PLUGSURFING").listUserKeys("anyone"));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.status).toBe(401);
    expect(JSON.stringify(error) + error.message).not.toContain("wrong-key-0123456789");
  });

  describe("geosearch", () => {
    it("keeps every location the server returned, coordinates as numbers and power in kW", async () => {
      const query = { ...BERLIN, radiusM: 5_000, limit: 20 };
      const wire = (
        await plugsurfingRaw(
          target.config,
          "POST",
          "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=5000&limit=20&aggregate=false",
          {},
        )
      ).json as RawGeosearch;
      const result = await ps.geosearch(query);
      expect(wire.locations.length).toBeGreaterThan(0);
      expect(result.skipped).toEqual([]);
      expect(result.locations.map((l) => l.id)).toEqual(wire.locations.map((l) => l.id));
      result.locations.forEach((location, i) => {
        const w = wire.locations[i];
        expect(location.provider).toBe("PLUGSURFING");
        expect(location.latitude).toBe(Number(w.coordinates.latitude));
        expect(location.longitude).toBe(Number(w.coordinates.longitude));
        expect(location.distanceM).toBeLessThanOrEqual(5_100);
        expect(location.evses.map((e) => e.uid)).toEqual(w.evses.map((e) => e.uid));
        location.evses.forEach((evse, j) => {
          expect(OCPI_EVSE_STATUSES).toContain(evse.status);
          expect(evse.connectors.map((c) => c.id)).toEqual(w.evses[j].connectors.map((c) => c.id));
          evse.connectors.forEach((c, k) => expect(c.powerKw).toBe(w.evses[j].connectors[k].power / 1000));
        });
      });
    });

    it("applies filters: DC, at least 50 kW, CCS, available now", async () => {
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
      for (const location of result.locations) {
        expect(location.evses.length).toBeGreaterThan(0);
        for (const evse of location.evses) {
          expect(evse.status).toBe("AVAILABLE");
          for (const c of evse.connectors) {
            expect(c.standard).toBe("IEC_62196_T2_COMBO");
            expect(c.powerType).toBe("DC");
            expect(c.powerKw).toBeGreaterThanOrEqual(50);
          }
        }
      }
    });

    it("returns map aggregates when asked, an empty list far from everything, 400 for a bad latitude", async () => {
      const withAggregates = await ps.geosearch({
        ...BERLIN,
        radiusM: 20_000,
        limit: 10,
        aggregate: true,
        aggregationPrecision: 4,
      });
      expect(withAggregates.aggregates.length).toBeGreaterThan(0);
      for (const a of withAggregates.aggregates) {
        expect(Math.abs(a.latitude - BERLIN.latitude)).toBeLessThan(1);
        expect(Number.isInteger(a.count) && a.count > 0).toBe(true);
      }
      expect(withAggregates.aggregates.reduce((n, a) => n + a.count, 0)).toBeGreaterThanOrEqual(
        withAggregates.locations.length,
      );
      expect(await ps.search({ latitude: -60, longitude: -140, radiusM: 1_000 })).toEqual([]);
      const error = await failure(ps.search({ latitude: 123, longitude: 0, radiusM: 1_000 }));
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.status).toBe(400);
    });
  });

  describe("remote start, session, stop and history", () => {
    it("starts with a geosearch connector id, reads the session, stops it (twice is a harmless 200)", async () => {
      const userId = unique("driver");
      await ps.ensureUser(userId);
      const connectors = await remoteStartConnectors(target.config);
      expect(connectors.length).toBeGreaterThan(0);
      const connectorId = connectors[Math.floor(Math.random() * connectors.length)];

      const started = await ps.startSession(userId, connectorId);
      expect(started.sessionId).toEqual(expect.any(String));
      const session = await ps.getSession(userId, started.sessionId!);
      expect(session).toMatchObject({ provider: "PLUGSURFING", sessionId: started.sessionId, connectorId });
      expect(["WAITING_TO_START", "STARTED"]).toContain(session.status);
      expect(Date.parse(session.startTime)).not.toBeNaN();
      expect(session.evseId).toEqual(expect.any(String));
      expect(session.durationSeconds).toBeGreaterThanOrEqual(0);

      await ps.stopSession(userId, started.sessionId!);
      await ps.stopSession(userId, started.sessionId!);
      const stopped = await ps.getSession(userId, started.sessionId!);
      expect(stopped.sessionId).toBe(started.sessionId);
      if (stopped.status === "COMPLETE") {
        expect(Number.isInteger(stopped.energyWh)).toBe(true);
        expect(Number.isInteger(stopped.price?.inclVatMinor)).toBe(true);
      }
    });

    it("refuses a second start on the same connector within 60 s (an error, or a session that never starts)", async () => {
      const userId = unique("driver");
      await ps.ensureUser(userId);
      const connectors = await remoteStartConnectors(target.config);
      const connectorId = connectors[Math.floor(Math.random() * connectors.length)];
      const first = await ps.startSession(userId, connectorId);
      const second = await ps.startSession(userId, connectorId).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ("error" in second) {
        expect(second.error).toBeInstanceOf(ProviderError);
        expect((second.error as ProviderError).status).toBeGreaterThanOrEqual(400);
      } else {
        expect(second.result.sessionId).toEqual(expect.any(String));
        expect(second.result.sessionId).not.toBe(first.sessionId);
        const session = await ps.getSession(userId, second.result.sessionId!);
        expect(["STARTED", "COMPLETE"]).not.toContain(session.status);
      }
      await ps.stopSession(userId, first.sessionId!);
    });

    it("404s for an unknown session", async () => {
      const userId = unique("driver");
      await ps.ensureUser(userId);
      expect((await failure(ps.getSession(userId, "nope"))).code).toBe("NOT_FOUND");
    });

    it("pages through the history by cursor without repeats; COMPLETE sessions with Wh and minor units", async () => {
      const userId = unique("driver");
      await ps.ensureUser(userId);
      await target.plugsurfing.prepareHistory(userId);
      const firstPage = await ps.sessionHistory(userId, { limit: 2 });
      expect(firstPage.sessions).toHaveLength(2);
      expect(firstPage.cursor).toEqual(expect.any(String));
      const all = await ps.allSessions(userId, { limit: 2 });
      expect(all.length).toBeGreaterThan(2);
      expect(new Set(all.map((s) => s.sessionId)).size).toBe(all.length);
      for (const s of all) {
        expect(s.status).toBe("COMPLETE");
        expect(s.balanceStatus).toEqual(expect.any(String));
        expect(Number.isInteger(s.energyWh)).toBe(true);
        expect(Number.isInteger(s.price?.inclVatMinor)).toBe(true);
        expect(s.price!.inclVatMinor).toBeGreaterThanOrEqual(s.price!.exclVatMinor);
        expect(s.price!.vatRateBasisPoints).toBeGreaterThan(0);
        expect(s.durationSeconds).toBeGreaterThan(0);
      }
      const starts = all.map((s) => Date.parse(s.startTime)).sort((a, b) => a - b);
      const since = new Date(starts[Math.floor(starts.length / 2)]);
      const later = await ps.allSessions(userId, { startTime: since, limit: 100 });
      expect(later.length).toBeGreaterThan(0);
      expect(later.every((s) => Date.parse(s.startTime) >= since.getTime())).toBe(true);
      expect((await failure(ps.sessionHistory(unique("nobody"), {}))).code).toBe("NOT_FOUND");
    });
  });

  describe("EMP fleets, invitation codes and fleet keys", () => {
    it("creates and renames a fleet; a taken fleetId is refused; an unknown fleet is NOT_FOUND", async () => {
      const fleetId = unique("acme");
      expect(await ps.createFleet({ fleetId, fleetName: "Acme Corporation Fleet" })).toEqual({
        fleetId,
        fleetName: "Acme Corporation Fleet",
      });
      const taken = await failure(ps.createFleet({ fleetId }));
      expect([400, 409]).toContain(taken.status);
      expect(await ps.renameFleet(fleetId, "Acme Industries Fleet")).toEqual({
        fleetId,
        fleetName: "Acme Industries Fleet",
      });
      expect((await failure(ps.renameFleet(unique("none"), "x"))).code).toBe("NOT_FOUND");
      expect((await failure(ps.createFleet({ fleetId: "x".repeat(101) }))).code).toBe("INVALID_REQUEST");
    });

    it("lists a fleet's active invitation codes; 404 (no codes, no fleet) is an empty list", async () => {
      const fleetId = unique("acme");
      await ps.createFleet({ fleetId });
      // A new fleet may or may not come with codes of its own.
      const before = (await ps.listInvitationCodes(fleetId)).map((c) => c.code);
      expect(before.every((code) => typeof code === "string" && code !== "")).toBe(true);
      await target.plugsurfing.addInvitationCode(fleetId, "FLEET2024ABC");
      await target.plugsurfing.addInvitationCode(fleetId, "FLEET2024XYZ");
      const codes = await ps.listInvitationCodes(fleetId);
      expect(codes.map((c) => c.code).sort()).toEqual([...before, "FLEET2024ABC", "FLEET2024XYZ"].sort());
      expect(await ps.listInvitationCodes(unique("none"))).toEqual([]);
    });

    it("creates fleet keys and pages through them by cursor", async () => {
      const fleetId = unique("acme");
      await ps.createFleet({ fleetId });
      const ids = Array.from({ length: 12 }, (_, i) => `${fleetId}-K${String(i).padStart(2, "0")}`);
      for (const keyIdentifier of ids) {
        const key = await ps.createFleetKey({ keyIdentifier, visualNumber: `V-${keyIdentifier}`, fleetId });
        expect(key).toMatchObject({ keyId: keyIdentifier, visualNumber: `V-${keyIdentifier}`, enabled: true });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await ps.listFleetKeys(fleetId, { cursor, pageSize: 10 });
        for (const key of page.keys) {
          expect(key).toMatchObject({
            provider: "PLUGSURFING",
            fleetId,
            enabled: true,
            visualNumber: `V-${key.keyId}`,
          });
          expect(key.contractId).toEqual(expect.any(String));
        }
        seen.push(...page.keys.map((k) => k.keyId));
        cursor = page.cursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(2);
      expect(seen.sort()).toEqual(ids);
    });
  });
});
