// Petit Monde through the real adapter, against the sandbox and against a server built from the docs alone.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { BookingToken, CreateBookingRequest } from "@/lib/domain";
import { ProviderError } from "@/lib/providers/errors";
import { PetitMondeAdapter } from "@/lib/providers/petitmonde";
import { contractTargets, petitMondeRaw, type ContractTarget } from "./targets";

const targets = await contractTargets();
const MUNICH = { latitude: 48.1351, longitude: 11.582 };
const HOUR = 3_600_000;
const OPEN = ["REQUESTED", "PENDING", "CONFIRMED"];

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

interface RawSearch {
  total?: number;
  results: Array<{
    location_id: string;
    distance_km: number;
    supports_reservation: boolean;
    evses: Array<{ evse_uid: string; status: string; capabilities?: string[] }>;
    pricing?: { estimated_price?: number };
  }>;
}

async function rawSearch(target: ContractTarget, query: string): Promise<RawSearch> {
  const response = await petitMondeRaw(target.config, `/search?${query}`);
  expect(response.status).toBe(200);
  return response.json as RawSearch;
}

/** Windows a few days ahead, at a random hour, two hours apart, so that windows never overlap. */
function windows() {
  let next = Math.ceil((Date.now() + (3 * 24 + Math.floor(Math.random() * 96)) * HOUR) / HOUR) * HOUR;
  return () => {
    const start = new Date(next);
    next += 2 * HOUR;
    return { start, end: new Date(start.getTime() + HOUR) };
  };
}

