import { describe, expect, it } from "vitest";
import type { CreateBookingRequest } from "@/lib/domain";
import { ProviderError } from "../errors";
import { fakeFetch, json, networkError, recordingSleep, type RecordedRequest } from "../testing/fake-fetch";
import { PetitMondeAdapter } from ".";

const request: CreateBookingRequest = {
  externalId: "ext-1",
  locationId: "DE-ENB-E123456",
  evseUid: "DE*ENB*E123456*1",
  windowStart: new Date("2026-12-01T10:00:00Z"),
  windowEnd: new Date("2026-12-01T11:00:00Z"),
  token: { strategy: "DRIVER_TOKEN", customerId: "cust_abc123" },
};
const booking = { id: "b-1", external_id: "ext-1", status: "REQUESTED", client_price: null, estimated_price: 18.75 };

function adapter(handler: (r: RecordedRequest, i: number) => Response | Promise<Response>) {
  const fake = fakeFetch(handler);
  const pm = new PetitMondeAdapter(
    { baseUrl: "http://127.0.0.1:1/api/v1/client", apiKey: "pm-secret-key" },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5 },
  );
  return { pm, requests: fake.requests };
}

const isCreate = (r: RecordedRequest) => r.method === "POST" && r.url.pathname.endsWith("/bookings");
const isLookup = (r: RecordedRequest) => r.method === "GET" && r.url.searchParams.get("external_id") === "ext-1";

describe("PetitMondeAdapter.createBooking exactly once", () => {
  it("sends the documented body once on success", async () => {
    const { pm, requests } = adapter(() => json(booking, 202));
    const result = await pm.createBooking(request);
    expect(result).toMatchObject({
      id: "b-1",
      status: "REQUESTED",
      estimatedPrice: { amountMinor: 1875, currency: "EUR" },
    });
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0].body!)).toEqual({
      location_id: "DE-ENB-E123456",
      evse_uid: "DE*ENB*E123456*1",
      reservation_start: "2026-12-01T10:00:00Z",
      reservation_end: "2026-12-01T11:00:00Z",
      external_id: "ext-1",
      token_strategy: "driver_token",
      customer_id: "cust_abc123",
    });
  });

  it("after a 5xx, finds the booking by external_id instead of posting again", async () => {
    const { pm, requests } = adapter((r) =>
      isCreate(r) ? json({ error: "Internal server error" }, 502) : json({ bookings: [booking] }),
    );
    expect((await pm.createBooking(request)).id).toBe("b-1");
    expect(requests.filter(isCreate)).toHaveLength(1);
    expect(requests.filter(isLookup)).toHaveLength(1);
  });

  it("after a reset with nothing listed, posts again; a 409 already-exists resolves to that booking", async () => {
    let posts = 0;
    const { pm, requests } = adapter((r) => {
      if (isCreate(r)) {
        posts++;
        if (posts === 1) throw networkError("ECONNRESET");
        return json({ error: "Booking with external_id ext-1 already exists", booking_id: "b-1" }, 409);
      }
      if (isLookup(r)) return json({ bookings: [] });
      return json({ ...booking, cpo_reservation_id: null }); // GET /bookings/b-1
    });
    const result = await pm.createBooking(request);
    expect(result.id).toBe("b-1");
    expect(posts).toBe(2);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "POST /api/v1/client/bookings",
      "GET /api/v1/client/bookings",
      "POST /api/v1/client/bookings",
      "GET /api/v1/client/bookings/b-1",
    ]);
  });

  it("a garbled 202 body is treated as unknown and resolved by the lookup", async () => {
    const { pm, requests } = adapter((r) =>
      isCreate(r) ? new Response('{"id":"b-1","sta{"', { status: 202 }) : json({ bookings: [booking] }),
    );
    expect((await pm.createBooking(request)).id).toBe("b-1");
    expect(requests.filter(isCreate)).toHaveLength(1);
  });

  it("ignores a lookup answer for another external_id (a filter the provider might ignore)", async () => {
    let posts = 0;
    const { pm } = adapter((r) => {
      if (isCreate(r)) return ++posts === 1 ? json({ error: "Internal server error" }, 500) : json(booking, 202);
      return json({ bookings: [{ ...booking, id: "other", external_id: "someone-else" }] });
    });
    expect((await pm.createBooking(request)).id).toBe("b-1");
    expect(posts).toBe(2);
  });

  it("throws OUTCOME_UNKNOWN (retryable) when the lookup also fails, without posting again", async () => {
    const { pm, requests } = adapter(() => json({ error: "Internal server error" }, 503));
    const error = await pm.createBooking(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe("OUTCOME_UNKNOWN");
    expect((error as ProviderError).retryable).toBe(true);
    expect(requests.filter(isCreate)).toHaveLength(1);
  });

  it("a 409 'not available' after an unknown outcome checks whether the slot is ours", async () => {
    let posts = 0;
    let lookups = 0;
    const { pm } = adapter((r) => {
      if (isCreate(r))
        return ++posts === 1
          ? json({ error: "Internal server error" }, 500)
          : json({ error: "EVSE not available for the requested window" }, 409);
      return json({ bookings: ++lookups === 1 ? [] : [booking] }); // listed only by the time of the second lookup
    });
    expect((await pm.createBooking(request)).id).toBe("b-1");
    expect(posts).toBe(2);
  });

  it("passes definite refusals straight to the caller", async () => {
    const { pm, requests } = adapter(() => json({ error: "EVSE not available for the requested window" }, 409));
    const error = (await pm.createBooking(request).catch((e: unknown) => e)) as ProviderError;
    expect(error.code).toBe("CONFLICT");
    expect(error.retryable).toBe(false);
    expect(requests).toHaveLength(1);
  });
});
