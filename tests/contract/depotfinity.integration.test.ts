// DepotFinity through the real adapter, against the sandbox and against a server built from the docs alone.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createProviders } from "@/lib/providers/create-providers";
import { clearDepotTokenCache } from "@/lib/providers/depotfinity/client";
import { ProviderError } from "@/lib/providers/errors";
import { contractTargets, depotRaw } from "./targets";

const targets = await contractTargets();
const HOUR = 3_600_000;

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** fetch that counts token and API requests and remembers the paths asked for. */
function countingFetch() {
  const state = { tokenRequests: 0, apiPaths: [] as string[] };
  const wrapped = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    if (url.pathname.endsWith("/oauth2/token")) state.tokenRequests++;
    else state.apiPaths.push(url.pathname);
    return fetch(input, init);
  }) as typeof fetch;
  return { fetch: wrapped, state };
}

beforeEach(() => clearDepotTokenCache());

describe.each(targets)("DepotFinity against the $name", (target) => {
  const depot = target.providers().get("DEPOTFINITY");

  describe("OAuth2 client-credentials token", () => {
    it("gets one bearer token (Basic auth, grant_type=client_credentials) and reuses it across calls and clients", async () => {
      const { chargerId } = await target.depot.charger();
      const { fetch, state } = countingFetch();
      const a = target.providers({ fetch }).get("DEPOTFINITY");
      const b = target.providers({ fetch }).get("DEPOTFINITY");
      await Promise.all([
        a.chargerAvailability(chargerId),
        a.chargerAvailability(chargerId),
        b.chargerAvailability(chargerId),
      ]);
      await b.chargerAvailability(chargerId);
      expect(state.tokenRequests).toBe(1);
      expect(state.apiPaths).toHaveLength(4);
    });

    it("reports wrong client credentials (403) as UNAUTHORIZED without leaking the secret", async () => {
      const { chargerId } = await target.depot.charger();
      const config = { ...target.config, depot: { ...target.config.depot, clientSecret: "definitely-wrong-secret" } };
      const wrong = createProviders(config).get("DEPOTFINITY");
      const error = await failure(wrong.chargerAvailability(chargerId));
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.status).toBe(403);
      const text = JSON.stringify(error) + error.message;
      expect(text).not.toContain("definitely-wrong-secret");
      expect(text).not.toContain(Buffer.from(`${config.depot.clientId}:definitely-wrong-secret`).toString("base64"));
    });
  });

  describe("reservations and availability", () => {
    it("reserves a configured charger's connector (201 ChargerReservationID) and removes it; removing twice is harmless", async () => {
      const { chargerId, connectorIds } = await target.depot.charger();
      const start = new Date(Date.now() + (24 + Math.random() * 200) * HOUR);
      const end = new Date(start.getTime() + 2 * HOUR);
      const request = { chargerId, connectorId: connectorIds[0], start, end, rfidValue: "89C4704A" };
      const { reservationId } = await depot.reserve(request);
      expect(reservationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      await depot.removeReservation(reservationId);
      await depot.removeReservation(reservationId);
      // Removed: the same slot can be reserved again.
      const again = await depot.reserve(request);
      expect(again.reservationId).not.toBe(reservationId);
      await depot.removeReservation(again.reservationId);
    });

    it("reports a charger's availability with a documented status", async () => {
      const { chargerId } = await target.depot.charger();
      const items = await depot.chargerAvailability(chargerId);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(["Available", "Unavailable", "Faulted"]).toContain(item.status);
        expect(Date.parse(item.timestamp)).not.toBeNaN();
      }
    });
  });

  describe("transactions and RFID", () => {
    it("pages through transactions (page, limit) as the server does, and filters by charger", async () => {
      const raw = async (query: string) =>
        ((await depotRaw(target.config, `/v2/transactions?${query}`)).json as { data: Array<{ id: string }> }).data.map(
          (t) => t.id,
        );
      const first = await depot.transactions({ page: 1, limit: 3 });
      const second = await depot.transactions({ page: 2, limit: 3 });
      expect(first.transactions.map((t) => t.transactionId)).toEqual(await raw("page=1&limit=3"));
      expect(second.transactions.map((t) => t.transactionId)).toEqual(await raw("page=2&limit=3"));
      expect(first.transactions).toHaveLength(3);
      expect(first.hasMore).toBe(true);
      const firstIds = new Set(first.transactions.map((t) => t.transactionId));
      expect(second.transactions.some((t) => firstIds.has(t.transactionId))).toBe(false);
      for (const t of [...first.transactions, ...second.transactions]) {
        expect(t.provider).toBe("DEPOTFINITY");
        expect(t.chargerId).toEqual(expect.any(String));
        expect(t.connectorId).toEqual(expect.any(String));
        expect(Date.parse(t.startTime)).not.toBeNaN();
      }
      const chargerId = first.transactions[0].chargerId;
      const oneCharger = await depot.transactions({ chargerId, limit: 100 });
      expect(oneCharger.transactions.length).toBeGreaterThan(0);
      expect(oneCharger.transactions.every((t) => t.chargerId === chargerId)).toBe(true);
    });

    it("registers RFID tags, disables and enables one", async () => {
      const tags = [randomUUID().slice(0, 8).toUpperCase(), randomUUID().slice(0, 8).toUpperCase()];
      expect(await depot.registerRfid(tags)).toEqual(tags.map((tag) => ({ tag, enabled: true })));
      expect(await depot.setRfidEnabled(tags[0], false)).toEqual({ tag: tags[0], enabled: false });
      expect(await depot.setRfidEnabled(tags[0], true)).toEqual({ tag: tags[0], enabled: true });
    });
  });
});
