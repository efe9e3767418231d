// Contract tests: every DepotFinity operation against the sandbox, success and documented errors.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { ChargingLocation } from "@/lib/domain";
import { ProviderError } from "../errors";
import { sandboxConfig, sandboxProviders } from "../testing/sandbox";
import { DepotFinityAdapter } from ".";
import { clearDepotTokenCache } from "./client";

const HOUR = 3_600_000;

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** fetch that counts token requests and can spoil the next API call's bearer token. */
function instrumentedFetch() {
  const state = { tokenRequests: 0, apiRequests: 0, spoilNext: false };
  const wrapped = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.includes("/oauth2/token")) state.tokenRequests++;
    else {
      state.apiRequests++;
      if (state.spoilNext) {
        state.spoilNext = false;
        init = {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), Authorization: "Bearer revoked-token" },
        };
      }
    }
    return fetch(input, init);
  }) as typeof fetch;
  return { fetch: wrapped, state };
}

beforeEach(() => clearDepotTokenCache());

describe("DepotFinity OAuth2 token", () => {
  it("fetches one token per credential and reuses it across calls and clients", async () => {
    const { fetch, state } = instrumentedFetch();
    const a = sandboxProviders({ fetch }).get("DEPOTFINITY");
    const b = sandboxProviders({ fetch }).get("DEPOTFINITY");
    await Promise.all([a.listChargers(), a.listChargers(), b.listChargers()]);
    await b.listChargers();
    expect(state.tokenRequests).toBe(1);
    expect(state.apiRequests).toBe(4);
  });

  it("refreshes the token once on a 401 and succeeds", async () => {
    const { fetch, state } = instrumentedFetch();
    const depot = sandboxProviders({ fetch }).get("DEPOTFINITY");
    await depot.listChargers();
    state.spoilNext = true;
    const chargers = await depot.listChargers();
    expect(chargers.length).toBeGreaterThan(0);
    expect(state.tokenRequests).toBe(2);
  });

  it("refreshes before expiry", async () => {
    let now = Date.now();
    const { fetch, state } = instrumentedFetch();
    const config = sandboxConfig().depot;
    const depot = new DepotFinityAdapter(config, { fetch, now: () => now });
    await depot.listChargers();
    now += 3_600_000 - 30_000; // the sandbox's tokens live 3600 s: 30 s before expiry we already renew
    await depot.listChargers();
    expect(state.tokenRequests).toBe(2);
  });

  it("reports wrong client credentials as UNAUTHORIZED without leaking the secret", async () => {
    const config = sandboxConfig().depot;
    const depot = new DepotFinityAdapter({ ...config, clientSecret: "definitely-wrong-secret" });
    const error = await failure(depot.listChargers());
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.status).toBe(403);
    expect(error.detail).toMatch(/invalid_client/);
    const text = JSON.stringify(error) + error.message;
    expect(text).not.toContain("definitely-wrong-secret");
    expect(text).not.toContain(Buffer.from(`${config.clientId}:definitely-wrong-secret`).toString("base64"));
  });
});

