import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "../errors";
import { providerTelemetry } from "../telemetry";
import { fakeFetch, json, recordingSleep, type RecordedRequest } from "../testing/fake-fetch";
import { clearDepotTokenCache } from "./client";
import { DepotFinityAdapter } from ".";

// Fixtures are the seed docs' examples copied verbatim.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

const AUTH_URL = "http://127.0.0.1:1/oauth2/token";

/** Answers the token request itself; everything else goes to `handler`. */
function adapter(handler: (r: RecordedRequest) => Response | Promise<Response>) {
  const fake = fakeFetch((r) =>
    r.url.href === AUTH_URL ? json({ access_token: "df-token", expires_in: 3600, token_type: "bearer" }) : handler(r),
  );
  const df = new DepotFinityAdapter(
    { baseUrl: "http://127.0.0.1:1/api", authUrl: AUTH_URL, clientId: "df-client", clientSecret: "df-secret" },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5 },
  );
  return { df, requests: () => fake.requests.filter((r) => r.url.href !== AUTH_URL) };
}

const answer = (body: unknown, status = 200) => adapter(() => json(body, status)).df;

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
  clearDepotTokenCache();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const reservation = {
  chargerId: "CH-1",
  connectorId: "1",
  start: new Date("2024-01-01T08:30:19.220Z"),
  end: new Date("2024-01-01T11:30:19.220Z"),
  rfidValue: "89C4704A",
};

describe("DepotFinity reservations: the docs' examples", () => {
  it("sends the docs' request body exactly and reads the docs' answer", async () => {
    const { df, requests } = adapter(() => json(fixture("add-reservation-response.txt"), 201));
    expect(await df.reserve(reservation)).toEqual({ reservationId: "f47ac10b-58cc-4372-a567-0e02b2c3d479" });
    expect(requests()[0].url.pathname).toBe("/api/v1/reservations/chargers/CH-1/connectors/1");
    expect(JSON.parse(requests()[0].body ?? "")).toEqual(fixture("add-reservation-request.txt"));
  });

  it("reads a numeric reservation id and ignores unknown fields", async () => {
    expect(await answer({ ChargerReservationID: 4711, message: null, Links: {} }, 201).reserve(reservation)).toEqual({
      reservationId: "4711",
    });
  });

  it("an answer without the id leaves the outcome unknown (a POST), never a made-up success", async () => {
    const error = await failure(answer({ message: "Charger Reservation is successful." }, 201).reserve(reservation));
    expect(error.code).toBe("OUTCOME_UNKNOWN");
  });

  it("the docs' remove answer (code 200 in a 201 text) is accepted", async () => {
    const { df, requests } = adapter(() => json(fixture("remove-reservation-response.txt"), 200));
    await expect(df.removeReservation("f47ac10b-58cc-4372-a567-0e02b2c3d479")).resolves.toBeUndefined();
    expect(requests()[0].method).toBe("DELETE");
  });

  it("requests stay strict: a window that ends before it starts is refused before sending", async () => {
    const { df, requests } = adapter(() => json(fixture("add-reservation-response.txt"), 201));
    const error = await failure(df.reserve({ ...reservation, end: reservation.start }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(requests()).toHaveLength(0);
  });
});

describe("DepotFinity availability and chargers, read tolerantly", () => {
  it("keeps unknown statuses as sent, drops and counts an item without its time", async () => {
    const drops = dropsSince();
    const items = await answer({
      items: [
        { timeStamp: "2026-01-01T08:00:00Z", errorCode: "NoError", status: "Available" },
        { status: "Faulted" },
        { timeStamp: "2026-01-01T08:01:00Z", errorCode: 12, vendorId: "ABB", status: "Preparing", extra: 1 },
      ],
    }).chargerAvailability("CH-1");
    expect(items).toEqual([
      { timestamp: "2026-01-01T08:00:00Z", status: "Available", errorCode: "NoError" },
      { timestamp: "2026-01-01T08:01:00Z", status: "Preparing", errorCode: "12" },
    ]);
    expect(drops()).toEqual([{ operation: "chargerAvailability", path: "items.1.timeStamp" }]);
  });

  it("fails clearly without its items", async () => {
    for (const body of [{}, [], "Available"]) {
      const error = await failure(answer(body).chargerAvailability("CH-1"));
      expect(error.code).toBe("INVALID_RESPONSE");
    }
  });

  it("an undocumented charger list: connectors without ids get their position, other names are read", async () => {
    const drops = dropsSince();
    const chargers = await answer({
      data: [
        {
          id: "CH-1",
          attributes: {
            Latitude: "48.78",
            Longitude: 9.18,
            Connectors: [
              { Standard: "IEC_62196_T2", MaxPowerKw: "22" },
              { ConnectorType: "iec_62196_t2_combo", PowerKw: 150 },
            ],
          },
        },
        { id: "CH-2", attributes: { Name: "Bay 2", Longitude: 9.18 } },
        { id: "CH-3", attributes: { Name: "Bay 3", Latitude: 48.7, Longitude: 9.1, Connectors: null } },
      ],
    }).listChargers();
    expect(chargers.map((c) => [c.id, c.name, c.latitude])).toEqual([
      ["CH-1", "CH-1", 48.78],
      ["CH-3", "Bay 3", 48.7],
    ]);
    expect(chargers[0].evses[0].connectors).toEqual([
      { id: "1", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 },
      { id: "2", standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 },
    ]);
    expect(chargers[1].evses[0].connectors).toEqual([]);
    expect(drops()).toEqual([{ operation: "listChargers", path: "data.1.attributes.Latitude" }]);
  });
});

describe("DepotFinity transactions, read tolerantly", () => {
  it("drops and counts a bad transaction; a page short only by drops is not the last", async () => {
    const drops = dropsSince();
    const page = await answer({
      data: [
        {
          id: "T-1",
          attributes: {
            ChargerId: "CH-1",
            ConnectorId: 1,
            StartTime: "2026-01-01T08:00:00Z",
            EnergyWh: "21500",
            Cost: "6.45",
            Currency: "EUR",
          },
        },
        { id: "T-2", attributes: { ChargerId: "CH-1", ConnectorId: 1 } },
      ],
    }).transactions({ limit: 2 });
    expect(page.transactions).toEqual([
      {
        provider: "DEPOTFINITY",
        transactionId: "T-1",
        chargerId: "CH-1",
        connectorId: "1",
        vehicleId: undefined,
        authorizationValue: undefined,
        startTime: "2026-01-01T08:00:00Z",
        stopTime: undefined,
        energyWh: 21_500,
        cost: { amountMinor: 645, currency: "EUR" },
      },
    ]);
    expect(page.hasMore).toBe(true);
    expect(drops()).toEqual([{ operation: "transactions", path: "data.1.attributes.StartTime" }]);
  });
});
