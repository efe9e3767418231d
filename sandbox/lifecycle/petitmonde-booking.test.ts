import { describe, expect, it } from "vitest";
import { OPERATORS, type Operator } from "../network/geography";
import type { PetitMondeBooking } from "../state";
import { bookingSnapshot, bookingTimeline, NO_SHOW_GRACE_MS } from "./petitmonde-booking";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 21, 8, 0);
const reliable: Operator = { ...OPERATORS[0], expireShare: 0, noShowFeeEur: 10 };
const silent: Operator = { ...OPERATORS[0], expireShare: 1 };

function booking(id: string, overrides: Partial<PetitMondeBooking> = {}): PetitMondeBooking {
  return {
    id,
    externalId: `ext-${id}`,
    locationId: "DE-ENB-E1000001",
    evseUid: "DE*ENB*E1000001*1",
    reservationStart: T0 + 60 * MINUTE,
    reservationEnd: T0 + 180 * MINUTE,
    createdAt: T0,
    tokenStrategy: "ad_hoc",
    estimatedPriceEur: 20,
    cpoReservationId: "ENB-R1",
    ...overrides,
  };
}

const price = () => 18.75;

describe("Petit Monde booking lifecycle", () => {
  it("walks REQUESTED → PENDING → CONFIRMED within seconds, then ATTENDING and COMPLETED around the window", () => {
    // Find a booking id that this operator honours and the driver attends (deterministic per id).
    const b = Array.from({ length: 50 }, (_, i) => booking(`b${i}`)).find((x) => !bookingTimeline(x, reliable).noShow)!;
    const t = bookingTimeline(b, reliable);
    expect(bookingSnapshot(b, reliable, T0, price).status).toBe("REQUESTED");
    expect(bookingSnapshot(b, reliable, t.pendingAt, price).status).toBe("PENDING");
    expect(t.confirmedAt! - T0).toBeLessThan(25_000);
    expect(bookingSnapshot(b, reliable, t.confirmedAt!, price)).toMatchObject({
      status: "CONFIRMED",
      statusUpdatedAt: t.confirmedAt,
    });
    expect(bookingSnapshot(b, reliable, t.arrivalAt, price).status).toBe("ATTENDING");
    expect(t.arrivalAt).toBeGreaterThanOrEqual(b.reservationStart);
    const done = bookingSnapshot(b, reliable, b.reservationEnd, price);
    expect(done).toMatchObject({ status: "COMPLETED", clientPriceEur: 18.75 });
    expect(t.completedAt).toBeLessThanOrEqual(b.reservationEnd);
  });

  it("expires when the operator never answers", () => {
    const b = booking("silent");
    const t = bookingTimeline(b, silent);
    expect(t.confirmedAt).toBeUndefined();
    expect(bookingSnapshot(b, silent, t.pendingAt + 1, price).status).toBe("PENDING");
    expect(bookingSnapshot(b, silent, t.expiredAt!, price).status).toBe("EXPIRED");
    expect(bookingSnapshot(b, silent, b.reservationEnd + MINUTE, price).status).toBe("EXPIRED");
  });

  it("marks about 15 % of bookings as no-shows, with the operator's fee, 15 minutes into the window", () => {
    const bookings = Array.from({ length: 1000 }, (_, i) => booking(`n${i}`));
    const noShows = bookings.filter((b) => bookingTimeline(b, reliable).noShow);
    expect(noShows.length).toBeGreaterThan(110);
    expect(noShows.length).toBeLessThan(190);
    const b = noShows[0];
    expect(bookingSnapshot(b, reliable, b.reservationStart + NO_SHOW_GRACE_MS - 1, price).status).toBe("CONFIRMED");
    expect(bookingSnapshot(b, reliable, b.reservationStart + NO_SHOW_GRACE_MS, price)).toMatchObject({
      status: "NO_SHOW",
      noShowFeeEur: 10,
    });
  });

  it("is deterministic per booking id", () => {
    expect(bookingTimeline(booking("same"), reliable)).toEqual(bookingTimeline(booking("same"), reliable));
  });

  it("stays CANCELLED from the cancellation on, and a forced status sticks", () => {
    const cancelled = booking("c", { cancelledAt: T0 + 10_000, cancellationFeeEur: 2.5 });
    expect(bookingSnapshot(cancelled, reliable, T0, price).status).toBe("REQUESTED");
    expect(bookingSnapshot(cancelled, reliable, cancelled.reservationEnd, price)).toMatchObject({
      status: "CANCELLED",
      clientPriceEur: 2.5,
    });
    const forced = booking("f", { forced: { status: "NO_SHOW", at: T0 + 5, noShowFeeEur: 4 } });
    expect(bookingSnapshot(forced, reliable, T0 + 5, price)).toMatchObject({
      status: "NO_SHOW",
      noShowFeeEur: 4,
      statusUpdatedAt: T0 + 5,
    });
  });
});
