// Contract tests: every Petit Monde operation against the sandbox, success and documented errors.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { BookingToken, ChargingLocation, CreateBookingRequest } from "@/lib/domain";
import { ProviderError } from "../errors";
import { sandboxAdmin, sandboxProviders } from "../testing/sandbox";

const pm = sandboxProviders().get("PETITMONDE");
const MUNICH = { latitude: 48.1351, longitude: 11.582 };
const HOUR = 3_600_000;

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

// A window a few days ahead, at a random hour so that test files sharing the sandbox do not collide.
const windowStart = new Date(Math.ceil((Date.now() + (3 * 24 + Math.floor(Math.random() * 48)) * HOUR) / HOUR) * HOUR);
const windowEnd = new Date(windowStart.getTime() + HOUR);
let slots: Array<{ location: ChargingLocation; evseUid: string }> = [];
let nextSlot = 0;

function request(token: BookingToken, overrides: Partial<CreateBookingRequest> = {}): CreateBookingRequest {
  const slot = slots[nextSlot++];
  if (!slot) throw new Error("ran out of reservable EVSEs");
  return {
    externalId: `contract-${randomUUID()}`,
    locationId: slot.location.id,
    evseUid: slot.evseUid,
    windowStart,
    windowEnd,
    token,
    ...overrides,
  };
}

beforeAll(async () => {
  const found = await pm.search({
    ...MUNICH,
    radiusM: 30_000,
    limit: 500,
    reservableOnly: true,
    window: { start: windowStart, end: windowEnd },
  });
  slots = found.flatMap((location) =>
    location.evses.filter((e) => e.capabilities.includes("RESERVABLE")).map((e) => ({ location, evseUid: e.uid })),
  );
  expect(slots.length).toBeGreaterThan(10);
});

