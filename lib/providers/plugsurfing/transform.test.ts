import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createFleetBody,
  createUserBody,
  geosearchBody,
  geosearchResponse,
  invitationCodesResponse,
  renameFleetBody,
  sessionHistoryBody,
  sessionHistoryResponse,
  startSessionBody,
  startSessionResponse,
  userChargingKeysResponse,
  wireFleet,
  wireLocation,
  wireSession,
} from "./schemas";
import {
  connectorStandardFromPlugsurfing,
  toAggregates,
  toFleet,
  toLocation,
  toLocations,
  toSession,
  toUserKey,
} from "./transform";

// Fixtures are the seed docs' examples copied verbatim (.txt, so that no formatter rewrites them).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const json = (name: string): unknown => JSON.parse(fixture(name));

describe("Plugsurfing seed-doc examples, verbatim", () => {
  it("user charging keys → domain keys", () => {
    const wire = userChargingKeysResponse.parse(json("user-charging-keys-response.txt"));
    expect(wire.keys.map(toUserKey)).toEqual([
      {
        provider: "PLUGSURFING",
        keyId: "27b89043",
        name: "key 4390b827",
        contractId: "DE-8PS-C0CD0C002-Q",
        referenceId: "DE*8PS*CD0C00*2",
        type: "RFID_TAG",
        enabled: true,
        validFrom: "2021-12-08T00:00:00.000Z",
        validTo: "2031-12-08T23:59:59.000Z",
      },
    ]);
  });

  it("geosearch response: placeholder coordinates are refused with the field path, aggregates too", () => {
    const wire = geosearchResponse.parse(json("geosearch-response.txt"));
    expect(wire.locations[0].coordinates).toEqual({ latitude: "string", longitude: "string" });
    const result = toLocations(wire.locations);
    expect(result.locations).toEqual([]);
    expect(result.skipped).toEqual([
      { id: "connectorId", reason: 'locations.0.coordinates.latitude is not a coordinate: "string"' },
    ]);
    expect(toAggregates(wire.aggregates)).toEqual([]);
    expect(wire.aggregates?.[0].count).toBe(2);
  });

  it("geosearch response with real coordinate strings → a full domain location", () => {
    const example = json("geosearch-response.txt") as { locations: Array<Record<string, unknown>> };
    const location = {
      ...example.locations[0],
      coordinates: { latitude: "52.331142", longitude: "13.145221" },
      country: "DEU",
    };
    const converted = toLocation(wireLocation.parse(location));
    if (!converted.ok) throw new Error(converted.reason);
    expect(converted.location).toMatchObject({
      provider: "PLUGSURFING",
      id: "connectorId",
      latitude: 52.331142,
      longitude: 13.145221,
      timeZone: "Europe/Berlin",
      operator: { id: "string", name: "string" },
      openingTimes: {
        twentyFourSeven: true,
        regularHours: [{ weekday: 7, periodBegin: "string", periodEnd: "string" }],
      },
      supportsReservation: false,
    });
    expect(converted.location.evses).toEqual([
      {
        uid: "string",
        evseId: "string",
        status: "AVAILABLE",
        capabilities: ["CHARGING_PROFILE_CAPABLE"],
        lastUpdated: "2022-06-07T06:12:15.806Z",
        connectors: [{ id: "string", standard: "DOMESTIC_G", powerType: "AC_1_PHASE", powerKw: 0 }],
      },
    ]);
  });

  it("the geosearch request body (trailing comma in the docs) is valid once it is JSON", () => {
    const text = fixture("geosearch-request-body.txt");
    expect(() => JSON.parse(text)).toThrow();
    const body = geosearchBody.parse(JSON.parse(text.replace(/,(\s*[}\]])/g, "$1")));
    expect(body.filters).toEqual({
      connectorStandards: ["3PinSquare"],
      locationStatuses: ["AVAILABLE"],
      powerType: "AC",
    });
  });

  it("remote start request and response", () => {
    expect(startSessionBody.parse(json("remote-start-request.txt"))).toEqual({ connectorId: "connectorId" });
    expect(startSessionResponse.parse(json("remote-start-response.txt"))).toEqual({ sessionId: "LWO89J3mDJr" });
    expect(startSessionResponse.safeParse({ threeDSClientSecret: "pi_123_secret_456" }).success).toBe(true);
    expect(startSessionResponse.safeParse({}).success).toBe(false);
  });

  it("a STARTED session: PT21.379S duration, no price", () => {
    expect(toSession(wireSession.parse(json("session-started-response.txt")))).toEqual({
      provider: "PLUGSURFING",
      sessionId: "LWO89J3mDJr",
      status: "STARTED",
      balanceStatus: undefined,
      startTime: "2022-06-07T06:49:59.811Z",
      durationSeconds: 21.379,
      energyWh: undefined,
      price: undefined,
      paymentMethod: undefined,
      receiptAvailable: false,
      connectorId: "abcJd/vR5fvzBa0X/gxaXA==",
      evseId: "NO*XXX*EZzZ220218114136937169*1",
      chargerName: "ZzZ 220218114136937169",
      connectorLabel: "1",
      site: "ZzZ 220218114135485264",
    });
  });

  it("a COMPLETE session: PT15M, energy in Wh, price in minor units with VAT basis points", () => {
    const session = toSession(wireSession.parse(json("session-complete-response.txt")));
    expect(session).toMatchObject({
      status: "COMPLETE",
      balanceStatus: "PAID",
      durationSeconds: 900,
      energyWh: 1840,
      price: { currency: "NOK", exclVatMinor: 0, inclVatMinor: 0, vatRateBasisPoints: 2500 },
    });
  });

  it("session history request and response", () => {
    expect(sessionHistoryBody.parse(json("session-history-request.txt"))).toEqual({
      sessionStatus: ["COMPLETE"],
      limit: 50,
    });
    const page = sessionHistoryResponse.parse(json("session-history-response.txt"));
    expect(page.cursor).toBeUndefined();
    expect(page.sessions.map(toSession)).toEqual([
      expect.objectContaining({
        sessionId: "LWO89J3mDJr",
        durationSeconds: 30.234,
        energyWh: 61,
        paymentMethod: "EXTERNAL",
        receiptAvailable: true,
        price: { currency: "NOK", exclVatMinor: 160, inclVatMinor: 200, vatRateBasisPoints: 2500 },
      }),
    ]);
  });

  it("the create-user example: the docs' (obfuscated) email is refused, naming the field", () => {
    const result = createUserBody.safeParse(json("create-user-request.txt"));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["email"]);
    expect(createUserBody.parse({ id: "ourTestUser", email: "test@example.com" }).id).toBe("ourTestUser");
  });

  it("EMP fleets: create, rename, invitation codes", () => {
    expect(createFleetBody.parse(json("emp-create-fleet-request.txt"))).toEqual({
      fleetId: "acme-corp-001",
      fleetName: "Acme Corporation Fleet",
    });
    expect(toFleet(wireFleet.parse(json("emp-create-fleet-response.txt")))).toEqual({
      fleetId: "acme-corp-001",
      fleetName: "Acme Corporation Fleet",
    });
    expect(renameFleetBody.parse(json("emp-rename-fleet-request.txt"))).toEqual({ newName: "Acme Industries Fleet" });
    expect(toFleet(wireFleet.parse(json("emp-rename-fleet-response.txt")))).toEqual({
      fleetId: "acme-corp-001",
      fleetName: "Acme Industries Fleet",
    });
    expect(invitationCodesResponse.parse(json("emp-invitation-codes-response.txt"))).toEqual([
      { code: "FLEET2024ABC" },
      { code: "FLEET2024XYZ" },
    ]);
    expect(createFleetBody.safeParse({ fleetId: "x".repeat(101) }).success).toBe(false);
  });
});

