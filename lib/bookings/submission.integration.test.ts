// Exactly-once booking against the sandbox: injected timeouts, a crash before and after the provider
// call, 409s with alternatives, and batches that resume.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { failureWords } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { createBatch, runBatchItems } from "./batches";
import { findAlternatives } from "./chargers";
import { createBooking, storeBooking, submitBooking } from "./create-booking";
import { recoverSubmittingBookings } from "./reconcile";
import { sayStored } from "./stored-text";
import {
  createTestFleet,
  groupBookingRequest as requestAt,
  reservableEvsesNearBerlin,
  testWindow,
  type TestWindow,
  sandboxAdmin,
  sandboxBookingsWithExternalId,
  sandboxProviders,
  type TestFleet,
} from "./testing/fixtures";
import type { BookableEvse } from "./chargers";

const providers = sandboxProviders({ timeoutMs: 1_500 });
let fleet: TestFleet;
let evses: BookableEvse[];
let window: TestWindow;
let next = 0;
const groupBookingRequest = async (evse: BookableEvse) => requestAt(evse, window);
/** A fresh charge point per test, so tests never collide on a window. */
const freshEvse = () => evses[next++];

beforeAll(async () => {
  fleet = await createTestFleet("Submission fleet");
  window = await testWindow();
  evses = await reservableEvsesNearBerlin(providers, 20, window);
});

afterEach(async () => {
  await sandboxAdmin("DELETE", "/faults");
});

async function externalIdOf(bookingId: string) {
  return (await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).externalId;
}

describe("booking exactly once", () => {
  it("stores the booking before calling the provider and records every status", async () => {
    const request = await groupBookingRequest(freshEvse());
    const outcome = await createBooking(
      { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request },
      providers,
    );
    expect(outcome.failure).toBeUndefined();
    const booking = await db.booking.findUniqueOrThrow({
      where: { id: outcome.bookingId },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(booking.providerBookingId).toBeTruthy();
    expect(booking.fleetGroupId).toBe(fleet.fleetGroupId);
    expect(booking.events.map((e) => e.status)).toEqual(["SUBMITTING", booking.status]);
    expect(await sandboxBookingsWithExternalId(booking.externalId)).toHaveLength(1);
  });

  it("books once when every answer to the create request is lost", async () => {
    await sandboxAdmin("PUT", "/faults", {
      endpoints: [{ pattern: "/petitmonde/api/v1/client/bookings", method: "POST", timeoutRate: 1 }],
    });
    const request = await groupBookingRequest(freshEvse());
    const outcome = await createBooking(
      { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request },
      providers,
    );
    // The adapter found its own booking by external_id after the timeout.
    expect(outcome.status).not.toBe("FAILED");
    const externalId = await externalIdOf(outcome.bookingId);
    expect(await sandboxBookingsWithExternalId(externalId)).toHaveLength(1);
  });

  it("leaves the booking SUBMITTING when even the lookups fail, and the reconciler adopts it later", async () => {
    await sandboxAdmin("PUT", "/faults", { providers: { petitmonde: { timeoutRate: 1 } } });
    const request = await groupBookingRequest(freshEvse());
    const outcome = await createBooking(
      { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request },
      providers,
    );
    expect(outcome.status).toBe("SUBMITTING");
    await sandboxAdmin("DELETE", "/faults");

    const result = await recoverSubmittingBookings(providers, { graceMs: 0 });
    expect(result.adopted).toBe(1);
    expect(result.resubmitted).toBe(0);
    const booking = await db.booking.findUniqueOrThrow({ where: { id: outcome.bookingId } });
    expect(booking.status).not.toBe("SUBMITTING");
    expect(await sandboxBookingsWithExternalId(booking.externalId)).toHaveLength(1);
  });

  it("recovers a crash after storing but before the provider was called: submits it, once", async () => {
    const request = await groupBookingRequest(freshEvse());
    const stored = await storeBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request });
    const result = await recoverSubmittingBookings(providers, { graceMs: 0 });
    expect(result).toMatchObject({ adopted: 0, resubmitted: 1 });
    const booking = await db.booking.findUniqueOrThrow({ where: { id: stored.id } });
    expect(["REQUESTED", "PENDING", "CONFIRMED"]).toContain(booking.status);
    expect(await sandboxBookingsWithExternalId(stored.externalId)).toHaveLength(1);
  });

  it("recovers a crash after the provider booked but before its answer was stored: adopts it, never books again", async () => {
    const request = await groupBookingRequest(freshEvse());
    const stored = await storeBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request });
    // The attempt was claimed, the request left, the provider booked it, then the process died before
    // writing the answer.
    await db.booking.update({ where: { id: stored.id }, data: { submitAttempts: 1, answerLost: true } });
    await providers.forProvider("PETITMONDE").book({
      externalId: stored.externalId,
      locationId: stored.locationId,
      evseUid: stored.evseUid,
      windowStart: stored.windowStart,
      windowEnd: stored.windowEnd,
      token: { strategy: "GROUP_TOKEN", fleetGroupId: stored.fleetGroupId! },
    });
    const result = await recoverSubmittingBookings(providers, { graceMs: 0 });
    expect(result).toMatchObject({ adopted: 1, resubmitted: 0 });
    const booking = await db.booking.findUniqueOrThrow({ where: { id: stored.id }, include: { events: true } });
    expect(booking.providerBookingId).toBeTruthy();
    expect(booking.events.some((e) => e.source === "reconciler:adopted")).toBe(true);
    expect(await sandboxBookingsWithExternalId(stored.externalId)).toHaveLength(1);
  });

  it("does not submit the same attempt twice when two callers race", async () => {
    const request = await groupBookingRequest(freshEvse());
    const stored = await storeBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request });
    await Promise.all([
      submitBooking(stored.id, providers),
      submitBooking(stored.id, providers),
      submitBooking(stored.id, providers),
    ]);
    const booking = await db.booking.findUniqueOrThrow({ where: { id: stored.id } });
    expect(booking.submitAttempts).toBe(1);
    expect(await sandboxBookingsWithExternalId(stored.externalId)).toHaveLength(1);
  });

  it("fails a booking whose charge point is taken, and offers free ones instead", async () => {
    const evse = freshEvse();
    const request = await groupBookingRequest(evse);
    const first = await createBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request }, providers);
    expect(first.failure).toBeUndefined();
    const second = await createBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request }, providers);
    expect(second.status).toBe("FAILED");
    expect(second.failure?.code).toBe("CONFLICT");
    const failed = await db.booking.findUniqueOrThrow({ where: { id: second.bookingId } });
    expect(failed.lastError).toMatch(/not available/);
    expect(sayStored(failed.lastError, failed.lastErrorText, failureWords("de").errors)).toBe(
      "Dieser Ladepunkt ist in diesem Zeitfenster nicht verfügbar. Wählen Sie unten einen anderen.",
    );
    expect(await sandboxBookingsWithExternalId(failed.externalId)).toHaveLength(0);

    const alternatives = await findAlternatives(providers, {
      provider: "PETITMONDE",
      locationId: evse.locationId,
      evseUid: evse.evseUid,
      latitude: evse.charger.latitude,
      longitude: evse.charger.longitude,
      window: { start: new Date(request.windowStart), end: new Date(request.windowEnd) },
    });
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.some((a) => a.locationId === evse.locationId && a.evseUid === evse.evseUid)).toBe(false);
  });

  it("refuses a group booking over the fleet group's spending limit", async () => {
    await sandboxAdmin("PUT", `/petitmonde/fleet-groups/${fleet.fleetGroupId}`, { perSessionLimitEur: 0.01 });
    try {
      const request = await groupBookingRequest(freshEvse());
      const outcome = await createBooking(
        { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request },
        providers,
      );
      expect(outcome.status).toBe("FAILED");
      expect(outcome.failure).toMatchObject({ code: "REFUSED" });
      expect(outcome.failure?.message).toMatch(/spending limit/i);
    } finally {
      await sandboxAdmin("PUT", `/petitmonde/fleet-groups/${fleet.fleetGroupId}`, {
        perSessionLimitEur: 10_000,
        monthlyLimitEur: 1_000_000,
      });
    }
  });
});