describe("Petit Monde search", () => {
  it("returns locations sorted by distance with coordinates, cents and OCPI connectors", async () => {
    const results = await pm.search({ ...MUNICH, radiusM: 25_000, limit: 50 });
    expect(results.length).toBeGreaterThan(0);
    const distances = results.map((l) => l.distanceM ?? Number.NaN);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    for (const l of results) {
      expect(l.provider).toBe("PETITMONDE");
      expect(l.distanceM).toBeLessThanOrEqual(25_000);
      expect(Number.isInteger(l.price?.sessionEstimate?.amountMinor)).toBe(true);
      expect(l.price?.sessionEstimate?.currency).toBe("EUR");
      expect(l.timeZone).toBe("Europe/Berlin");
    }
  });

  it("filters by connector type and minimum power", async () => {
    const results = await pm.search({
      ...MUNICH,
      radiusM: 25_000,
      connectorStandards: ["IEC_62196_T2_COMBO"],
      minPowerKw: 50,
    });
    expect(results.length).toBeGreaterThan(0);
    for (const l of results) {
      expect(
        l.evses.some((e) => e.connectors.some((c) => c.standard === "IEC_62196_T2_COMBO" && c.powerKw >= 50)),
      ).toBe(true);
    }
  });

  it("keeps only reservable locations for a window", () => {
    expect(slots.every((s) => s.location.supportsReservation)).toBe(true);
  });

  it("reports an invalid latitude as INVALID_REQUEST with Petit Monde's message", async () => {
    const error = await failure(pm.search({ latitude: 95, longitude: 11, radiusM: 1_000 }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.detail).toMatch(/latitude/i);
  });
});

describe("Petit Monde bookings", () => {
  it("books with each token strategy (202 REQUESTED) and reads the booking back", async () => {
    for (const token of [
      { strategy: "DRIVER_TOKEN", customerId: "cust_abc123" },
      { strategy: "GROUP_TOKEN", fleetGroupId: `group-${randomUUID().slice(0, 8)}` },
      { strategy: "AD_HOC" },
    ] as BookingToken[]) {
      const req = request(token);
      const booking = await pm.createBooking(req);
      expect(booking).toMatchObject({
        provider: "PETITMONDE",
        externalId: req.externalId,
        status: "REQUESTED",
        evseUid: req.evseUid,
      });
      expect(booking.id).toMatch(/^[0-9a-f-]{36}$/);
      const read = await pm.getBooking(booking.id);
      expect(read.id).toBe(booking.id);
      expect(["REQUESTED", "PENDING", "CONFIRMED"]).toContain(read.status);
      expect(read.windowStart).toBe(req.windowStart.toISOString());
      expect(Number.isInteger(read.estimatedPrice?.amountMinor)).toBe(true);
    }
  });

  it("resolves a repeated external_id to the existing booking instead of booking twice", async () => {
    const req = request({ strategy: "AD_HOC" });
    const first = await pm.createBooking(req);
    const second = await pm.createBooking({ ...req });
    expect(second.id).toBe(first.id);
    const listed = (await pm.listBookings({ limit: 1000 })).filter((b) => b.externalId === req.externalId);
    expect(listed).toHaveLength(1);
    expect(await pm.findBookingByExternalId(req.externalId)).toMatchObject({ id: first.id });
    expect(await pm.findBookingByExternalId(`missing-${randomUUID()}`)).toBeNull();
  });

  it("409 when the EVSE is taken for the window", async () => {
    const req = request({ strategy: "AD_HOC" });
    await pm.createBooking(req);
    const error = await failure(pm.createBooking({ ...req, externalId: `contract-${randomUUID()}` }));
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.existingId).toBeUndefined();
    expect(error.userMessage).toMatch(/not available/);
  });

  it("400 for a window less than 15 minutes ahead; 404 for an unknown location", async () => {
    const soon = new Date(Date.now() + 5 * 60_000);
    const early = await failure(
      pm.createBooking({
        ...request({ strategy: "AD_HOC" }),
        windowStart: soon,
        windowEnd: new Date(soon.getTime() + HOUR),
      }),
    );
    expect(early.code).toBe("INVALID_REQUEST");
    expect(early.detail).toMatch(/15 minutes/);
    const unknown = await failure(pm.createBooking({ ...request({ strategy: "AD_HOC" }), locationId: "DE-XXX-NOPE" }));
    expect(unknown.code).toBe("NOT_FOUND");
  });

  it("400 with a plain message when a fleet group's spending limit would be exceeded", async () => {
    const fleetGroupId = `group-${randomUUID().slice(0, 8)}`;
    await sandboxAdmin("PUT", `/petitmonde/fleet-groups/${fleetGroupId}`, { perSessionLimitEur: 0.01 });
    const error = await failure(pm.createBooking(request({ strategy: "GROUP_TOKEN", fleetGroupId })));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.userMessage).toBe("The fleet group's spending limit would be exceeded.");
  });

  it("refuses a Petit Monde booking with a raw RFID token before sending", async () => {
    const error = await failure(pm.createBooking(request({ strategy: "RFID", rfidValue: "89C4704A" })));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.status).toBeUndefined();
  });

  it("lists with status filters and offset paging", async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await pm.createBooking(request({ strategy: "AD_HOC" })));
    const requested = await pm.listBookings({ status: ["REQUESTED", "PENDING"] });
    expect(requested.length).toBeGreaterThanOrEqual(3);
    expect(requested.every((b) => b.status === "REQUESTED" || b.status === "PENDING")).toBe(true);
    const all = await pm.listBookings({});
    const paged = await pm.listBookings({ limit: 2 });
    expect(paged).toHaveLength(2);
    expect(all.length).toBeGreaterThanOrEqual(made.length);
    expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
    expect(await pm.listBookings({ status: ["FAILED"] })).toEqual([]);
  });

  it("cancels a booking; cancelling again is a 400 in plain words; unknown booking → NOT_FOUND", async () => {
    const booking = await pm.createBooking(request({ strategy: "AD_HOC" }));
    const cancelled = await pm.cancelBooking(booking.id, "driver changed plans");
    expect(cancelled.status).toBe("CANCELLED");
    const again = await failure(pm.cancelBooking(booking.id, "again"));
    expect(again.code).toBe("INVALID_REQUEST");
    expect(again.userMessage).toBe("This booking can no longer be cancelled.");
    expect((await failure(pm.getBooking(randomUUID()))).code).toBe("NOT_FOUND");
  });

  it("reports forced lifecycle states (NO_SHOW with its fee in cents)", async () => {
    const booking = await pm.createBooking(request({ strategy: "AD_HOC" }));
    await sandboxAdmin("POST", `/petitmonde/bookings/${booking.id}/status`, { status: "NO_SHOW", noShowFeeEur: 7.5 });
    const read = await pm.getBooking(booking.id);
    expect(read.status).toBe("NO_SHOW");
    expect(read.fee).toEqual({ amountMinor: 750, currency: "EUR" });
  });
});

describe("Petit Monde usage", () => {
  it("reports the quota", async () => {
    const usage = await pm.usage();
    expect(usage.month_limit).toBe(10_000);
    expect(usage.minute_limit).toBe(100);
    expect(usage.month_used).toBeGreaterThan(0);
    expect(Date.parse(usage.reset_at ?? "")).toBeGreaterThan(Date.now());
  });
});
