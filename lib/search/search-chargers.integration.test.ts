// The map search against the sandbox's three providers: merged results, a failing provider
// reported beside the others' results, the fleet's own price, and depots found only in their fleet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sandboxAdmin, sandboxProviders } from "@/lib/providers/testing/sandbox";
import { InMemoryRateLimiter } from "@/lib/providers/rate-limit";
import { getChargerDetails } from "./charger-details";
import { EMPTY_FILTERS } from "./filters";
import { searchPlaces } from "./places";
import { searchChargers } from "./search-chargers";

const centralBerlin = { west: 13.3, south: 52.48, east: 13.5, north: 52.56 };
const adapters = sandboxProviders({ limiter: new InMemoryRateLimiter() }).with("search");

let fleetId = "";
let otherFleetId = "";

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Search org" } });
  const fleet = await db.fleet.create({
    data: { organizationId: org.id, name: "Search fleet", plugsurfingFleetId: "search-fleet" },
  });
  const other = await db.fleet.create({
    data: { organizationId: org.id, name: "Other fleet", plugsurfingFleetId: "search-other" },
  });
  fleetId = fleet.id;
  otherFleetId = other.id;
  await db.depot.create({ data: { fleetId, name: "Depot Tempelhof", latitude: 52.47, longitude: 13.4 } });
  await db.depot.create({ data: { fleetId: otherFleetId, name: "Depot Tegel", latitude: 52.56, longitude: 13.29 } });
  await fetch(`${process.env.SANDBOX_URL}/plugsurfing/drive/emp/v1/fleets`, {
    method: "POST",
    headers: { "X-API-Key": "sandbox-plugsurfing-key", "Content-Type": "application/json" },
    body: JSON.stringify({ fleetId: "search-fleet", fleetName: "Search fleet" }),
  });
});

afterAll(async () => {
  await sandboxAdmin("DELETE", "/faults");
});

describe("searchChargers against the sandbox", () => {
  it("returns chargers from every provider, in view, nearest first, with shared EVSEs merged", async () => {
    const result = await searchChargers(centralBerlin, EMPTY_FILTERS, { adapters, cache: null });
    expect(result.providers.map((p) => [p.provider, p.status])).toEqual([
      ["PLUGSURFING", "ok"],
      ["PETITMONDE", "ok"],
      ["DEPOTFINITY", "ok"],
    ]);
    expect(result.chargers.length).toBeGreaterThan(50);
    for (const c of result.chargers) {
      expect(c.latitude).toBeGreaterThanOrEqual(centralBerlin.south);
      expect(c.longitude).toBeLessThanOrEqual(centralBerlin.east);
    }
    const distances = result.chargers.map((c) => c.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // The sandbox lists some locations at both Plugsurfing and Petit Monde under the same eMI3 ids.
    const merged = result.chargers.filter((c) => c.sources.length > 1);
    expect(merged.length).toBeGreaterThan(0);
    expect(merged[0].evses.some((e) => new Set(e.offers.map((o) => o.provider)).size > 1)).toBe(true);
  });

  it("applies the power filter to every result", async () => {
    const result = await searchChargers(
      centralBerlin,
      { ...EMPTY_FILTERS, minPowerKw: 150 },
      { adapters, cache: null },
    );
    expect(result.chargers.length).toBeGreaterThan(0);
    expect(result.chargers.every((c) => c.maxPowerKw >= 150)).toBe(true);
  });

  it("still returns the others' chargers when Petit Monde fails", async () => {
    await sandboxAdmin("PUT", "/faults", { providers: { petitmonde: { errorRate: 1 } } });
    try {
      const result = await searchChargers(centralBerlin, EMPTY_FILTERS, { adapters, cache: null, timeoutMs: 8_000 });
      const petitMonde = result.providers.find((p) => p.provider === "PETITMONDE");
      expect(petitMonde?.status).not.toBe("ok");
      expect(petitMonde?.message).toMatch(/^Petit Monde /);
      expect(result.chargers.length).toBeGreaterThan(0);
      expect(result.chargers.every((c) => c.sources.every((s) => s.provider !== "PETITMONDE"))).toBe(true);
    } finally {
      await sandboxAdmin("DELETE", "/faults");
    }
  });

  it("prices a Plugsurfing location for the fleet", async () => {
    const result = await searchChargers(
      centralBerlin,
      { ...EMPTY_FILTERS, providers: ["PLUGSURFING"] },
      { adapters, cache: null },
    );
    const source = result.chargers[0].sources[0];
    const location = await getChargerDetails(fleetId, "PLUGSURFING", source.locationId, adapters);
    expect(location?.id).toBe(source.locationId);
    expect(location?.price?.fleetSpecific).toBe(true);
  });
});

describe("searchPlaces", () => {
  it("finds towns and only the active fleet's depots", async () => {
    const places = await searchPlaces(fleetId, "Depot");
    expect(places.map((p) => p.name)).toContain("Depot Tempelhof");
    expect(places.map((p) => p.name)).not.toContain("Depot Tegel");
    const towns = await searchPlaces(fleetId, "Potsd");
    expect(towns[0]).toMatchObject({ kind: "town", name: "Potsdam", detail: "DE" });
  });
});
