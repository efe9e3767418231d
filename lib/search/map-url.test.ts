import { describe, expect, it } from "vitest";
import { bookingHref, startSessionHref } from "./map-url";

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