describe.each(targets)("Petit Monde against the $name", (target) => {
  const pm = target.providers().get("PETITMONDE");
  const nextWindow = windows();
  /** EVSEs the server called reservable for a window, each handed out once. */
  let slots: Array<{ locationId: string; evseUid: string; start: Date; end: Date }> = [];

  /** A booking request for an EVSE the server says is reservable in its window. */
  async function bookable(token: BookingToken): Promise<CreateBookingRequest> {
    for (let tries = 0; slots.length === 0 && tries < 5; tries++) {
      const { start, end } = nextWindow();
      const found = await rawSearch(
        target,
        `lat=${MUNICH.latitude}&lng=${MUNICH.longitude}&radius=30&start_time=${start.toISOString()}&end_time=${end.toISOString()}`,
      );
      slots = found.results
        .filter((r) => r.supports_reservation)
        .flatMap((r) =>
          r.evses
            .filter((e) => e.status === "AVAILABLE" && (!e.capabilities || e.capabilities.includes("RESERVABLE")))
            .map((e) => ({ locationId: r.location_id, evseUid: e.evse_uid, start, end })),
        );
    }
    const slot = slots.shift();
    if (!slot) throw new Error("no reservable EVSE found");
    return {
      externalId: `contract-${randomUUID()}`,
      locationId: slot.locationId,
      evseUid: slot.evseUid,
      windowStart: slot.start,
      windowEnd: slot.end,
      token,
    };
  }

  describe("search", () => {
    it("keeps every result the server returned, in distance order, with metres, cents and EVSE statuses", async () => {
      const wire = await rawSearch(target, `lat=${MUNICH.latitude}&lng=${MUNICH.longitude}&radius=25`);
      const results = await pm.search({ ...MUNICH, radiusM: 25_000 });
      expect(wire.results.length).toBeGreaterThan(0);
      expect(results.map((l) => l.id)).toEqual(wire.results.map((r) => r.location_id));
      results.forEach((location, i) => {
        const w = wire.results[i];
        expect(location.provider).toBe("PETITMONDE");
        expect(location.distanceM).toBe(Math.round(w.distance_km * 1000));
        expect(location.supportsReservation).toBe(w.supports_reservation);
        expect(location.price?.sessionEstimate).toEqual({
          amountMinor: Math.round(w.pricing!.estimated_price! * 100),
          currency: "EUR",
        });
        expect(location.timeZone).toBe("Europe/Berlin");
        expect(location.evses.map((e) => e.uid)).toEqual(w.evses.map((e) => e.evse_uid));
        for (const e of location.evses) expect(e.connectors.every((c) => c.id !== "")).toBe(true);
      });
      const distances = results.map((l) => l.distanceM ?? Number.NaN);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    });

    it("passes connector type and minimum power to the server and keeps what it found", async () => {
      const wire = await rawSearch(
        target,
        `lat=${MUNICH.latitude}&lng=${MUNICH.longitude}&radius=25&connector_type=IEC_62196_T2_COMBO&power_min=50`,
      );
      const results = await pm.search({
        ...MUNICH,
        radiusM: 25_000,
        connectorStandards: ["IEC_62196_T2_COMBO"],
        minPowerKw: 50,
      });
      expect(wire.results.length).toBeGreaterThan(0);
      expect(results.map((l) => l.id)).toEqual(wire.results.map((r) => r.location_id));
    });

    it("keeps only locations reservable in a window (start_time, end_time)", async () => {
      const { start, end } = nextWindow();
      const results = await pm.search({ ...MUNICH, radiusM: 30_000, window: { start, end } });
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((l) => l.supportsReservation)).toBe(true);
    });

    it("reports an invalid latitude as INVALID_REQUEST with Petit Monde's message", async () => {
      const error = await failure(pm.search({ latitude: 95, longitude: 11, radiusM: 1_000 }));
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.status).toBe(400);
      expect(error.detail).toMatch(/latitude/i);
    });

    it("answers every request with X-RateLimit-Limit, -Remaining and -Reset (ISO 8601)", async () => {
      const response = await petitMondeRaw(target.config, `/search?lat=${MUNICH.latitude}&lng=${MUNICH.longitude}`);
      expect(Number(response.headers.get("x-ratelimit-limit"))).toBe(100);
      expect(Number.isInteger(Number(response.headers.get("x-ratelimit-remaining")))).toBe(true);
      expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });
  });

  describe("bookings", () => {
    it("books with driver_token, group_token and ad_hoc (202 REQUESTED) and reads each back", async () => {
      for (const token of [
        { strategy: "DRIVER_TOKEN", customerId: "cust_abc123" },
        { strategy: "GROUP_TOKEN", fleetGroupId: "group_delivery_team" },
        { strategy: "AD_HOC" },
      ] as BookingToken[]) {
        const req = await bookable(token);
        const booking = await pm.createBooking(req);
        expect(booking.provider).toBe("PETITMONDE");
        expect(booking.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(booking.status).toBe("REQUESTED");

        const read = await pm.getBooking(booking.id);
        expect(read.id).toBe(booking.id);
        expect(OPEN).toContain(read.status);
        expect(Date.parse(read.statusUpdatedAt ?? "")).not.toBeNaN();
        const wire = (await petitMondeRaw(target.config, `/bookings/${booking.id}`)).json as {
          client_price: number | null;
        };
        if (wire.client_price == null) expect(read.price).toBeUndefined();
        else expect(read.price).toEqual({ amountMinor: Math.round(wire.client_price * 100), currency: "EUR" });
      }
    });

    it("409 when the EVSE is already booked for the window", async () => {
      const req = await bookable({ strategy: "AD_HOC" });
      await pm.createBooking(req);
      const error = await failure(pm.createBooking({ ...req, externalId: `contract-${randomUUID()}` }));
      expect(error.code).toBe("CONFLICT");
      expect(error.status).toBe(409);
      expect(error.userMessage).toMatch(/not available/);
    });

    it("400 for a window less than 15 minutes ahead; 404 for an unknown location", async () => {
      const req = await bookable({ strategy: "AD_HOC" });
      const soon = new Date(Date.now() + 5 * 60_000);
      const early = await failure(
        pm.createBooking({ ...req, windowStart: soon, windowEnd: new Date(soon.getTime() + HOUR) }),
      );
      expect(early.code).toBe("INVALID_REQUEST");
      expect(early.status).toBe(400);
      const unknown = await failure(pm.createBooking({ ...req, locationId: "DE-XXX-NOPE" }));
      expect(unknown.code).toBe("NOT_FOUND");
      expect(unknown.status).toBe(404);
    });

    it("400 'Fleet group spending limit exceeded' when a group_token booking is over the group's limit", async () => {
      const fleetGroupId = `group-${randomUUID().slice(0, 8)}`;
      await target.petitMonde.setFleetGroupLimit(fleetGroupId, 0.01);
      const error = await failure(pm.createBooking(await bookable({ strategy: "GROUP_TOKEN", fleetGroupId })));
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.status).toBe(400);
      expect(error.userMessage).toBe("The fleet group's spending limit would be exceeded.");
    });

    it("lists bookings with a status filter, with external_id, city, created_at and price in cents", async () => {
      const made = [];
      for (let i = 0; i < 2; i++) {
        const req = await bookable({ strategy: "AD_HOC" });
        made.push({ req, booking: await pm.createBooking(req) });
      }
      const open = await pm.listBookings({ status: ["REQUESTED", "PENDING", "CONFIRMED"] });
      expect(open.every((b) => OPEN.includes(b.status))).toBe(true);
      for (const { req, booking } of made) {
        const listed = open.find((b) => b.id === booking.id);
        expect(listed).toBeDefined();
        expect(listed!.externalId).toBe(req.externalId);
        expect(listed!.city).toEqual(expect.any(String));
        expect(Date.parse(listed!.createdAt ?? "")).not.toBeNaN();
        if (listed!.price) expect(Number.isInteger(listed!.price.amountMinor)).toBe(true);
      }
      const all = await pm.listBookings({});
      expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
      for (const { booking } of made) expect(all.some((b) => b.id === booking.id)).toBe(true);
      expect(await pm.findBookingByExternalId(made[1].req.externalId)).toMatchObject({ id: made[1].booking.id });
    });

    it("cancels a REQUESTED booking (200, CANCELLED); the booking then reads CANCELLED", async () => {
      const booking = await pm.createBooking(await bookable({ strategy: "AD_HOC" }));
      const cancelled = await pm.cancelBooking(booking.id, "driver changed plans");
      expect(cancelled.id).toBe(booking.id);
      expect(cancelled.status).toBe("CANCELLED");
      expect((await pm.getBooking(booking.id)).status).toBe("CANCELLED");
    });

    it("cancels a CONFIRMED booking too (the fee, if any, is the operator's)", async () => {
      const booking = await pm.createBooking(await bookable({ strategy: "AD_HOC" }));
      await target.petitMonde.setBookingStatus(booking.id, "CONFIRMED");
      const cancelled = await pm.cancelBooking(booking.id, "plans changed");
      expect(cancelled.status).toBe("CANCELLED");
      if (cancelled.fee) expect(Number.isInteger(cancelled.fee.amountMinor)).toBe(true);
    });

    it("finds a booking by its external_id among more than ten newer ones", async () => {
      const oldest = await bookable({ strategy: "AD_HOC" });
      const booked = await pm.createBooking(oldest);
      for (let i = 0; i < 11; i++) await pm.createBooking(await bookable({ strategy: "AD_HOC" }));
      expect(await pm.findBookingByExternalId(oldest.externalId)).toMatchObject({ id: booked.id });
      expect(await pm.findBookingByExternalId(`missing-${randomUUID()}`)).toBeNull();
    });

    it("refuses to cancel a COMPLETED booking with a 400 in plain words; an unknown booking is NOT_FOUND", async () => {
      const booking = await pm.createBooking(await bookable({ strategy: "AD_HOC" }));
      await target.petitMonde.setBookingStatus(booking.id, "COMPLETED");
      expect((await pm.getBooking(booking.id)).status).toBe("COMPLETED");
      const error = await failure(pm.cancelBooking(booking.id, "too late"));
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.status).toBe(400);
      expect(error.userMessage).toBe("This booking can no longer be cancelled.");
      expect((await failure(pm.getBooking(randomUUID()))).code).toBe("NOT_FOUND");
    });
  });

  describe("auth", () => {
    it("accepts the key as X-API-Key or as a Bearer token; a wrong key is UNAUTHORIZED (401)", async () => {
      const { baseUrl, apiKey } = target.config.petitMonde;
      for (const authScheme of ["x-api-key", "bearer"] as const) {
        const bookings = await new PetitMondeAdapter({ baseUrl, apiKey, authScheme }).listBookings({ limit: 1 });
        expect(bookings.length).toBeLessThanOrEqual(1);
      }
      const wrong = new PetitMondeAdapter({ baseUrl, apiKey: "wrong-key-0123456789" });
      const error = await failure(wrong.listBookings({ limit: 1 }));
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.status).toBe(401);
      expect(JSON.stringify(error) + error.message).not.toContain("wrong-key-0123456789");
    });
  });

  describe("limits", () => {
    it("reports the per-minute quota", async () => {
      const usage = await pm.usage();
      expect(usage.minute_limit).toBe(100);
      expect(usage.minute_remaining).toBeGreaterThanOrEqual(0);
      expect(usage.minute_remaining).toBeLessThanOrEqual(100);
    });

    it("waits out a 429 for its Retry-After seconds, then succeeds", async () => {
      const retryAfter: Array<string | null> = [];
      const waits: number[] = [];
      const adapter = new PetitMondeAdapter(
        { baseUrl: target.config.petitMonde.baseUrl, apiKey: target.config.petitMonde.apiKey },
        {
          fetch: (async (input: string | URL | Request, init?: RequestInit) => {
            const response = await fetch(input, init);
            if (response.status === 429) retryAfter.push(response.headers.get("retry-after"));
            return response;
          }) as typeof fetch,
          sleep: async (ms) => {
            waits.push(ms);
            target.petitMonde.letTimePass(ms);
          },
        },
      );
      await target.petitMonde.provokeRateLimit();
      try {
        const bookings = await adapter.listBookings({ limit: 5 });
        expect(Array.isArray(bookings)).toBe(true);
      } finally {
        await target.petitMonde.clearRateLimit();
      }
      expect(retryAfter).toHaveLength(1);
      const seconds = Number(retryAfter[0]);
      expect(seconds).toBeGreaterThan(0);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThanOrEqual(seconds * 1000);
      expect(waits[0]).toBeLessThanOrEqual(seconds * 1000 + 100);
    });
  });
});
