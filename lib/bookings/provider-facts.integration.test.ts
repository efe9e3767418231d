// What a booking stores about its charger comes from the provider, never from the browser: a tampered
// snapshot is replaced by the provider's facts, and a charge point nobody lists is refused in plain words.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { stopQueue } from "@/lib/jobs/queue";
import { searchBookableChargers } from "./chargers";
import { defaultBookingProviders } from "./providers";
import { createTestFleet, type TestFleet } from "./testing/fixtures";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { createBookingAction, retryBookingAction, createBatchAction } = await import("@/lib/actions/bookings");

let fleet: TestFleet;
const start = new Date(Date.now() + 26 * 60 * 60_000);
const end = new Date(start.getTime() + 60 * 60_000);

beforeAll(async () => {
  fleet = await createTestFleet("Facts fleet");
  session.user = {
    id: fleet.dispatcherId,
    email: "dispatcher@facts.test",
    name: "Dispatcher",
    memberships: [{ fleetId: fleet.fleetId, fleetName: "Facts fleet", role: "DISPATCHER" }],
  };
});

// A booking enqueues its follow-up jobs; the queue stops before this file's database is dropped.
afterAll(() => stopQueue());

function line(locationId: string, evseUid: string, latitude: number, longitude: number) {
  return {
    fleetId: fleet.fleetId,
    provider: "PETITMONDE" as const,
    locationId,
    evseUid,
    // The browser's claims: a name, a price and a position of its own making.
    charger: {
      name: "Injected name",
      latitude,
      longitude,
      timeZone: "Europe/Berlin",
      reservable: true,
      estimateMinor: 1,
    },
    windowStart: start.toISOString(),
    windowEnd: end.toISOString(),
    tokenStrategy: "GROUP_TOKEN" as const,
  };
}

describe("provider facts only", () => {
  it("stores the provider's name and price, not the browser's", async () => {
    const [location] = await searchBookableChargers(defaultBookingProviders(), {
      fleetId: fleet.fleetId,
      provider: "PETITMONDE",
      latitude: 52.52,
      longitude: 13.405,
      radiusKm: 10,
      window: { start, end },
    });
    const evse = location.evses.find((e) => e.charger.reservable)!;
    const result = await createBookingAction(
      line(location.locationId, evse.evseUid, evse.charger.latitude, evse.charger.longitude),
    );
    expect(result.ok).toBe(true);
    const booking = await db.booking.findFirstOrThrow({ where: { fleetId: fleet.fleetId, evseUid: evse.evseUid } });
    const snapshot = booking.locationSnapshot as { name: string };
    expect(snapshot.name).toBe(evse.charger.name);
    expect(snapshot.name).not.toBe("Injected name");
    expect(booking.priceMinor).not.toBe(1);
  });

  it("books again at another charge point with that one's facts from the provider", async () => {
    const locations = await searchBookableChargers(defaultBookingProviders(), {
      fleetId: fleet.fleetId,
      provider: "PETITMONDE",
      latitude: 52.52,
      longitude: 13.405,
      radiusKm: 10,
      window: { start, end },
    });
    // A location with two charge points free in the window: one to book, one to book again at.
    const location = locations.find((l) => l.evses.filter((e) => e.charger.reservable).length >= 2);
    if (!location) throw new Error("the sandbox has no location with two free charge points near Berlin");
    const [first, other] = location.evses.filter((e) => e.charger.reservable);
    const booked = await createBookingAction(
      line(location.locationId, first.evseUid, first.charger.latitude, first.charger.longitude),
    );
    expect(booked.ok).toBe(true);
    const failed = await db.booking.findFirstOrThrow({
      where: { fleetId: fleet.fleetId, evseUid: first.evseUid },
      orderBy: { createdAt: "desc" },
    });
    await db.booking.update({ where: { id: failed.id }, data: { status: "FAILED" } });
    const forged = line(location.locationId, other.evseUid, other.charger.latitude, other.charger.longitude);
    const retried = await retryBookingAction({
      fleetId: fleet.fleetId,
      bookingId: failed.id,
      locationId: location.locationId,
      evseUid: other.evseUid,
      charger: forged.charger,
    });
    expect(retried.ok).toBe(true);
    const again = await db.booking.findFirstOrThrow({ where: { fleetId: fleet.fleetId, evseUid: other.evseUid } });
    expect((again.locationSnapshot as { name: string }).name).toBe(other.charger.name);
    expect(again.priceMinor).not.toBe(1);

    const nowhere = await retryBookingAction({
      fleetId: fleet.fleetId,
      bookingId: failed.id,
      locationId: "made-up-location",
      evseUid: "made-up-evse",
      charger: forged.charger,
    });
    expect(!nowhere.ok && nowhere.error.fieldErrors?.evseUid?.[0]).toMatch(/Search again and pick one/);
  });

  it("stores each batch line with its provider's facts, and refuses the lines nobody lists beside them", async () => {
    const locations = await searchBookableChargers(defaultBookingProviders(), {
      fleetId: fleet.fleetId,
      provider: "PETITMONDE",
      latitude: 52.52,
      longitude: 13.405,
      radiusKm: 10,
      window: { start, end },
    });
    const evses = locations
      .flatMap((l) => l.evses.map((e) => ({ ...e, locationId: l.locationId })))
      .filter((e) => e.charger.reservable)
      .slice(0, 2);
    expect(evses).toHaveLength(2);
    const lines = evses.map((e) => {
      const { fleetId: _fleet, ...request } = line(e.locationId, e.evseUid, e.charger.latitude, e.charger.longitude);
      return request;
    });
    const batches = () => db.bookingBatch.count({ where: { fleetId: fleet.fleetId } });
    const before = await batches();
    const { fleetId: _f, ...made } = line("made-up-location", "made-up-evse", 52.52, 13.405);
    const refused = await createBatchAction({ fleetId: fleet.fleetId, items: [...lines, made] });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && Object.keys(refused.error.fieldErrors ?? {})).toEqual(["items.2.evseUid"]);
    expect(await batches()).toBe(before);

    const created = await createBatchAction({ fleetId: fleet.fleetId, items: lines });
    expect(created.ok).toBe(true);
    const items = await db.bookingBatchItem.findMany({
      where: { batch: { fleetId: fleet.fleetId } },
      orderBy: { position: "asc" },
    });
    expect(items.map((i) => (i.input as { charger: { name: string } }).charger.name)).toEqual(
      evses.map((e) => e.charger.name),
    );
  });

  it("refuses a charge point that neither the provider nor the fleet lists, and stores nothing", async () => {
    const before = await db.booking.count({ where: { fleetId: fleet.fleetId } });
    const result = await createBookingAction(line("made-up-location", "made-up-evse", 52.52, 13.405));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.fieldErrors?.evseUid?.[0]).toMatch(/Search again and pick one/);
    expect(await db.booking.count({ where: { fleetId: fleet.fleetId } })).toBe(before);
  });
});
