import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "../errors";
import { providerTelemetry } from "../telemetry";
import { fakeFetch, json, recordingSleep, type RecordedRequest } from "../testing/fake-fetch";
import { PlugsurfingAdapter } from ".";

// Fixtures are the seed docs' examples copied verbatim.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

function adapter(handler: (r: RecordedRequest, i: number) => Response | Promise<Response>) {
  const fake = fakeFetch(handler);
  const ps = new PlugsurfingAdapter(
    { baseUrl: "http://127.0.0.1:1/drive", apiKey: "ps-secret-key" },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5 },
  );
  return { ps, requests: fake.requests };
}

const answer = (body: unknown) => adapter(() => json(body)).ps;
const query = { latitude: 52.33, longitude: 13.14, radiusM: 3000 };

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

type Example = { locations: Array<Record<string, unknown> & { evses: Array<Record<string, unknown>> }> };
const example = () => fixture("geosearch-response.txt") as Example;
/** The docs' location with real coordinates in place of the placeholders. */
function placed(changes: Record<string, unknown> = {}) {
  return { ...example().locations[0], coordinates: { latitude: "52.331142", longitude: "13.145221" }, ...changes };
}
function withEvses(evses: unknown[]) {
  return { locations: [placed({ evses })] };
}

describe("Plugsurfing geosearch, read tolerantly", () => {
  it("the docs' example: its placeholder coordinates skip the one location, counted, without failing", async () => {
    const drops = dropsSince();
    const result = await answer(example()).geosearch(query);
    expect(result.locations).toEqual([]);
    expect(result.skipped).toEqual([
      { id: "connectorId", reason: 'locations.0.coordinates.latitude is not a coordinate: "string"' },
    ]);
    expect(result.aggregates).toEqual([]);
    expect(drops()).toEqual([{ operation: "geosearch", path: "locations.0.coordinates.latitude" }]);
  });

  it("the docs' example with real coordinates: W → kW, Plugsurfing names → OCPI", async () => {
    const [location] = await answer({ locations: [placed()] }).search(query);
    expect(location).toMatchObject({
      provider: "PLUGSURFING",
      id: "connectorId",
      latitude: 52.331142,
      longitude: 13.145221,
      operator: { id: "string", name: "string" },
      openingTimes: {
        twentyFourSeven: true,
        regularHours: [{ weekday: 7, periodBegin: "string", periodEnd: "string" }],
      },
    });
    expect(location.evses[0].connectors).toEqual([
      { id: "string", standard: "DOMESTIC_G", powerType: "AC_1_PHASE", powerKw: 0 },
    ]);
  });

  it("connectors without ids, with other field names, numbers as text, or none at all", async () => {
    const evses = [
      {
        uid: "E1",
        status: "AVAILABLE",
        connectors: [
          { standard: "CCS", power: "150000", power_type: "DC" },
          { type: "IEC_62196_T2", power_kw: 22 },
          { connector_type: "Type2", max_electric_power: 11000 },
          { id: "C4", standard: "NACS", max_power_kw: "7.4" },
        ],
      },
      { uid: "E2", status: "AVAILABLE" },
      { uid: "E3", status: "AVAILABLE", connectors: null },
    ];
    const [location] = await answer(withEvses(evses)).search(query);
    expect(location.evses.map((e) => e.connectors)).toEqual([
      [
        { id: "1", standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 },
        { id: "2", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 },
        { id: "3", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 11 },
        { id: "C4", standard: "OTHER", powerType: "AC_3_PHASE", powerKw: 7.4 },
      ],
      [],
      [],
    ]);
  });

  it("unknown statuses read UNKNOWN, unknown fields are ignored, malformed optional parts are left out", async () => {
    const evses = [{ uid: "E1", status: "OCCUPIED_BY_ICE", connectors: [], vendor: { x: 1 } }];
    const [location] = await answer({
      locations: [
        placed({ evses, opening_times: {}, operator: { id: 7 }, tariff: { currencyCode: "EUR" }, rating: 5 }),
      ],
      aggregates: "none",
      extra: true,
    }).search(query);
    expect(location.evses[0]).toMatchObject({ uid: "E1", status: "UNKNOWN" });
    expect(location).toMatchObject({ openingTimes: undefined, operator: undefined, price: undefined });
  });

  it("drops and counts one bad location or EVSE, keeping the rest", async () => {
    const drops = dropsSince();
    const body = {
      locations: [
        placed({ id: "L1" }),
        placed({ id: undefined }),
        placed({ id: "L3", evses: [{ status: "AVAILABLE" }, { uid: "L3-E2", status: "CHARGING" }] }),
      ],
    };
    const locations = await answer(body).search(query);
    expect(locations.map((l) => l.id)).toEqual(["L1", "L3"]);
    expect(locations[1].evses.map((e) => [e.uid, e.status])).toEqual([["L3-E2", "CHARGING"]]);
    expect(drops()).toEqual([
      { operation: "geosearch", path: "locations.1.id" },
      { operation: "geosearch", path: "locations.2.evses.0.uid" },
    ]);
  });

  it("fails clearly when the body is wholly unusable", async () => {
    for (const body of [{ aggregates: [] }, [placed()], 42]) {
      const error = await failure(answer(body).search(query));
      expect(error.code).toBe("INVALID_RESPONSE");
    }
  });
});

