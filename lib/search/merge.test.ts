import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS } from "./filters";
import { mergeLocations, normaliseEvseId } from "./merge";
import { connector, evse, location } from "./test-locations";

const center = { latitude: 52.52, longitude: 13.4 };

describe("normaliseEvseId", () => {
  it("treats the eMI3 separators and case as insignificant", () => {
    expect(normaliseEvseId("DE*ABC*E0001*1")).toBe(normaliseEvseId("de-abc-e0001-1"));
    expect(normaliseEvseId("DE*ABC*E0001*1")).toBe("DEABCE00011");
    expect(normaliseEvseId(undefined)).toBe("");
  });
});

describe("mergeLocations", () => {
  it("merges the same EVSE reported by two providers and keeps both providers' offers", () => {
    const plugsurfing = location("PLUGSURFING", "ps-1", {
      operator: { name: "Ionity" },
      evses: [evse({ uid: "ps-evse", evseId: "DE*ION*E1*1", capabilities: ["REMOTE_START_STOP_CAPABLE"] })],
    });
    const petitMonde = location("PETITMONDE", "pm-1", {
      supportsReservation: true,
      evses: [evse({ uid: "pm-evse", evseId: "de*ion*e1*1", connectors: [connector({ id: "pm-c1" })] })],
    });
    const [merged, ...rest] = mergeLocations([[plugsurfing], [petitMonde]], center, EMPTY_FILTERS);
    expect(rest).toHaveLength(0);
    expect(merged.key).toBe("PLUGSURFING:ps-1");
    expect(merged.sources.map((s) => [s.provider, s.locationId])).toEqual([
      ["PLUGSURFING", "ps-1"],
      ["PETITMONDE", "pm-1"],
    ]);
    expect(merged.evses).toHaveLength(1);
    const offers = merged.evses[0].offers;
    expect(offers.map((o) => [o.provider, o.evseUid, o.reservable, o.remoteStart])).toEqual([
      ["PLUGSURFING", "ps-evse", false, true],
      ["PETITMONDE", "pm-evse", true, false],
    ]);
    expect(offers[1].connectors[0].id).toBe("pm-c1");
  });

  it("keeps distinct EVSEs of a merged location apart and joins locations through any shared EVSE", () => {
    const a = location("PLUGSURFING", "a", {
      evses: [evse({ uid: "a1", evseId: "DE*X*E1*1" }), evse({ uid: "a2", evseId: "DE*X*E1*2" })],
    });
    const b = location("PETITMONDE", "b", { evses: [evse({ uid: "b2", evseId: "DE*X*E1*2" })] });
    const c = location("PETITMONDE", "c", { evses: [evse({ uid: "c1", evseId: "DE*Y*E9*1" })] });
    const results = mergeLocations([[a], [b, c]], center, EMPTY_FILTERS);
    expect(results.map((r) => r.key).sort()).toEqual(["PETITMONDE:c", "PLUGSURFING:a"]);
    const merged = results.find((r) => r.key === "PLUGSURFING:a")!;
    expect(merged.evses.map((e) => e.offers.length)).toEqual([1, 2]);
  });

  it("never merges EVSEs that have no eMI3 id", () => {
    const a = location("PLUGSURFING", "a", { evses: [evse({ evseId: "" })] });
    const b = location("PETITMONDE", "b", { evses: [evse({ evseId: "" })] });
    expect(mergeLocations([[a], [b]], center, EMPTY_FILTERS)).toHaveLength(2);
  });

  it("drops the repeats that overlapping search circles return", () => {
    const a = location("PLUGSURFING", "a");
    expect(mergeLocations([[a, { ...a }], [a]], center, EMPTY_FILTERS)).toHaveLength(1);
  });

  it("prefers the freshest known status over an older or unknown one", () => {
    const a = location("PLUGSURFING", "a", {
      evses: [evse({ status: "UNKNOWN", lastUpdated: "2026-11-21T10:00:00Z" })],
    });
    const b = location("PETITMONDE", "b", {
      evses: [evse({ status: "CHARGING", lastUpdated: "2026-11-21T09:00:00Z" })],
    });
    const [merged] = mergeLocations([[a], [b]], center, EMPTY_FILTERS);
    expect(merged.evses[0].status).toBe("CHARGING");
    expect(merged.availability).toBe("occupied");
  });

  it("sorts by distance from the map centre", () => {
    const far = location("PLUGSURFING", "far", { latitude: 52.6, evses: [evse({ evseId: "DE*A*1" })] });
    const near = location("PLUGSURFING", "near", { latitude: 52.521, evses: [evse({ evseId: "DE*A*2" })] });
    const results = mergeLocations([[far, near]], center, EMPTY_FILTERS);
    expect(results.map((r) => r.key)).toEqual(["PLUGSURFING:near", "PLUGSURFING:far"]);
    expect(results[0].distanceM).toBeGreaterThan(100);
    expect(results[0].distanceM).toBeLessThan(120);
  });

  it("keeps a location when one connector meets power and current together, and marks the others", () => {
    const mixed = location("PLUGSURFING", "mixed", {
      evses: [
        evse({ evseId: "DE*M*1", connectors: [connector({ powerKw: 22 })] }),
        evse({
          evseId: "DE*M*2",
          connectors: [connector({ standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 })],
        }),
      ],
    });
    const slow = location("PLUGSURFING", "slow", { evses: [evse({ evseId: "DE*S*1" })] });
    const results = mergeLocations([[mixed, slow]], center, { ...EMPTY_FILTERS, minPowerKw: 150, current: "DC" });
    expect(results.map((r) => r.key)).toEqual(["PLUGSURFING:mixed"]);
    expect(results[0].evses.map((e) => e.matchesFilters)).toEqual([false, true]);
    expect(results[0].maxPowerKw).toBe(150);
    // AC + 150 kW on the same connector matches nothing.
    expect(mergeLocations([[mixed]], center, { ...EMPTY_FILTERS, minPowerKw: 150, current: "AC" })).toHaveLength(0);
  });

  it("applies available-now, reservable, time-window and operator filters", () => {
    const busy = location("PETITMONDE", "busy", {
      supportsReservation: true,
      operator: { name: "EnBW" },
      evses: [evse({ evseId: "DE*B*1", status: "CHARGING" })],
    });
    const free = location("PLUGSURFING", "free", {
      operator: { name: "Ionity GmbH" },
      evses: [evse({ evseId: "DE*F*1", status: "AVAILABLE" })],
    });
    const keys = (filters: Partial<typeof EMPTY_FILTERS>) =>
      mergeLocations([[free], [busy]], center, { ...EMPTY_FILTERS, ...filters }).map((r) => r.key);
    expect(keys({ availableNow: true })).toEqual(["PLUGSURFING:free"]);
    expect(keys({ reservable: true })).toEqual(["PETITMONDE:busy"]);
    // Plugsurfing cannot book a future window, so its chargers drop out of a windowed search.
    expect(keys({ window: { start: "2026-11-22T08:00:00Z", end: "2026-11-22T09:00:00Z" } })).toEqual([
      "PETITMONDE:busy",
    ]);
    expect(keys({ operator: "ionity" })).toEqual(["PLUGSURFING:free"]);
  });
});
