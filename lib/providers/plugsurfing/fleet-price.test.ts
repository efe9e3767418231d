// Fleet pricing rides on an undocumented path (location by id with fleetId): a 404 switches it off quietly.
import { beforeEach, describe, expect, it } from "vitest";
import { providerTelemetry } from "../telemetry";
import { fakeFetch, json, recordingSleep, type FakeHandler } from "../testing/fake-fetch";
import { PlugsurfingAdapter } from ".";

function adapter(handler: FakeHandler) {
  const fake = fakeFetch(handler);
  const ps = new PlugsurfingAdapter(
    { baseUrl: "http://127.0.0.1:1/drive", apiKey: "ps-key-123456" },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5 },
  );
  return { ps, requests: fake.requests };
}

const location = (tariff?: object) => ({
  id: "loc-1",
  name: "Depot Nord",
  coordinates: { latitude: "52.52", longitude: "13.40" },
  evses: [],
  tariff,
});

describe("Plugsurfing fleet pricing", () => {
  beforeEach(() => providerTelemetry().features.clear());

  it("asks for the location with the fleet's id and returns the fleet's own tariff", async () => {
    const { ps, requests } = adapter(() =>
      json(location({ currencyCode: "EUR", vat: "19", perKwhMinorInclVat: 39, fleetId: "fleet-7" })),
    );
    const price = await ps.fleetPrice("loc-1", "fleet-7");
    expect(requests[0].url.pathname).toBe("/drive/v1/locations/loc-1");
    expect(requests[0].url.searchParams.get("fleetId")).toBe("fleet-7");
    expect(price).toMatchObject({ fleetSpecific: true, vatRateBasisPoints: 1900 });
  });

  it("gives nothing for a location with only the public price", async () => {
    const { ps } = adapter(() => json(location()));
    expect(await ps.fleetPrice("loc-1", "fleet-7")).toBeNull();
  });

  it("turns the feature off on a 404 and stops asking", async () => {
    const { ps, requests } = adapter(() => json({ message: "Not Found" }, 404));
    expect(await ps.fleetPrice("loc-1", "fleet-7")).toBeNull();
    expect(providerTelemetry().isFeatureDisabled("PLUGSURFING", "fleetPricing")).toBe(true);
    expect(await ps.fleetPrice("loc-2", "fleet-7")).toBeNull();
    expect(requests).toHaveLength(1);
  });
});
