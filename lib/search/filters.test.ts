import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS, filtersFromSearchParams, filtersToParams, type ChargerFilters } from "./filters";

describe("charger filters in the URL", () => {
  it("round-trips every filter through a query string", () => {
    const filters: ChargerFilters = {
      connectors: ["CHADEMO", "IEC_62196_T2_COMBO"],
      minPowerKw: 150,
      current: "DC",
      availableNow: true,
      reservable: true,
      window: { start: "2026-11-22T08:00:00.000Z", end: "2026-11-22T10:00:00.000Z" },
      providers: ["PETITMONDE", "PLUGSURFING"],
      operator: "Ionity",
    };
    const query = new URLSearchParams(filtersToParams(filters));
    expect(filtersFromSearchParams(new URLSearchParams(query.toString()))).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToParams(EMPTY_FILTERS)).toEqual({});
    expect(filtersFromSearchParams(new URLSearchParams(""))).toEqual(EMPTY_FILTERS);
  });

  it("drops only the fields of a hand-edited link that no longer parse", () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams("connectors=BOGUS&minKw=50&current=XX&start=yesterday&end=2026-11-22T10:00:00Z&available=1"),
    );
    expect(filters).toEqual({ ...EMPTY_FILTERS, minPowerKw: 50, availableNow: true });
  });

  it("rejects a window that ends before it starts", () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams("start=2026-11-22T10:00:00Z&end=2026-11-22T08:00:00Z&minKw=22"),
    );
    expect(filters.window).toBeUndefined();
    expect(filters.minPowerKw).toBe(22);
  });
});
