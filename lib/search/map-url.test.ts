import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS } from "./filters";
import { DEFAULT_VIEW, bookingHref, mapSearchParams, mapStateFromSearchParams, startSessionHref } from "./map-url";

describe("map URL", () => {
  it("restores view and filters from the URL it wrote", () => {
    const view = { latitude: 48.13743, longitude: 11.57549, zoom: 13.5 };
    const filters = { ...EMPTY_FILTERS, minPowerKw: 150, current: "DC" as const, providers: ["PETITMONDE" as const] };
    const restored = mapStateFromSearchParams(new URLSearchParams(mapSearchParams(view, filters).toString()));
    expect(restored).toEqual({ view, filters });
  });

  it("falls back to the default view for missing or out-of-range coordinates", () => {
    expect(mapStateFromSearchParams(new URLSearchParams("lat=200&lng=13")).view).toEqual(DEFAULT_VIEW);
    expect(mapStateFromSearchParams(new URLSearchParams("z=7")).view).toEqual({ ...DEFAULT_VIEW, zoom: 7 });
  });
});

describe("charger action links", () => {
  const offer = { provider: "PETITMONDE" as const, locationId: "loc 1", evseUid: "evse/1" };

  it("prefills the booking wizard, with the searched window when there is one", () => {
    const href = bookingHref(offer, "c1", "fleet-1", {
      start: "2026-11-22T08:00:00.000Z",
      end: "2026-11-22T10:00:00.000Z",
    });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/bookings/new");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      provider: "PETITMONDE",
      locationId: "loc 1",
      evseUid: "evse/1",
      connectorId: "c1",
      fleetId: "fleet-1",
      start: "2026-11-22T08:00:00.000Z",
      end: "2026-11-22T10:00:00.000Z",
    });
    expect(new URL(bookingHref(offer, "c1", "fleet-1"), "http://x").searchParams.has("start")).toBe(false);
    const located = new URL(
      bookingHref(offer, "c1", "fleet-1", undefined, { latitude: 52.5, longitude: 13.4 }),
      "http://x",
    );
    expect([located.searchParams.get("lat"), located.searchParams.get("lng")]).toEqual(["52.5", "13.4"]);
  });

  it("links a remote start to the offering provider's connector", () => {
    const url = new URL(startSessionHref({ ...offer, provider: "PLUGSURFING" }, "2"), "http://x");
    expect(url.pathname).toBe("/sessions/start");
    expect(url.searchParams.get("provider")).toBe("PLUGSURFING");
    expect(url.searchParams.get("connectorId")).toBe("2");
  });
});