describe("batch bookings", () => {
  it("submits every line at least 600 ms apart and records each outcome", async () => {
    const items = await Promise.all([freshEvse(), freshEvse(), freshEvse()].map((e) => groupBookingRequest(e)));
    items.push(items[0]); // the same slot twice: the fourth line must fail with a 409
    const { batchId } = await createBatch({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, items });
    const started = Date.now();
    const result = await runBatchItems(providers);
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ran: true, processed: 4, more: false });
    // Four bookings and one search for alternatives, each at least 600 ms after the previous call.
    expect(elapsed).toBeGreaterThanOrEqual(4 * 600);

    const batch = await db.bookingBatch.findUniqueOrThrow({
      where: { id: batchId },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(batch.items.map((i) => i.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED"]);
    expect(batch.items[3].error).toMatch(/not available/);
    expect(sayStored(batch.items[3].error, batch.items[3].errorText, failureWords("de").errors)).toMatch(
      /nicht verfügbar/,
    );
    expect((batch.items[3].alternatives as unknown[]).length).toBeGreaterThan(0);
    expect(batch.finishedAt).not.toBeNull();
  });

  it("resumes lines a stopped instance left QUEUED or half-done, without booking any twice", async () => {
    const items = await Promise.all([freshEvse(), freshEvse()].map((e) => groupBookingRequest(e)));
    const { batchId } = await createBatch({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, items });
    // The previous runner claimed line 0 and died before storing its booking.
    await db.$executeRawUnsafe(
      `UPDATE "BookingBatchItem" SET status = 'RUNNING', "updatedAt" = now() - interval '5 minutes' WHERE "batchId" = $1 AND position = 0`,
      batchId,
    );
    const result = await runBatchItems(providers);
    expect(result.processed).toBe(2);
    const batch = await db.bookingBatch.findUniqueOrThrow({
      where: { id: batchId },
      include: { items: { include: { booking: true } } },
    });
    expect(batch.items.every((i) => i.status === "SUCCEEDED")).toBe(true);
    for (const item of batch.items)
      expect(await sandboxBookingsWithExternalId(item.booking!.externalId)).toHaveLength(1);
  });

  it("lets only one runner work at a time", async () => {
    const items = await Promise.all([freshEvse()].map((e) => groupBookingRequest(e)));
    await createBatch({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, items });
    const [a, b] = await Promise.all([
      runBatchItems(providers, { owner: "a" }),
      runBatchItems(providers, { owner: "b" }),
    ]);
    expect([a.ran, b.ran].filter(Boolean)).toHaveLength(1);
    expect(a.processed + b.processed).toBe(1);
  });
});
