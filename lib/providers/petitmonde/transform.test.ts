import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createBookingBody, searchResponse, wireBooking } from "./schemas";
import { bookingStatus, toBooking, toCreateBookingBody, toLocation } from "./transform";

const json = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("Petit Monde seed-doc examples, verbatim", () => {
  it("the driver_token booking request is valid and is what we build from the domain request", () => {
    const example = createBookingBody.parse(json("create-booking-driver-token-request.txt"));
    const built = toCreateBookingBody({
      externalId: "driver-123-session-456",
      locationId: "DE-ENB-E123456",
      evseUid: "DE*ENB*E123456*1",
      connectorId: "1",
      windowStart: new Date("2026-02-10T14:00:00Z"),
      windowEnd: new Date("2026-02-10T16:00:00Z"),
      token: { strategy: "DRIVER_TOKEN", customerId: "cust_abc123" },
    });
    expect(JSON.parse(JSON.stringify(built))).toEqual(example);
  });

  it("the group_token booking request is valid and is what we build from the domain request", () => {
    const example = createBookingBody.parse(json("create-booking-group-token-request.txt"));
    const built = toCreateBookingBody({
      externalId: "fleet-delivery-route-morning",
      locationId: "DE-ALG-E456789",
      evseUid: "DE*ALG*E456789*1",
      windowStart: new Date("2026-02-11T07:00:00Z"),
      windowEnd: new Date("2026-02-11T09:00:00Z"),
      token: { strategy: "GROUP_TOKEN", fleetGroupId: "group_delivery_team" },
    });
    expect(JSON.parse(JSON.stringify(built))).toEqual(example);
  });

  it("ad_hoc needs no token; driver_token and group_token refuse to go without theirs", () => {
    const base = {
      externalId: "x",
      locationId: "L",
      evseUid: "E",
      windowStart: new Date("2026-02-11T07:00:00Z"),
      windowEnd: new Date("2026-02-11T09:00:00Z"),
    };
    expect(
      createBookingBody.parse(toCreateBookingBody({ ...base, token: { strategy: "AD_HOC" } })).token_strategy,
    ).toBe("ad_hoc");
    const driver = createBookingBody.safeParse(toCreateBookingBody({ ...base, token: { strategy: "DRIVER_TOKEN" } }));
    expect(driver.error?.issues[0].path).toEqual(["customer_id"]);
    const group = createBookingBody.safeParse({
      ...toCreateBookingBody({ ...base, token: { strategy: "AD_HOC" } }),
      token_strategy: "group_token",
    });
    expect(group.error?.issues[0].path).toEqual(["fleet_group_id"]);
    expect(() => toCreateBookingBody({ ...base, token: { strategy: "RFID", rfidValue: "89C4704A" } })).toThrow(
      RangeError,
    );
  });
});