describe("Plugsurfing conversions", () => {
  it("maps Plugsurfing connector names to OCPI standards", () => {
    expect(connectorStandardFromPlugsurfing("Type2")).toBe("IEC_62196_T2");
    expect(connectorStandardFromPlugsurfing("CCS")).toBe("IEC_62196_T2_COMBO");
    expect(connectorStandardFromPlugsurfing("CHAdeMO")).toBe("CHADEMO");
    expect(connectorStandardFromPlugsurfing("3PinSquare")).toBe("DOMESTIC_G");
    expect(connectorStandardFromPlugsurfing("Schuko")).toBe("DOMESTIC_F");
    expect(connectorStandardFromPlugsurfing("Mystery")).toBe("OTHER");
  });

  it("converts power, time zone and the fleet tariff of a fetched location", () => {
    const converted = toLocation(
      wireLocation.parse({
        id: "LOC-1",
        name: "Depot",
        coordinates: { latitude: "59.91", longitude: "10.75" },
        time_zone: "Europe/Oslo",
        evses: [
          {
            uid: "E1",
            evse_id: "NO*PLG*E1",
            status: "CHARGING",
            capabilities: ["REMOTE_START_STOP_CAPABLE"],
            connectors: [{ id: "C1", standard: "CCS", power: 150000, power_type: "DC" }],
          },
        ],
        tariff: {
          currencyCode: "NOK",
          vat: "25",
          perKwhMinorInclVat: 449,
          perMinuteMinorInclVat: 0,
          perSessionMinorInclVat: 0,
          fleetId: "acme",
        },
      }),
    );
    if (!converted.ok) throw new Error(converted.reason);
    expect(converted.location.timeZone).toBe("Europe/Oslo");
    expect(converted.location.evses[0].connectors[0]).toEqual({
      id: "C1",
      standard: "IEC_62196_T2_COMBO",
      powerType: "DC",
      powerKw: 150,
    });
    // A tariff is rates, never a total.
    expect(converted.location.price).toEqual({
      vatRateBasisPoints: 2500,
      fleetSpecific: true,
      tariff: { currency: "NOK", perKwhMinor: 449, perMinuteMinor: 0, perSessionMinor: 0 },
    });
  });

  it("reads energy in kWh too, and keeps unknown session statuses", () => {
    const session = toSession(
      wireSession.parse({
        sessionStatus: "SUSPENDED_EV",
        sessionId: "s",
        startTime: "2026-01-01T00:00:00Z",
        energy: { unit: "kWh", value: 1.5 },
      }),
    );
    expect(session.status).toBe("SUSPENDED_EV");
    expect(session.energyWh).toBe(1500);
    expect(session.receiptAvailable).toBe(false);
  });
});
