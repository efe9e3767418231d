// What the adapters put on the wire for domain requests, and how they surface special answers.
import { describe, expect, it } from "vitest";
import { DepotFinityAdapter } from "./depotfinity";
import { clearDepotTokenCache } from "./depotfinity/client";
import { ProviderError } from "./errors";
import { PetitMondeAdapter } from "./petitmonde";
import { PlugsurfingAdapter } from "./plugsurfing";
import { fakeFetch, json, networkError, recordingSleep, type FakeHandler } from "./testing/fake-fetch";

const options = (handler: FakeHandler) => {
  const fake = fakeFetch(handler);
  return { fake, options: { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5 } };
};

describe("Plugsurfing adapter", () => {
  it("sends radius in metres, power in W and Plugsurfing connector names; filters the rest locally", async () => {
    const { fake, options: o } = options(() => json({ locations: [] }));
    const ps = new PlugsurfingAdapter({ baseUrl: "http://127.0.0.1:1/drive", apiKey: "ps-key-123456" }, o);
    await ps.search({
      latitude: 52.5,
      longitude: 13.4,
      radiusM: 2_500.4,
      minPowerKw: 50,
      powerType: "DC",
      availableNow: true,
      connectorStandards: ["IEC_62196_T2_COMBO", "GBT_DC"],
      limit: 1_000,
    });
    const [request] = fake.requests;
    expect(request.method).toBe("POST");
    expect(request.headers["x-api-key"]).toBe("ps-key-123456");
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      latitude: "52.5",
      longitude: "13.4",
      distance: "2500",
      limit: "300",
      aggregate: "false",
    });
    expect(JSON.parse(request.body!)).toEqual({
      filters: { connectorStandards: ["CCS"], locationStatuses: ["AVAILABLE"], powerType: "DC", power: 50_000 },
      options: { filterEvsesAndConnectors: true },
    });
  });

  it("surfaces a 3-D Secure challenge instead of a session id", async () => {
    const { options: o } = options(() => json({ threeDSClientSecret: "pi_1_secret_2" }));
    const ps = new PlugsurfingAdapter({ baseUrl: "http://127.0.0.1:1/drive", apiKey: "ps-key-123456" }, o);
    expect(await ps.startSession("driver-1", "conn-1")).toEqual({
      sessionId: undefined,
      threeDSClientSecret: "pi_1_secret_2",
    });
  });

  it("never repeats a remote start whose answer was lost", async () => {
    const { fake, options: o } = options(() => Promise.reject(networkError("ECONNRESET")));
    const ps = new PlugsurfingAdapter({ baseUrl: "http://127.0.0.1:1/drive", apiKey: "ps-key-123456" }, o);
    const error = (await ps.startSession("driver-1", "conn-1").catch((e: unknown) => e)) as ProviderError;
    expect(error.code).toBe("OUTCOME_UNKNOWN");
    expect(fake.requests).toHaveLength(1);
  });
});

describe("Petit Monde adapter", () => {
  it("sends radius in km (capped at 200), one connector type, power in kW and the window", async () => {
    const { fake, options: o } = options(() => json({ total: 0, results: [] }));
    const pm = new PetitMondeAdapter(
      { baseUrl: "http://127.0.0.1:1/client", apiKey: "pm-key-123456", authScheme: "bearer" },
      o,
    );
    await pm.search({
      latitude: 48.1351,
      longitude: 11.582,
      radiusM: 250_000,
      connectorStandards: ["IEC_62196_T2_COMBO"],
      minPowerKw: 50,
      window: { start: new Date("2026-12-01T10:00:00Z"), end: new Date("2026-12-01T11:00:00Z") },
    });
    const [request] = fake.requests;
    expect(request.headers.authorization).toBe("Bearer pm-key-123456");
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      lat: "48.1351",
      lng: "11.582",
      radius: "200",
      connector_type: "IEC_62196_T2_COMBO",
      power_min: "50",
      start_time: "2026-12-01T10:00:00.000Z",
      end_time: "2026-12-01T11:00:00.000Z",
    });
  });

  it("asks for bookings with comma-separated statuses, leaving out local-only ones", async () => {
    const { fake, options: o } = options(() => json({ bookings: [] }));
    const pm = new PetitMondeAdapter({ baseUrl: "http://127.0.0.1:1/client", apiKey: "pm-key-123456" }, o);
    await pm.listBookings({ status: ["REQUESTED", "SUBMITTING", "PENDING"], limit: 50 });
    expect(fake.requests[0].url.searchParams.get("status")).toBe("REQUESTED,PENDING");
    expect(fake.requests[0].url.searchParams.get("limit")).toBe("50");
    expect(await pm.listBookings({ status: ["FAILED"] })).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("DepotFinity adapter", () => {
  it("gets a token with Basic client credentials, then calls with Bearer; a lost reservation answer is OUTCOME_UNKNOWN", async () => {
    clearDepotTokenCache();
    const { fake, options: o } = options((r) => {
      if (r.url.pathname.endsWith("/oauth2/token"))
        return json({ access_token: "tok-abcdef", expires_in: 3600, token_type: "bearer" });
      return Promise.reject(networkError("ECONNRESET"));
    });
    const depot = new DepotFinityAdapter(
      {
        baseUrl: "http://127.0.0.1:1/df",
        authUrl: "http://127.0.0.1:1/auth/oauth2/token",
        clientId: "cid",
        clientSecret: "csecret",
      },
      o,
    );
    const error = (await depot
      .reserve({
        chargerId: "CH-1",
        connectorId: "1",
        start: new Date("2026-12-01T10:00:00Z"),
        end: new Date("2026-12-01T11:00:00Z"),
        rfidValue: "89C4704A",
      })
      .catch((e: unknown) => e)) as ProviderError;
    expect(error.code).toBe("OUTCOME_UNKNOWN");
    expect(error.retryable).toBe(true);
    expect(error.userMessage).toMatch(/cannot be looked up/);
    const [token, reservation] = fake.requests;
    expect(token.headers.authorization).toBe(`Basic ${Buffer.from("cid:csecret").toString("base64")}`);
    expect(token.body).toBe("grant_type=client_credentials");
    expect(reservation.headers.authorization).toBe("Bearer tok-abcdef");
    expect(JSON.parse(reservation.body!)).toEqual({
      ReservationStart: "2026-12-01T10:00:00.000Z",
      ReservationEnd: "2026-12-01T11:00:00.000Z",
      AuthorizationType: "RFID",
      AuthorizationValue: "89C4704A",
    });
    expect(fake.requests.filter((r) => r.method === "POST" && r.url.pathname.includes("/reservations/"))).toHaveLength(
      1,
    );
    expect(JSON.stringify(error) + error.message).not.toContain("csecret");
  });
});