describe("Petit Monde conversions", () => {
  const result = {
    location_id: "DE-ENB-E123456",
    name: "EnBW Marienplatz",
    address: "Marienplatz 1",
    city: "München",
    postal_code: "80331",
    coordinates: { latitude: 48.1374, longitude: 11.5755 },
    time_zone: "Europe/Berlin",
    distance_km: 0.62,
    cpo_name: "EnBW",
    supports_reservation: true,
    evses: [
      {
        evse_uid: "DE*ENB*E123456*1",
        evse_id: "DE*ENB*E123456*1",
        status: "AVAILABLE",
        capabilities: ["RESERVABLE", "RFID_READER"],
        connectors: [{ id: "1", standard: "IEC_62196_T2_COMBO", power_type: "DC", max_power_kw: 150 }],
      },
    ],
    pricing: { estimated_price: 18.75, currency: "EUR", price_per_kwh: 0.59, vat_rate: 19 },
    unexpected_new_field: { ignored: true },
  };

  it("turns a search result into a location: km → m, decimal EUR → cents, VAT → basis points", () => {
    const wire = searchResponse.parse({ total: 1, results: [result] });
    expect(toLocation(wire.results[0])).toEqual({
      provider: "PETITMONDE",
      id: "DE-ENB-E123456",
      name: "EnBW Marienplatz",
      address: "Marienplatz 1",
      city: "München",
      postalCode: "80331",
      country: "DE",
      latitude: 48.1374,
      longitude: 11.5755,
      timeZone: "Europe/Berlin",
      operator: { name: "EnBW" },
      supportsReservation: true,
      distanceM: 620,
      evses: [
        {
          uid: "DE*ENB*E123456*1",
          evseId: "DE*ENB*E123456*1",
          status: "AVAILABLE",
          capabilities: ["RESERVABLE", "RFID_READER"],
          connectors: [{ id: "1", standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 }],
        },
      ],
      price: {
        sessionEstimate: { amountMinor: 1875, currency: "EUR" },
        tariff: { currency: "EUR", perKwhMinor: 59 },
        vatRateBasisPoints: 1900,
      },
    });
  });

  it("places a result without coordinates at the search centre, marked as not its own position", () => {
    const wire = searchResponse.parse({ total: 1, results: [{ ...result, coordinates: undefined }] });
    const centre = { latitude: 48.1351, longitude: 11.582 };
    expect(toLocation(wire.results[0], centre)).toMatchObject({ ...centre, positionKnown: false });
    // Without a centre to stand at, it is left out rather than given an invented position.
    expect(toLocation(wire.results[0])).toBeNull();
  });

  it("turns a booking into the domain booking, prices in cents", () => {
    const booking = toBooking(
      wireBooking.parse({
        id: "7b0c5a52-6c1e-4c53-9a1c-3c1c3f0f0e01",
        external_id: "driver-123-session-456",
        status: "NO_SHOW",
        status_updated_at: "2026-02-10T14:20:00Z",
        client_price: "18.75",
        client_price_currency: "EUR",
        location_id: "DE-ENB-E123456",
        evse_uid: "DE*ENB*E123456*1",
        location_city: "München",
        reservation_start: "2026-02-10T14:00:00Z",
        reservation_end: "2026-02-10T16:00:00Z",
        created_at: "2026-02-10T12:00:00Z",
        no_show_fee: 0.1 + 0.2,
        cpo_reservation_id: null,
      }),
    );
    expect(booking).toEqual({
      provider: "PETITMONDE",
      id: "7b0c5a52-6c1e-4c53-9a1c-3c1c3f0f0e01",
      externalId: "driver-123-session-456",
      status: "NO_SHOW",
      statusUpdatedAt: "2026-02-10T14:20:00Z",
      operatorReservationId: undefined,
      price: { amountMinor: 1875, currency: "EUR" },
      estimatedPrice: undefined,
      fee: { amountMinor: 30, currency: "EUR" },
      city: "München",
      createdAt: "2026-02-10T12:00:00Z",
      locationId: "DE-ENB-E123456",
      evseUid: "DE*ENB*E123456*1",
      windowStart: "2026-02-10T14:00:00Z",
      windowEnd: "2026-02-10T16:00:00Z",
    });
  });

  it("keeps the estimate apart from the final price and reads a cancellation fee", () => {
    const base = {
      id: "b",
      status: "CANCELLED",
      client_price: null,
      estimated_price: 12.3,
      client_price_currency: "EUR",
    };
    expect(toBooking(wireBooking.parse({ ...base, cancellation_fee: 4.5 }))).toMatchObject({
      price: undefined,
      estimatedPrice: { amountMinor: 1230, currency: "EUR" },
      fee: { amountMinor: 450, currency: "EUR" },
    });
    expect(toBooking(wireBooking.parse({ ...base, cancellation_fee: 0 })).fee).toBeUndefined();
  });

  it("maps every documented status and keeps unknown ones open", () => {
    for (const s of [
      "REQUESTED",
      "PENDING",
      "CONFIRMED",
      "ATTENDING",
      "COMPLETED",
      "EXPIRED",
      "NO_SHOW",
      "CANCELLED",
    ]) {
      expect(bookingStatus(s)).toBe(s);
    }
    expect(bookingStatus("confirmed")).toBe("CONFIRMED");
    expect(bookingStatus("ON_HOLD")).toBe("PENDING");
  });
});
