// Completed bookings as costs (Petit Monde's session source): linked to the local booking's fleet and driver,
// VAT split, idempotent.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ProviderBooking } from "@/lib/domain";
import { toSessionRecord } from "@/lib/providers/petitmonde/transform";
import type { CompletedSessionsQuery } from "@/lib/providers/types";
import { syncSessionSource, type SessionSourceAdapter } from "./sync";

let fleetId: string;
let driverId: string;
let localBookingId: string;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Bookings cost org" } });
  fleetId = (
    await db.fleet.create({
      data: { organizationId: org.id, name: "Bookings fleet", plugsurfingFleetId: "bookings-fleet" },
    })
  ).id;
  driverId = (await db.user.create({ data: { email: "booker@test.local", name: "Booker", passwordHash: "x" } })).id;
  localBookingId = (
    await db.booking.create({
      data: {
        fleetId,
        provider: "PETITMONDE",
        providerBookingId: "pm-1",
        externalId: "ext-1",
        status: "CONFIRMED",
        locationId: "loc",
        evseUid: "evse",
        locationSnapshot: {},
        windowStart: new Date("2026-03-02T09:00:00Z"),
        windowEnd: new Date("2026-03-02T10:00:00Z"),
        tokenStrategy: "GROUP_TOKEN",
        assignedDriverId: driverId,
        createdById: driverId,
      },
    })
  ).id;
});

const listed: ProviderBooking[] = [
  {
    provider: "PETITMONDE",
    id: "pm-1",
    externalId: "ext-1",
    status: "COMPLETED",
    price: { amountMinor: 1875, currency: "EUR" },
    windowStart: "2026-03-02T09:00:00Z",
    windowEnd: "2026-03-02T10:00:00Z",
    city: "Berlin",
  },
  {
    provider: "PETITMONDE",
    id: "pm-2",
    status: "NO_SHOW",
    fee: { amountMinor: 500, currency: "EUR" },
    windowStart: "2026-03-03T09:00:00Z",
    windowEnd: "2026-03-03T10:00:00Z",
  },
  { provider: "PETITMONDE", id: "pm-3", status: "NO_SHOW", windowStart: "2026-03-04T09:00:00Z" },
];

describe("completed Petit Monde bookings", () => {
  it("become cost rows linked to the dashboard's booking, and no-show fees count; a rerun changes nothing", async () => {
    const asked: CompletedSessionsQuery[] = [];
    const source: SessionSourceAdapter = {
      name: "PETITMONDE",
      sessionScope: "account",
      completedSessions: async (query) => {
        asked.push(query);
        return { sessions: listed.flatMap((b) => toSessionRecord(b) ?? []) };
      },
    };
    expect((await syncSessionSource(db, source)).passes).toMatchObject([{ received: 2, changed: 2 }]);
    const rows = await db.chargingSession.findMany({
      where: { source: "PETITMONDE_BOOKING" },
      orderBy: { providerSessionId: "asc" },
    });
    expect(
      rows.map((r) => [
        r.providerSessionId,
        r.fleetId,
        r.driverId,
        r.bookingId,
        r.priceExclVatMinor,
        r.priceInclVatMinor,
      ]),
    ).toEqual([
      ["pm-1", fleetId, driverId, localBookingId, 1576, 1875],
      ["pm-2", null, null, null, 420, 500],
    ]);
    expect((await syncSessionSource(db, source)).passes).toMatchObject([{ received: 2, changed: 0 }]);
    // The second pull asks only from a day before the newest booking it has.
    expect(asked[1].since?.toISOString()).toBe("2026-03-02T09:00:00.000Z");
  });
});
