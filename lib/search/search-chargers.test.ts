import { describe, expect, it } from "vitest";
import { failureWords } from "@/lib/actions/errors";
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import type { AggregateQuery, SearchQuery } from "@/lib/providers/types";
import { providerSearchKey, TtlLruCache } from "./cache";
import { InMemorySharedSearchCache, LOCATIONS_TTL_MS, STATUS_TTL_MS, type CachedAnswer } from "./shared-cache";
import { EMPTY_FILTERS } from "./filters";
import { currentRequestPriority, type RequestPriority } from "@/lib/providers/budget";
import { searchChargers, type SearchAdapter } from "./search-chargers";
import { evse, location } from "./test-locations";

const berlin = { west: 13.3, south: 52.48, east: 13.5, north: 52.56 };

/** A provider double that answers from a fixed list and records what it was asked. */
function fakeProvider(
  name: ProviderName,
  answer: (query: SearchQuery, signal?: AbortSignal) => Promise<ChargingLocation[]>,
): SearchAdapter & { queries: SearchQuery[] } {
  const queries: SearchQuery[] = [];
  return {
    name,
    queries,
    search: (query, options) => {
      queries.push(query);
      return answer(query, options?.signal);
    },
  };
}

describe("searchChargers", () => {
  it("returns the other providers' results and reports a failing one", async () => {
    const ok = fakeProvider("PLUGSURFING", async () => [location("PLUGSURFING", "a")]);
    const failing = fakeProvider("PETITMONDE", async () => {
      throw Object.assign(new Error("boom: secret internals"), { status: 500 });
    });
    const result = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [ok, failing], cache: null });
    expect(result.chargers.map((c) => c.key)).toEqual(["PLUGSURFING:a"]);
    expect(result.providers).toEqual([
      expect.objectContaining({ provider: "PLUGSURFING", status: "ok", locations: 1 }),
      expect.objectContaining({
        provider: "PETITMONDE",
        status: "error",
        message: "Petit Monde is unavailable right now",
      }),
    ]);
  });

  it("says a failing provider's banner in the reader's words", async () => {
    const limited = fakeProvider("PETITMONDE", async () => {
      throw Object.assign(new Error("slow down"), { status: 429 });
    });
    const result = await searchChargers(berlin, EMPTY_FILTERS, {
      adapters: [limited],
      cache: null,
      errors: failureWords("de").errors,
    });
    expect(result.providers[0]).toMatchObject({
      status: "error",
      message: "Petit Monde begrenzt gerade die Suchanfragen; versuchen Sie es in einer Minute erneut",
    });
  });

  it("does not pin a location the provider gave no position for (it stands at the search centre)", async () => {
    const placed = location("PETITMONDE", "placed");
    const unplaced = location("PETITMONDE", "unplaced", {
      latitude: 52.5,
      longitude: 13.45,
      positionKnown: false,
      evses: [evse({ uid: "evse-2", evseId: "DE*XYZ*E0002*1" })],
    });
    const pm = fakeProvider("PETITMONDE", async () => [placed, unplaced]);
    const result = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], cache: null });
    expect(result.chargers.map((c) => c.key)).toEqual(["PETITMONDE:placed"]);
  });

  it("cuts a slow provider off at the timeout without waiting for it", async () => {
    let aborted = false;
    const slow = fakeProvider(
      "PETITMONDE",
      (_query, signal) =>
        new Promise((resolve) => {
          signal?.addEventListener("abort", () => (aborted = true));
          setTimeout(() => resolve([location("PETITMONDE", "late")]), 5_000);
        }),
    );
    const fast = fakeProvider("PLUGSURFING", async () => [location("PLUGSURFING", "a")]);
    const started = Date.now();
    const result = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [fast, slow], cache: null, timeoutMs: 150 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(aborted).toBe(true);
    expect(result.chargers.map((c) => c.key)).toEqual(["PLUGSURFING:a"]);
    expect(result.providers[1]).toMatchObject({ status: "timeout", message: "Petit Monde did not answer in time" });
  });

  it("queries providers in parallel", async () => {
    const delayed = (name: ProviderName) =>
      fakeProvider(name, () => new Promise((resolve) => setTimeout(() => resolve([]), 200)));
    const started = Date.now();
    await searchChargers(berlin, EMPTY_FILTERS, {
      adapters: [delayed("PLUGSURFING"), delayed("PETITMONDE"), delayed("DEPOTFINITY")],
      cache: null,
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("asks only the selected providers and serves a repeated search from the cache", async () => {
    const ps = fakeProvider("PLUGSURFING", async () => [
      location("PLUGSURFING", "a", { operator: { name: "Ionity" } }),
    ]);
    const pm = fakeProvider("PETITMONDE", async () => []);
    const cache = new TtlLruCache<CachedAnswer>(50, 60_000);
    const filters = { ...EMPTY_FILTERS, providers: ["PLUGSURFING" as const] };
    await searchChargers(berlin, filters, { adapters: [ps, pm], cache });
    const again = await searchChargers(berlin, { ...filters, operator: "ionity" }, { adapters: [ps, pm], cache });
    expect(pm.queries).toHaveLength(0);
    expect(ps.queries).toHaveLength(1);
    expect(again.providers[0]).toMatchObject({ provider: "PLUGSURFING", cached: true });
    expect(again.chargers).toHaveLength(1);
  });

  it("passes the fleet's configured chargers to every provider and never serves one fleet's results to another", async () => {
    const depot = fakeProvider("DEPOTFINITY", async (query) =>
      (query.fleetChargers ?? []).map((c) => location("DEPOTFINITY", c.chargerId)),
    );
    const ps = fakeProvider("PLUGSURFING", async () => []);
    const cache = new TtlLruCache<CachedAnswer>(50, 60_000);
    const charger = (chargerId: string) => ({
      chargerId,
      name: chargerId,
      latitude: 52.52,
      longitude: 13.4,
      connectors: [{ connectorId: "1", standard: "IEC_62196_T2" as const, powerKw: 22 }],
    });
    const mine = await searchChargers(berlin, EMPTY_FILTERS, {
      adapters: [depot, ps],
      cache,
      fleetChargers: [charger("MINE")],
    });
    const theirs = await searchChargers(berlin, EMPTY_FILTERS, {
      adapters: [depot, ps],
      cache,
      fleetChargers: [charger("THEIRS")],
    });
    expect(mine.chargers.map((c) => c.key)).toEqual(["DEPOTFINITY:MINE"]);
    expect(theirs.chargers.map((c) => c.key)).toEqual(["DEPOTFINITY:THEIRS"]);
    expect(ps.queries.every((q) => q.fleetChargers?.length === 1)).toBe(true);
    const none = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [depot], cache });
    expect(none.chargers).toEqual([]);
  });

  it("does not cache a failure", async () => {
    let calls = 0;
    const flaky = fakeProvider("PLUGSURFING", async () => {
      calls++;
      if (calls === 1) throw new Error("network");
      return [location("PLUGSURFING", "a")];
    });
    const cache = new TtlLruCache<CachedAnswer>(50, 60_000);
    await searchChargers(berlin, EMPTY_FILTERS, { adapters: [flaky], cache });
    const second = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [flaky], cache });
    expect(second.chargers).toHaveLength(1);
  });

  it("keeps only the locations inside the viewport and merges across providers", async () => {
    const ps = fakeProvider("PLUGSURFING", async () => [
      location("PLUGSURFING", "in", { evses: [evse({ evseId: "DE*A*1" })] }),
      location("PLUGSURFING", "out", { latitude: 53.5, evses: [evse({ evseId: "DE*A*2" })] }),
    ]);
    const pm = fakeProvider("PETITMONDE", async () => [
      location("PETITMONDE", "same", { supportsReservation: true, evses: [evse({ evseId: "DE*A*1" })] }),
    ]);
    const result = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [ps, pm], cache: null });
    expect(result.chargers).toHaveLength(1);
    expect(result.chargers[0].sources.map((s) => s.provider)).toEqual(["PLUGSURFING", "PETITMONDE"]);
  });

  it("reports a provider that returned a full page as incomplete", async () => {
    const full = fakeProvider("PLUGSURFING", async (query) =>
      Array.from({ length: query.limit ?? 0 }, (_, i) =>
        location("PLUGSURFING", `l${i}`, { evses: [evse({ evseId: `DE*F*${i}` })] }),
      ),
    );
    const result = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [full], cache: null });
    expect(full.queries[0].limit).toBe(300);
    expect(result.providers[0]).toMatchObject({ status: "ok", locations: 300, complete: false });
  });

  it("asks at browsing's priority, or a search's when the user asked for a window or reservable chargers", async () => {
    const priorities: RequestPriority[] = [];
    const provider = fakeProvider("PLUGSURFING", async () => {
      priorities.push(currentRequestPriority());
      return [];
    });
    const asked = async (filters: typeof EMPTY_FILTERS) => {
      priorities.length = 0;
      await searchChargers(berlin, filters, { adapters: [provider], cache: null });
      return [...new Set(priorities)];
    };
    expect(await asked(EMPTY_FILTERS)).toEqual(["browse"]);
    expect(await asked({ ...EMPTY_FILTERS, reservable: true })).toEqual(["explicit"]);
    const window = { start: "2026-12-02T08:00:00Z", end: "2026-12-02T10:00:00Z" };
    expect(await asked({ ...EMPTY_FILTERS, window })).toEqual(["explicit"]);
  });

  it("shows what a provider answered before its quota was kept for bookings, and says so", async () => {
    let answered = 0;
    const kept = Object.assign(new Error("not sent"), { name: "ProviderError", code: "QUOTA_KEPT" });
    // Any provider whose budget refuses a call: Plugsurfing's 100 km circles make several calls at zoom 9.
    const provider = fakeProvider("PLUGSURFING", async () => {
      if (answered++ > 0) throw kept;
      return [location("PLUGSURFING", "first")];
    });
    const wide = { west: 11.6, south: 51.9, east: 15.2, north: 53.1 }; // more than one circle
    const result = await searchChargers(wide, EMPTY_FILTERS, { adapters: [provider], cache: null });
    expect(provider.queries.length).toBeGreaterThan(1);
    expect(result.chargers.map((c) => c.key)).toEqual(["PLUGSURFING:first"]);
    expect(result.providers[0]).toMatchObject({
      status: "quota",
      complete: false,
      message:
        "Plugsurfing Drive's request quota is running low and is kept for bookings, so browsing does not ask it now. Choose a time window to search it anyway.",
    });
  });

  describe("with a shared cache", () => {
    /** Two app instances: each its own short-lived cache, one shared cache, one clock. */
    function twoInstances() {
      let now = Date.parse("2026-12-02T08:00:00Z");
      const clock = {
        now: () => now,
        advance: (ms: number) => {
          now += ms;
        },
      };
      const shared = new InMemorySharedSearchCache(clock.now);
      const instance = () => ({ cache: new TtlLruCache<CachedAnswer>(50, 45_000, clock.now), sharedCache: shared });
      return { clock, first: instance(), second: instance() };
    }

    it("serves a second instance, or the first after its own cache expired, without asking the provider", async () => {
      const { clock, first, second } = twoInstances();
      const pm = fakeProvider("PETITMONDE", async () => [location("PETITMONDE", "a")]);
      const asked = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], ...first, now: clock.now });
      expect(asked.providers[0]).toMatchObject({ cached: false, statusAsOf: "2026-12-02T08:00:00.000Z" });

      clock.advance(2 * 60 * 60_000);
      const elsewhere = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], ...second, now: clock.now });
      const back = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], ...first, now: clock.now });
      expect(pm.queries).toHaveLength(1);
      for (const kept of [elsewhere, back]) {
        expect(kept.chargers.map((c) => c.key)).toEqual(["PETITMONDE:a"]);
        // The statuses shown are two hours old, and the answer says so.
        expect(kept.providers[0]).toMatchObject({ cached: true, statusAsOf: "2026-12-02T08:00:00.000Z" });
      }

      clock.advance(LOCATIONS_TTL_MS);
      await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], ...second, now: clock.now });
      expect(pm.queries).toHaveLength(2);
    });

    it("keeps what depends on the moment (free now, free in a window) a minute only", async () => {
      const { clock, first, second } = twoInstances();
      const pm = fakeProvider("PETITMONDE", async () => [location("PETITMONDE", "a")]);
      const window = { start: "2026-12-02T12:00:00Z", end: "2026-12-02T13:00:00Z" };
      for (const filters of [
        { ...EMPTY_FILTERS, availableNow: true },
        { ...EMPTY_FILTERS, window },
      ]) {
        pm.queries.length = 0;
        await searchChargers(berlin, filters, { adapters: [pm], ...first, now: clock.now });
        await searchChargers(berlin, filters, { adapters: [pm], ...second, now: clock.now });
        expect(pm.queries).toHaveLength(1);
        clock.advance(STATUS_TTL_MS);
        await searchChargers(berlin, filters, { adapters: [pm], ...second, now: clock.now });
        expect(pm.queries).toHaveLength(2);
      }
    });

    it("asks again when the user wants fresh statuses, at a search's priority, and keeps the new answer", async () => {
      const { clock, first, second } = twoInstances();
      const priorities: RequestPriority[] = [];
      let status: "AVAILABLE" | "CHARGING" = "AVAILABLE";
      const pm = fakeProvider("PETITMONDE", async () => {
        priorities.push(currentRequestPriority());
        return [location("PETITMONDE", "a", { evses: [evse({ status })] })];
      });
      await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], ...first, now: clock.now });
      clock.advance(30 * 60_000);
      status = "CHARGING";
      const fresh = await searchChargers(berlin, EMPTY_FILTERS, {
        adapters: [pm],
        ...first,
        now: clock.now,
        refresh: true,
      });
      expect(priorities).toEqual(["browse", "explicit"]);
      expect(fresh.providers[0]).toMatchObject({ cached: false, statusAsOf: "2026-12-02T08:30:00.000Z" });
      expect(fresh.chargers[0].evses[0].status).toBe("CHARGING");
      const after = await searchChargers(berlin, EMPTY_FILTERS, { adapters: [pm], ...second, now: clock.now });
      expect(pm.queries).toHaveLength(2);
      expect(after.chargers[0].evses[0].status).toBe("CHARGING");
    });
  });
});

