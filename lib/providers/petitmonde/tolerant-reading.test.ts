import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OPEN_BOOKING_STATUSES } from "@/lib/domain";
import { ProviderError } from "../errors";
import { providerTelemetry } from "../telemetry";
import { fakeFetch, json, recordingSleep, type RecordedRequest } from "../testing/fake-fetch";
import { PetitMondeAdapter } from ".";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

function adapter(handler: (r: RecordedRequest, i: number) => Response | Promise<Response>) {
  const fake = fakeFetch(handler);
  const pm = new PetitMondeAdapter(
    { baseUrl: "http://127.0.0.1:1/api/v1/client", apiKey: "pm-secret-key" },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5 },
  );
  return { pm, requests: fake.requests };
}

const query = { latitude: 48.1351, longitude: 11.582, radiusM: 25_000 };

/** Drops recorded from now on, without their timestamps. */
function dropsSince() {
  const start = providerTelemetry().dropped.length;
  return () =>
    providerTelemetry()
      .dropped.slice(start)
      .map(({ operation, path }) => ({ operation, path }));
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A result with only the fields the docs name (plus a position), as an implementation of the docs would send. */
const documented = {
  location_id: "DE-ENB-E123456",
  name: "EnBW Marienplatz",
  address: "Marienplatz 1, 80331 München",
  coordinates: { latitude: 48.1374, longitude: 11.5755 },
  distance_km: 0.62,
  cpo_name: "EnBW",
  supports_reservation: true,
  evses: [{ evse_uid: "DE*ENB*E123456*1", status: "AVAILABLE" }],
  pricing: { estimated_price: 18.75 },
};

describe("Petit Monde search, read tolerantly", () => {
  it("reads a result with only the documented fields: an EVSE without connector detail is still usable", async () => {
    const { pm, requests } = adapter(() => json({ total: 1, results: [documented] }));
    const [location] = await pm.search(query);
    expect(location).toMatchObject({
      provider: "PETITMONDE",
      id: "DE-ENB-E123456",
      name: "EnBW Marienplatz",
      latitude: 48.1374,
      longitude: 11.5755,
      distanceM: 620,
      operator: { name: "EnBW" },
      supportsReservation: true,
      price: { sessionEstimate: { amountMinor: 1875, currency: "EUR" } },
    });
    expect(location.evses).toEqual([
      {
        uid: "DE*ENB*E123456*1",
        evseId: "DE*ENB*E123456*1",
        status: "AVAILABLE",
        capabilities: ["RESERVABLE"],
        connectors: [],
      },
    ]);
    expect(requests[0].url.searchParams.get("radius")).toBe("25");
  });

  it("derives connector ids from their 1-based position and reads other field names and numbers as text", async () => {
    const evses = [
      {
        evse_uid: "DE*ENB*E123456*1",
        status: "available",
        connectors: [
          { standard: "IEC_62196_T2_COMBO", power_type: "DC", max_power_kw: "150" },
          { type: "CHADEMO", power_kw: 50 },
          { connector_type: "iec_62196_t2", power: 22 },
          { standard: "IEC_62196_T2", power: 11000 },
          { id: "C9", standard: "TYPE_X_FUTURE", max_electric_power: 3700 },
          {},
        ],
      },
    ];
    const body = {
      total: "1",
      results: [{ ...documented, evses, distance_km: "1.5", pricing: { estimated_price: "18.75", vat_rate: "19" } }],
    };
    const [location] = await adapter(() => json(body)).pm.search(query);
    expect(location.distanceM).toBe(1500);
    expect(location.price).toEqual({
      sessionEstimate: { amountMinor: 1875, currency: "EUR" },
      vatRateBasisPoints: 1900,
    });
    expect(location.evses[0].status).toBe("AVAILABLE");
    expect(location.evses[0].connectors).toEqual([
      { id: "1", standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 },
      { id: "2", standard: "CHADEMO", powerType: "DC", powerKw: 50 },
      { id: "3", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 },
      { id: "4", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 11 },
      { id: "C9", standard: "OTHER", powerType: "AC_3_PHASE", powerKw: 3.7 },
      { id: "6", standard: "OTHER", powerType: "AC_3_PHASE", powerKw: 0 },
    ]);
  });

  it("reads a plug described on the EVSE itself as its connector 1", async () => {
    const evses = [{ evse_uid: "E1", status: "CHARGING", connector_type: "IEC_62196_T2", max_power_kw: 22 }];
    const [location] = await adapter(() => json({ results: [{ ...documented, evses }] })).pm.search(query);
    expect(location.evses[0].connectors).toEqual([
      { id: "1", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 },
    ]);
  });

  it("maps unknown statuses to UNKNOWN, ignores unknown fields, reads other coordinate names", async () => {
    const { coordinates: _, ...rest } = documented;
    const result = {
      ...rest,
      lat: "48.1374",
      lng: "11.5755",
      evses: [{ evse_uid: "E1", status: "MAINTENANCE_WINDOW", firmware: { v: 2 } }],
      pricing: { estimated_price: "n/a" },
      new_field: [1, 2, 3],
    };
    const [location] = await adapter(() => json({ results: [result], next: "later" })).pm.search(query);
    expect(location).toMatchObject({ latitude: 48.1374, longitude: 11.5755, price: undefined });
    expect(location.evses[0]).toMatchObject({ uid: "E1", status: "UNKNOWN" });
  });

  it("drops and counts one bad result or EVSE, keeping the rest", async () => {
    const drops = dropsSince();
    const results = [
      documented,
      { ...documented, location_id: undefined },
      { ...documented, location_id: "L3", evses: [{ status: "AVAILABLE" }, { evse_uid: "L3-2", status: "BLOCKED" }] },
      { ...documented, location_id: "L4", coordinates: undefined },
    ];
    const locations = await adapter(() => json({ total: 4, results })).pm.search(query);
    expect(locations.map((l) => l.id)).toEqual(["DE-ENB-E123456", "L3", "L4"]);
    expect(locations[1].evses.map((e) => [e.uid, e.status])).toEqual([["L3-2", "BLOCKED"]]);
    // Without a position (the docs name none) a result is kept, placed at the search centre and marked so.
    expect(locations[2]).toMatchObject({
      latitude: query.latitude,
      longitude: query.longitude,
      positionKnown: false,
    });
    expect(locations[0].positionKnown).toBeUndefined();
    expect(drops()).toEqual([
      { operation: "search", path: "results.1.location_id" },
      { operation: "search", path: "results.2.evses.0.evse_uid" },
    ]);
  });

  it("fails clearly when the body is wholly unusable", async () => {
    for (const body of [{ total: 0 }, [documented], "results"]) {
      const error = await failure(adapter(() => json(body)).pm.search(query));
      expect(error.code).toBe("INVALID_RESPONSE");
      expect(error.provider).toBe("PETITMONDE");
    }
    const missing = await failure(adapter(() => json({ total: 0 })).pm.search(query));
    expect(missing.issues?.[0]).toMatch(/^results: /);
    const notJson = await failure(adapter(() => new Response("<html>", { status: 200 })).pm.search(query));
    expect(notJson.code).toBe("INVALID_RESPONSE");
  });
});

describe("Petit Monde bookings, read tolerantly and written strictly", () => {
  const request = {
    externalId: "driver-123-session-456",
    locationId: "DE-ENB-E123456",
    evseUid: "DE*ENB*E123456*1",
    connectorId: "1",
    windowStart: new Date("2026-02-10T14:00:00Z"),
    windowEnd: new Date("2026-02-10T16:00:00Z"),
    token: { strategy: "DRIVER_TOKEN" as const, customerId: "cust_abc123" },
  };

  it("sends the docs' driver_token example exactly and reads the 202 with only id and status", async () => {
    const { pm, requests } = adapter(() => json({ id: "7b0c5a52", status: "REQUESTED" }, 202));
    const booking = await pm.createBooking(request);
    expect(JSON.parse(requests[0].body ?? "")).toEqual(fixture("create-booking-driver-token-request.txt"));
    expect(booking).toMatchObject({ provider: "PETITMONDE", id: "7b0c5a52", status: "REQUESTED", price: undefined });
  });

  it("sends the docs' group_token example exactly", async () => {
    const { pm, requests } = adapter(() => json({ id: "b-2", status: "REQUESTED", extra: true }, 202));
    await pm.createBooking({
      externalId: "fleet-delivery-route-morning",
      locationId: "DE-ALG-E456789",
      evseUid: "DE*ALG*E456789*1",
      windowStart: new Date("2026-02-11T07:00:00Z"),
      windowEnd: new Date("2026-02-11T09:00:00Z"),
      token: { strategy: "GROUP_TOKEN", fleetGroupId: "group_delivery_team" },
    });
    expect(JSON.parse(requests[0].body ?? "")).toEqual(fixture("create-booking-group-token-request.txt"));
  });

  it("refuses a request body the docs do not allow, before sending anything", async () => {
    const { pm, requests } = adapter(() => json({ id: "x", status: "REQUESTED" }, 202));
    const error = await failure(pm.createBooking({ ...request, windowEnd: request.windowStart }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(requests).toHaveLength(0);
  });

  it("keeps a booking with an unknown status open, so that it is polled on; prices may be text", async () => {
    const wire = { id: "b-1", status: "AWAITING_OPERATOR", client_price: "18.75", client_price_currency: "EUR" };
    const booking = await adapter(() => json(wire)).pm.getBooking("b-1");
    expect(booking.status).toBe("PENDING");
    expect(OPEN_BOOKING_STATUSES).toContain(booking.status);
    expect(booking.price).toEqual({ amountMinor: 1875, currency: "EUR" });
    const local = await adapter(() => json({ id: "b-1", status: "FAILED" })).pm.getBooking("b-1");
    expect(local.status).toBe("PENDING");
  });

  it("reads a final status whatever its case, and ignores a malformed optional price", async () => {
    const booking = await adapter(() => json({ id: "b-1", status: "cancelled", client_price: "free" })).pm.getBooking(
      "b-1",
    );
    expect(booking).toMatchObject({ status: "CANCELLED", price: undefined });
  });

  it("fails clearly on a booking without id or status", async () => {
    const error = await failure(adapter(() => json({ status: "CONFIRMED" })).pm.getBooking("b-1"));
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.issues?.[0]).toMatch(/^id: /);
  });

  it("drops and counts one bad booking of a list, and pages by what was sent", async () => {
    const drops = dropsSince();
    const page = (offset: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `b-${offset + i}`, status: "CONFIRMED" }));
    const { pm, requests } = adapter((r) => {
      const offset = Number(r.url.searchParams.get("offset"));
      if (offset > 0) return json({ bookings: page(offset, 1) });
      const first = page(0, 1000);
      first[2] = { id: "b-2" } as (typeof first)[number];
      return json({ bookings: first });
    });
    const bookings = await pm.listBookings({});
    expect(bookings).toHaveLength(1000);
    expect(bookings.slice(0, 3).map((b) => b.id)).toEqual(["b-0", "b-1", "b-3"]);
    expect(bookings.at(-1)?.id).toBe("b-1000");
    expect(requests.map((r) => r.url.searchParams.get("offset"))).toEqual(["0", "1000"]);
    expect(drops()).toEqual([{ operation: "listBookings", path: "bookings.2.status" }]);
  });
});

describe("Petit Monde usage: an undocumented body", () => {
  it("reads the fields it knows, numbers as text too", async () => {
    const usage = await adapter(() =>
      json({ month_limit: 10000, month_used: "42", reset_at: "2026-03-01T00:00:00Z", plan: "agent" }),
    ).pm.usage();
    expect(usage).toEqual({ month_limit: 10000, month_used: 42, reset_at: "2026-03-01T00:00:00Z" });
  });

  it("never fails because a field is missing or of another shape", async () => {
    expect(await adapter(() => json({})).pm.usage()).toEqual({});
    expect(await adapter(() => json({ month_limit: null, minute_remaining: "lots" })).pm.usage()).toEqual({});
    expect(await adapter(() => json([1, 2])).pm.usage()).toEqual({});
  });
});