describe("Plugsurfing sessions, read tolerantly", () => {
  it("the docs' remote start: the request and the answer", async () => {
    const { ps, requests } = adapter(() => json(fixture("remote-start-response.txt")));
    expect(await ps.startSession("ourTestUser", "connectorId")).toEqual({
      sessionId: "LWO89J3mDJr",
      threeDSClientSecret: undefined,
    });
    expect(JSON.parse(requests[0].body ?? "")).toEqual(fixture("remote-start-request.txt"));
  });

  it("the docs' STARTED and COMPLETE sessions", async () => {
    const started = await answer(fixture("session-started-response.txt")).getSession("u", "LWO89J3mDJr");
    expect(started).toMatchObject({ status: "STARTED", durationSeconds: 21.379, receiptAvailable: false });
    const complete = await answer(fixture("session-complete-response.txt")).getSession("u", "LWO89J3mDJr");
    expect(complete).toMatchObject({
      status: "COMPLETE",
      balanceStatus: "PAID",
      durationSeconds: 900,
      energyWh: 1840,
      price: { currency: "NOK", exclVatMinor: 0, inclVatMinor: 0, vatRateBasisPoints: 2500 },
    });
  });

  it("an unknown status is kept; missing or malformed optional fields are left out", async () => {
    const session = await answer({
      sessionStatus: "SUSPENDED_EV",
      sessionId: 12345,
      startTime: "2026-01-01T00:00:00Z",
      duration: "about an hour",
      energy: { unit: "kWh", value: "1.5" },
      price: { currencyCode: "EUR", minorExclVat: "100", minorInclVat: 119, vat: 19 },
      charger: "somewhere",
      newField: true,
    }).getSession("u", "12345");
    expect(session).toMatchObject({
      sessionId: "12345",
      status: "SUSPENDED_EV",
      durationSeconds: undefined,
      energyWh: 1500,
      receiptAvailable: false,
      evseId: undefined,
      price: { currency: "EUR", exclVatMinor: 100, inclVatMinor: 119, vatRateBasisPoints: 1900 },
    });
  });

  it("the docs' history page, with one bad session dropped and counted", async () => {
    const drops = dropsSince();
    const page = fixture("session-history-response.txt") as { sessions: unknown[] };
    const { ps, requests } = adapter(() => json({ sessions: [...page.sessions, { sessionStatus: "COMPLETE" }] }));
    const result = await ps.sessionHistory("ourTestUser", { statuses: ["COMPLETE"], limit: 50 });
    expect(JSON.parse(requests[0].body ?? "")).toEqual(fixture("session-history-request.txt"));
    expect(result.cursor).toBeUndefined();
    expect(result.sessions).toEqual([
      expect.objectContaining({
        sessionId: "LWO89J3mDJr",
        durationSeconds: 30.234,
        energyWh: 61,
        paymentMethod: "EXTERNAL",
        price: { currency: "NOK", exclVatMinor: 160, inclVatMinor: 200, vatRateBasisPoints: 2500 },
      }),
    ]);
    expect(drops()).toEqual([{ operation: "sessionHistory", path: "sessions.1.sessionId" }]);
  });

  it("fails clearly on a session without its id", async () => {
    const error = await failure(answer({ sessionStatus: "STARTED", startTime: "x" }).getSession("u", "s"));
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.issues?.[0]).toMatch(/^sessionId: /);
  });
});

