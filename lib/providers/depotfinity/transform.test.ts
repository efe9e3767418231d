import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chargersResponse, reservationBody, reservationResponse, transactionsResponse } from "./schemas";
import { toChargerLocation, toTransaction } from "./transform";

const text = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const json = (name: string): unknown => JSON.parse(text(name));

describe("DepotFinity seed-doc examples, verbatim", () => {
  it("the sample reservation body is valid", () => {
    expect(reservationBody.parse(json("add-reservation-request.txt"))).toEqual({
      ReservationStart: "2024-01-01T08:30:19.220Z",
      ReservationEnd: "2024-01-01T11:30:19.220Z",
      AuthorizationType: "RFID",
      AuthorizationValue: "89C4704A",
    });
  });

  it("the curl body is not JSON (shell variables, trailing comma): we never send it like that", () => {
    expect(() => JSON.parse(text("add-reservation-curl-body.txt"))).toThrow();
  });

  it("the reservation answer gives the id", () => {
    expect(reservationResponse.parse(json("add-reservation-response.txt")).ChargerReservationID).toBe(
      "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    );
  });

  it("the remove answer is JSON with code 200 (we accept any 2xx and ignore the body)", () => {
    expect(json("remove-reservation-response.txt")).toEqual({
      code: 200,
      message: "Reservation is deleted successful.",
    });
  });
});

describe("DepotFinity conversions", () => {
  it("a charger becomes a reservable location with OCPI connectors", () => {
    const [charger] = chargersResponse.parse({
      data: [
        {
          id: "CH-1",
          type: "charger",
          attributes: {
            Name: "Bay 1",
            Latitude: 48.78,
            Longitude: "9.18",
            Address: "Depotstraße 1, Stuttgart",
            DepotName: "Stuttgart Depot",
            TimeZone: "Europe/Berlin",
            Connectors: [{ ConnectorId: 1, Standard: "IEC_62196_T2", PowerType: "AC_3_PHASE", MaxPowerKw: 22 }],
          },
        },
      ],
    }).data;
    expect(toChargerLocation(charger)).toMatchObject({
      provider: "DEPOTFINITY",
      id: "CH-1",
      latitude: 48.78,
      longitude: 9.18,
      timeZone: "Europe/Berlin",
      operator: { name: "Stuttgart Depot" },
      supportsReservation: true,
      evses: [
        { uid: "CH-1", connectors: [{ id: "1", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 }] },
      ],
    });
  });

  it("a transaction keeps Wh and turns a decimal cost into cents", () => {
    const page = transactionsResponse.parse({
      data: [
        {
          id: "T-1",
          type: "transaction",
          attributes: {
            ChargerId: "CH-1",
            ConnectorId: "1",
            VehicleId: "V-7",
            AuthorizationValue: "89C4704A",
            StartTime: "2026-01-01T08:00:00Z",
            StopTime: "2026-01-01T09:00:00Z",
            EnergyWh: 21_500,
            Cost: 6.45,
            Currency: "EUR",
          },
        },
      ],
      meta: { page: 1, limit: 100, total: 1 },
    });
    expect(toTransaction(page.data[0])).toEqual({
      provider: "DEPOTFINITY",
      transactionId: "T-1",
      chargerId: "CH-1",
      connectorId: "1",
      vehicleId: "V-7",
      authorizationValue: "89C4704A",
      startTime: "2026-01-01T08:00:00Z",
      stopTime: "2026-01-01T09:00:00Z",
      energyWh: 21_500,
      cost: { amountMinor: 645, currency: "EUR" },
    });
  });
});