describe("searchChargers at low zoom (counts per area)", () => {
  /** Zoom 6 over Germany on a laptop screen. */
  const germany = { west: -3.6, south: 45.1, east: 24.4, north: 56.6 };
  const munich = { latitude: 48.14, longitude: 11.58 };

  function countingProvider(name: ProviderName, counts: Array<{ latitude: number; longitude: number; count: number }>) {
    const provider = fakeProvider(name, async () => {
      throw new Error("a counting provider is not searched at low zoom");
    });
    const asked: AggregateQuery[] = [];
    return Object.assign(provider, {
      asked,
      aggregate: async (query: AggregateQuery) => {
        asked.push(query);
        return counts;
      },
    });
  }

  it("asks a provider that can count for counts, never spends a quota-kept provider's requests", async () => {
    const plugsurfing = countingProvider("PLUGSURFING", [
      { latitude: 52.51, longitude: 13.4, count: 120 },
      { latitude: 52.55, longitude: 13.45, count: 30 },
      { latitude: munich.latitude, longitude: munich.longitude, count: 80 },
      // Outside the viewport: left out.
      { latitude: 60, longitude: 30, count: 999 },
    ]);
    const petitMonde = fakeProvider("PETITMONDE", async () => {
      throw new Error("Petit Monde must not be asked at low zoom");
    });
    const depots = fakeProvider("DEPOTFINITY", async () => [
      location("DEPOTFINITY", "d1", munich),
      location("DEPOTFINITY", "d2", { ...munich, latitude: 48.15 }),
    ]);
    const result = await searchChargers(germany, EMPTY_FILTERS, {
      adapters: [plugsurfing, petitMonde, depots],
      cache: null,
      sharedCache: new InMemorySharedSearchCache(),
    });
    expect(result.chargers).toEqual([]);
    expect(petitMonde.queries).toEqual([]);
    expect(plugsurfing.queries).toEqual([]);
    expect(plugsurfing.asked).toHaveLength(1);
    expect(plugsurfing.asked[0]).toMatchObject({ precision: 4, radiusM: 1_000_000 });
    expect(depots.queries).toHaveLength(1);
    expect(result.aggregates).toEqual([
      { latitude: 52.518, longitude: 13.41, count: 150 },
      { latitude: expect.closeTo(48.14, 1), longitude: 11.58, count: 82 },
    ]);
    expect(result.providers).toEqual([
      expect.objectContaining({ provider: "PLUGSURFING", status: "ok", locations: 230, complete: false }),
      expect.objectContaining({
        provider: "PETITMONDE",
        status: "notAsked",
        message: expect.stringContaining("Petit Monde is not asked at this zoom"),
      }),
      expect.objectContaining({ provider: "DEPOTFINITY", status: "ok", locations: 2 }),
    ]);
  });

  it("counts a quota-kept provider from the answers the shared cache holds, each location once", async () => {
    const shared = new InMemorySharedSearchCache();
    const circle = { latitude: 52.5, longitude: 13.4, radiusM: 25_000 };
    const key = (filters: typeof EMPTY_FILTERS, at = circle) => `${providerSearchKey("PETITMONDE", at, filters)}|none`;
    await shared.set(key(EMPTY_FILTERS), "PETITMONDE", {
      locations: [location("PETITMONDE", "a"), location("PETITMONDE", "b", { latitude: 52.53 })],
      fetchedAt: Date.now() - 60_000,
    });
    await shared.set(key(EMPTY_FILTERS, { ...circle, latitude: 52.6 }), "PETITMONDE", {
      // "a" again, a location with no position, and one in Munich.
      locations: [
        location("PETITMONDE", "a"),
        location("PETITMONDE", "c", { positionKnown: false }),
        location("PETITMONDE", "m", munich),
      ],
      fetchedAt: Date.now() - 30_000,
    });
    // Other filters, another fleet's chargers, another provider, too old: none of them counted.
    await shared.set(key({ ...EMPTY_FILTERS, minPowerKw: 50 }), "PETITMONDE", {
      locations: [location("PETITMONDE", "x")],
      fetchedAt: Date.now(),
    });
    await shared.set(`${providerSearchKey("PETITMONDE", circle, EMPTY_FILTERS)}|other`, "PETITMONDE", {
      locations: [location("PETITMONDE", "y")],
      fetchedAt: Date.now(),
    });
    await shared.set(`${providerSearchKey("PLUGSURFING", circle, EMPTY_FILTERS)}|none`, "PLUGSURFING", {
      locations: [location("PLUGSURFING", "z")],
      fetchedAt: Date.now(),
    });
    await shared.set(key(EMPTY_FILTERS, { ...circle, latitude: 52.7 }), "PETITMONDE", {
      locations: [location("PETITMONDE", "old")],
      fetchedAt: Date.now() - LOCATIONS_TTL_MS - 1,
    });
    const petitMonde = fakeProvider("PETITMONDE", async () => {
      throw new Error("Petit Monde must not be asked at low zoom");
    });
    const result = await searchChargers(germany, EMPTY_FILTERS, {
      adapters: [petitMonde],
      cache: null,
      sharedCache: shared,
    });
    expect(petitMonde.queries).toEqual([]);
    expect(result.aggregates).toEqual([
      { latitude: 52.525, longitude: 13.4, count: 2 },
      { latitude: 48.14, longitude: 11.58, count: 1 },
    ]);
    expect(result.providers[0]).toMatchObject({ status: "ok", cached: true, complete: false, locations: 3 });
  });

  it("reports a counting provider that fails, beside the others' counts", async () => {
    const failing = Object.assign(
      fakeProvider("PLUGSURFING", async () => []),
      {
        aggregate: async () => {
          throw Object.assign(new Error("down"), { status: 503 });
        },
      },
    );
    const depots = fakeProvider("DEPOTFINITY", async () => [location("DEPOTFINITY", "d1", munich)]);
    const result = await searchChargers(germany, EMPTY_FILTERS, { adapters: [failing, depots], cache: null });
    expect(result.providers[0]).toMatchObject({
      status: "error",
      message: "Plugsurfing Drive is unavailable right now",
    });
    expect(result.aggregates).toEqual([{ ...munich, count: 1 }]);
  });
});