describe("Plugsurfing keys and fleets, read tolerantly", () => {
  it("the docs' user keys, plus one without a type and one without an id", async () => {
    const drops = dropsSince();
    const docs = fixture("user-charging-keys-response.txt") as { keys: unknown[] };
    const keys = await answer({
      keys: [...docs.keys, { keyId: "virt-1", enabled: true, color: "blue" }, { enabled: false }],
    }).listUserKeys("ourTestUser");
    expect(keys.map((k) => [k.keyId, k.type, k.enabled, k.contractId])).toEqual([
      ["27b89043", "RFID_TAG", true, "DE-8PS-C0CD0C002-Q"],
      ["virt-1", "VIRTUAL", true, undefined],
    ]);
    expect(drops()).toEqual([{ operation: "listUserKeys", path: "keys.2.keyId" }]);
  });

  it("the docs' fleet create, rename and invitation codes; a bad code is dropped", async () => {
    const drops = dropsSince();
    const { ps, requests } = adapter((r) => {
      if (r.url.pathname.endsWith("/invitation"))
        return json([...(fixture("emp-invitation-codes-response.txt") as unknown[]), { kode: "typo" }]);
      if (r.method === "PUT") return json(fixture("emp-rename-fleet-response.txt"));
      return json(fixture("emp-create-fleet-response.txt"), 201);
    });
    expect(await ps.createFleet({ fleetId: "acme-corp-001", fleetName: "Acme Corporation Fleet" })).toEqual({
      fleetId: "acme-corp-001",
      fleetName: "Acme Corporation Fleet",
    });
    expect(await ps.renameFleet("acme-corp-001", "Acme Industries Fleet")).toEqual({
      fleetId: "acme-corp-001",
      fleetName: "Acme Industries Fleet",
    });
    expect(await ps.listInvitationCodes("acme-corp-001")).toEqual([{ code: "FLEET2024ABC" }, { code: "FLEET2024XYZ" }]);
    expect(JSON.parse(requests[0].body ?? "")).toEqual(fixture("emp-create-fleet-request.txt"));
    expect(JSON.parse(requests[1].body ?? "")).toEqual(fixture("emp-rename-fleet-request.txt"));
    expect(drops()).toEqual([{ operation: "listInvitationCodes", path: "2.code" }]);
  });

  it("fleet keys: a bad key is dropped, the page and its cursor are kept", async () => {
    const drops = dropsSince();
    const page = await answer({
      keys: [
        { keyIdentifier: "04A1B2", visualNumber: 1234, enabled: true, newField: 1 },
        { keyIdentifier: "04A1B3", enabled: "yes" },
      ],
      cursor: "next-1",
    }).listFleetKeys("acme-corp-001", {});
    expect(page).toEqual({
      keys: [expect.objectContaining({ keyId: "04A1B2", visualNumber: "1234", enabled: true, type: "RFID_CARD" })],
      cursor: "next-1",
    });
    expect(drops()).toEqual([{ operation: "listFleetKeys", path: "keys.1.enabled" }]);
  });

  it("requests stay strict: the docs' create-user example (obfuscated email) is refused before sending", async () => {
    const { ps, requests } = adapter(() => new Response(null, { status: 201 }));
    const docs = fixture("create-user-request.txt") as { id: string; email: string };
    const error = await failure(ps.ensureUser(docs.id, docs.email));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(requests).toHaveLength(0);
  });
});
