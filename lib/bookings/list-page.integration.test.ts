// The bookings list's pages in PostgreSQL: later and earlier windows by cursor, through equal window starts, with
// the list's filters, and back to the first page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listFleetBookings, listFleetBookingsPage } from "./records";

let fleetId: string;
const COUNT = 23;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Paging org" } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Paging", plugsurfingFleetId: "paging-fleet" } })
  ).id;
  const ada = await db.user.create({ data: { email: "ada@paging.test", name: "Ada", passwordHash: "x" } });
  // Two bookings an hour: pages end inside a pair of equal window starts.
  await db.booking.createMany({
    data: Array.from({ length: COUNT }, (_, i) => {
      const windowStart = new Date(Date.UTC(2026, 5, 1) + Math.floor(i / 2) * 3_600_000);
      return {
        id: `bk-${String(i).padStart(3, "0")}`,
        fleetId,
        provider: "PETITMONDE" as const,
        providerBookingId: `pb-${i}`,
        externalId: `ext-${i}`,
        status: i % 3 ? ("CONFIRMED" as const) : ("CANCELLED" as const),
        locationId: "loc",
        evseUid: "evse",
        locationSnapshot: { name: "Charger", address: "Street 1", timeZone: "Europe/Berlin" },
        windowStart,
        windowEnd: new Date(windowStart.getTime() + 3_600_000),
        tokenStrategy: "DRIVER_TOKEN" as const,
        createdById: ada.id,
        priceMinor: 500,
        currency: "EUR",
      };
    }),
  });
});

const ids = (page: { bookings: Array<{ id: string }> }) => page.bookings.map((b) => b.id);

describe("listFleetBookingsPage", () => {
  it("pages through every booking by cursor, in the list's order, and back", async () => {
    const all = (await listFleetBookings(fleetId, {}, 1000)).map((b) => b.id);
    expect(all).toHaveLength(COUNT);
    const first = await listFleetBookingsPage(fleetId, {}, 5);
    expect(first.newer).toBeNull();
    const pages = [first];
    while (pages.at(-1)!.older) pages.push(await listFleetBookingsPage(fleetId, { before: pages.at(-1)!.older! }, 5));
    expect(pages.map((p) => p.bookings.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flatMap(ids)).toEqual(all);
    // Later windows from the last page: the pages seen on the way, then the first with no cursor left.
    const back = await listFleetBookingsPage(fleetId, { after: pages[4].newer! }, 5);
    expect([ids(back), back.older]).toEqual([ids(pages[3]), pages[3].older]);
    const top = await listFleetBookingsPage(fleetId, { after: pages[1].newer! }, 5);
    expect([ids(top), top.newer]).toEqual([ids(first), null]);
  });

  it("keeps the filters on every page, and reads a cursor that is no cursor as none", async () => {
    const cancelled = (await listFleetBookings(fleetId, { status: "CANCELLED" }, 1000)).map((b) => b.id);
    const one = await listFleetBookingsPage(fleetId, { status: "CANCELLED" }, 4);
    const two = await listFleetBookingsPage(fleetId, { status: "CANCELLED", before: one.older! }, 4);
    expect([...ids(one), ...ids(two)]).toEqual(cancelled);
    expect(two.older).toBeNull();
    const firstPage = ids(await listFleetBookingsPage(fleetId, {}, 4));
    for (const before of ["x", "_bk", "2026-06-01T00:00:00.000Z_", "soon_bk-001", "+275760-09-13T00:00:00.000Z_bk"]) {
      expect(ids(await listFleetBookingsPage(fleetId, { before }, 4))).toEqual(firstPage);
    }
  });
});
