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

const { createBookingAction } = await import("@/lib/actions/bookings");

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

  it("refuses a charge point that neither the provider nor the fleet lists, and stores nothing", async () => {
    const before = await db.booking.count({ where: { fleetId: fleet.fleetId } });
    const result = await createBookingAction(line("made-up-location", "made-up-evse", 52.52, 13.405));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.fieldErrors?.evseUid?.[0]).toMatch(/Search again and pick one/);
    expect(await db.booking.count({ where: { fleetId: fleet.fleetId } })).toBe(before);
  });
});
