// DepotFinity behind the booking port: a reservation is a booking confirmed by its 201, a lost answer
// cannot be looked up, removal without an id goes through the request itself, and a finished window is
// judged by the documented transactions.
import { beforeEach, describe, expect, it } from "vitest";
import { inEnglish } from "@/lib/actions/errors";
import type { CreateBookingRequest } from "@/lib/domain";
import type { ProviderError } from "../errors";
import { fakeFetch, json, recordingSleep, type RecordedRequest } from "../testing/fake-fetch";
import type { OpenBookingRef } from "../types";
import { clearDepotTokenCache } from "./client";
import { DepotFinityAdapter } from ".";

const request: CreateBookingRequest = {
  externalId: "fleet-1",
  locationId: "CH-1",
  evseUid: "2",
  connectorId: "2",
  windowStart: new Date("2026-12-02T08:00:00Z"),
  windowEnd: new Date("2026-12-02T10:00:00Z"),
  token: { strategy: "RFID", rfidValue: "89C4704A" },
};

function adapter(handler: (r: RecordedRequest) => Response | Promise<Response>) {
  const fake = fakeFetch((r) =>
    r.url.pathname.endsWith("/oauth2/token")
      ? json({ access_token: "tok", expires_in: 3600, token_type: "bearer" })
      : handler(r),
  );
  const depot = new DepotFinityAdapter(
    {
      baseUrl: "http://127.0.0.1:1/df",
      authUrl: "http://127.0.0.1:1/auth/oauth2/token",
      clientId: "c",
      clientSecret: "s",
    },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5, retry: { maxAttempts: 1 } },
  );
  const calls = () => fake.requests.filter((r) => !r.url.pathname.endsWith("/oauth2/token"));
  return { depot, calls };
}

beforeEach(() => clearDepotTokenCache());

const ref = (end: string): OpenBookingRef => ({
  providerBookingId: "res-1",
  status: "CONFIRMED",
  createdAt: new Date("2026-12-01T07:00:00Z"),
  windowStart: new Date("2026-12-02T08:00:00Z"),
  windowEnd: new Date(end),
  locationId: "CH-1",
  evseUid: "2",
  connectorId: "2",
});

describe("DepotFinity booking port", () => {
  it("books with the documented reservation request and answers CONFIRMED with the reservation id", async () => {
    const { depot, calls } = adapter(() =>
      json({ ChargerReservationID: "f47ac10b", message: "Charger Reservation is successful." }, 201),
    );
    const booking = await depot.book(request);
    expect(booking).toMatchObject({ provider: "DEPOTFINITY", id: "f47ac10b", status: "CONFIRMED" });
    const [reserve] = calls();
    expect(reserve.url.pathname).toBe("/df/v1/reservations/chargers/CH-1/connectors/2");
    expect(JSON.parse(reserve.body!)).toEqual({
      ReservationStart: "2026-12-02T08:00:00.000Z",
      ReservationEnd: "2026-12-02T10:00:00.000Z",
      AuthorizationType: "RFID",
      AuthorizationValue: "89C4704A",
    });
  });

  it("refuses any token but an RFID value before calling", async () => {
    const { depot, calls } = adapter(() => json({}, 201));
    const error = (await depot.book({ ...request, token: { strategy: "AD_HOC" } }).catch((e) => e)) as ProviderError;
    expect(error.code).toBe("INVALID_REQUEST");
    expect(calls()).toHaveLength(0);
  });

  it("cannot look a lost reservation up: the finding is unknown, without a request", async () => {
    const { depot, calls } = adapter(() => json({}, 500));
    expect((await depot.investigate()).kind).toBe("unknown");
    expect(calls()).toHaveLength(0);
  });

  it("removes an unconfirmed reservation through the request itself: a 201 gives an id that is removed at once", async () => {
    const { depot, calls } = adapter((r) =>
      r.method === "DELETE"
        ? json({ code: 200, message: "Reservation is deleted successful." }, 201)
        : json({ ChargerReservationID: "probe-1", message: "ok" }, 201),
    );
    expect(await depot.release(request)).toEqual({ kind: "removed" });
    expect(calls().map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "POST /df/v1/reservations/chargers/CH-1/connectors/2",
      "DELETE /df/v1/reservations/probe-1",
    ]);
  });

  it("says so when the slot is held and cannot be removed without the reservation's id", async () => {
    const { depot } = adapter(() => json({ errors: [{ status: "409", title: "Conflict" }] }, 409));
    const outcome = await depot.release(request);
    expect(outcome.kind).toBe("held");
    expect(outcome.kind === "held" && inEnglish(outcome.message)).toMatch(/portal/);
  });

  it("judges a finished reservation by the transactions in its window: charged → COMPLETED, none → NO_SHOW", async () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const charged = adapter(() =>
      json({
        data: [
          {
            id: "tx-1",
            type: "transaction",
            attributes: {
              ChargerId: "CH-1",
              ConnectorId: "2",
              StartTime: "2026-12-02T08:20:00Z",
              StopTime: "2026-12-02T09:10:00Z",
            },
          },
        ],
      }),
    );
    const done = await charged.depot.refresh([ref("2026-12-02T10:00:00Z")], { now });
    expect(done.reports.get("res-1")?.status).toBe("COMPLETED");
    expect(done.requests).toBe(1);
    const query = Object.fromEntries(charged.calls()[0].url.searchParams);
    expect(query).toMatchObject({ chargerId: "CH-1", connectorId: "2" });

    const empty = adapter(() => json({ data: [] }));
    expect((await empty.depot.refresh([ref("2026-12-02T10:00:00Z")], { now })).reports.get("res-1")?.status).toBe(
      "NO_SHOW",
    );
  });

  it("leaves reservations alone while their window runs, and right after it ends", async () => {
    const { depot, calls } = adapter(() => json({ data: [] }));
    const result = await depot.refresh([ref("2026-12-02T11:55:00Z")], { now: new Date("2026-12-02T12:00:00Z") });
    expect(result.reports.size).toBe(0);
    expect(calls()).toHaveLength(0);
  });
});