describe("DepotFinity chargers, reservations, availability", () => {
  const depot = sandboxProviders().get("DEPOTFINITY");
  let charger: ChargingLocation;

  beforeEach(async () => {
    charger ??= (await depot.listChargers())[0];
  });

  it("lists the depots' chargers (an undocumented convenience) and searches configured ones by radius", async () => {
    const chargers = await depot.listChargers();
    expect(chargers.length).toBeGreaterThan(5);
    for (const c of chargers) {
      expect(c.evses[0].connectors.length).toBeGreaterThan(0);
      expect(c.timeZone).toMatch(/\//);
    }
    // Search never lists: it takes the chargers a fleet configured (here, all the sandbox lists).
    const fleetChargers = (await depot.chargerList()) ?? [];
    const near = await depot.search({
      latitude: charger.latitude,
      longitude: charger.longitude,
      radiusM: 2_000,
      fleetChargers,
    });
    expect(near[0].id).toBe(charger.id);
    expect(near.every((l) => (l.distanceM ?? 0) <= 2_000)).toBe(true);
  });

  it("reserves a connector, refuses an overlap with 409, removes it (twice is fine)", async () => {
    const start = new Date(Date.now() + (24 + Math.random() * 200) * HOUR);
    const end = new Date(start.getTime() + 2 * HOUR);
    const connectorId = charger.evses[0].connectors[0].id;
    const { reservationId } = await depot.reserve({
      chargerId: charger.id,
      connectorId,
      start,
      end,
      rfidValue: "89C4704A",
    });
    expect(reservationId).toMatch(/^[0-9a-f-]{36}$/);
    const overlap = await failure(
      depot.reserve({
        chargerId: charger.id,
        connectorId,
        start: new Date(start.getTime() + HOUR),
        end: new Date(end.getTime() + HOUR),
        rfidValue: "X1",
      }),
    );
    expect(overlap.code).toBe("CONFLICT");
    expect(overlap.userMessage).toMatch(/already reserved/);
    await depot.removeReservation(reservationId);
    await depot.removeReservation(reservationId);
    // Removed: the slot is free again.
    const again = await depot.reserve({ chargerId: charger.id, connectorId, start, end, rfidValue: "89C4704A" });
    await depot.removeReservation(again.reservationId);
  });

  it("404 for an unknown charger or connector; 400 for an end in the past", async () => {
    const start = new Date(Date.now() + 48 * HOUR);
    const end = new Date(start.getTime() + HOUR);
    expect(
      (await failure(depot.reserve({ chargerId: "NOPE", connectorId: "1", start, end, rfidValue: "A" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await failure(depot.reserve({ chargerId: charger.id, connectorId: "99", start, end, rfidValue: "A" }))).code,
    ).toBe("NOT_FOUND");
    const past = new Date(Date.now() - 2 * HOUR);
    const error = await failure(
      depot.reserve({
        chargerId: charger.id,
        connectorId: "1",
        start: past,
        end: new Date(past.getTime() + HOUR),
        rfidValue: "A",
      }),
    );
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.detail).toMatch(/future/);
  });

  it("reports availability", async () => {
    const items = await depot.chargerAvailability(charger.id);
    expect(items.length).toBeGreaterThan(0);
    expect(["Available", "Unavailable", "Faulted"]).toContain(items[0].status);
    expect((await failure(depot.chargerAvailability("NOPE"))).code).toBe("NOT_FOUND");
  });
});

describe("DepotFinity transactions and RFID", () => {
  const depot = sandboxProviders().get("DEPOTFINITY");

  it("pages through transactions (1-based) without repeats", async () => {
    const first = await depot.transactions({ limit: 5, page: 1 });
    expect(first.transactions).toHaveLength(5);
    expect(first.total).toBeGreaterThan(5);
    expect(first.hasMore).toBe(true);
    const all = await depot.allTransactions({ limit: 1000 }, { maxPages: 50 });
    expect(all.length).toBe(first.total);
    expect(new Set(all.map((t) => t.transactionId)).size).toBe(all.length);
    for (const t of all.slice(0, 20)) {
      expect(Number.isInteger(t.energyWh)).toBe(true);
      if (t.cost) expect(Number.isInteger(t.cost.amountMinor)).toBe(true);
    }
    const oneCharger = await depot.transactions({ chargerId: all[0].chargerId, limit: 100 });
    expect(oneCharger.transactions.every((t) => t.chargerId === all[0].chargerId)).toBe(true);
    expect((await failure(depot.transactions({ orderBy: "Nonsense" }))).code).toBe("INVALID_REQUEST");
  });

  it("registers RFID tags, disables and enables one; unknown tag → NOT_FOUND", async () => {
    const tags = [randomUUID().slice(0, 8).toUpperCase(), randomUUID().slice(0, 8).toUpperCase()];
    expect(await depot.registerRfid(tags)).toEqual(tags.map((tag) => ({ tag, enabled: true })));
    expect(await depot.setRfidEnabled(tags[0], false)).toEqual({ tag: tags[0], enabled: false });
    expect(await depot.setRfidEnabled(tags[0], true)).toEqual({ tag: tags[0], enabled: true });
    expect((await failure(depot.setRfidEnabled("UNKNOWN-TAG", false))).code).toBe("NOT_FOUND");
  });
});
