// The watchdog against the sandbox and a throwaway PostgreSQL: each alert driven by a sandbox scenario or a real
// flow, raised once per cause, and closed by itself only where its cause can go away.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { createBooking } from "@/lib/bookings/create-booking";
import { syncOpenBookings } from "@/lib/bookings/reconcile";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxAdmin,
  sandboxProviders,
  testWindow,
  type TestFleet,
  type TestWindow,
} from "@/lib/bookings/testing/fixtures";
import { db } from "@/lib/db";
import { PROVIDER_FEATURES } from "@/lib/domain";
import {
  refreshLiveSession,
  remoteControl,
  startRemoteSession,
  stopRemoteSession,
} from "@/lib/sessions/remote-control";
import { runWatchdog } from "./watchdog";

const providers = sandboxProviders();
const MINUTE = 60_000;
let fleet: TestFleet;
let window: TestWindow;
let evses: BookableEvse[];
let next = 0;
/** Connectors this file started sessions on. */
const used = new Set<string>();
let notRemote: string;
const HANOVER = { latitude: 52.375, longitude: 9.732, radiusM: 20_000, limit: 100 };

beforeAll(async () => {
  fleet = await createTestFleet("Watchdog fleet");
  const control = remoteControl();
  if (!control) throw new Error("no provider with remote start");
  await db.providerIdentity.create({
    data: {
      userId: fleet.driverId,
      kind: PROVIDER_FEATURES[control.name].driverIdentity,
      value: `watchdog-${Date.now()}`,
    },
  });
  const evsesThere = (await control.search(HANOVER)).flatMap((l) => l.evses);
  notRemote = evsesThere.find((e) => !e.capabilities.includes("REMOTE_START_STOP_CAPABLE"))!.connectors[0].id;
  window = await testWindow({ leadMinutes: 9 * 60 });
  evses = await reservableEvsesNearBerlin(providers, 6, window);
});

afterEach(async () => {
  await sandboxAdmin("DELETE", "/scenarios");
});

// The facade's rate limiter holds a pool on this file's database, which is dropped after the file.
afterAll(async () => {
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

const alertsOf = (where: { sessionId?: string; bookingId?: string }) =>
  db.alert.findMany({ where: { fleetId: fleet.fleetId, ...where }, orderBy: { kind: "asc" } });

/**
 * A free, remote-startable connector in Hanover (other files start sessions in Berlin and Hamburg), looked up
 * just before the start: the sandbox's network keeps taking and freeing chargers, so one free a minute ago
 * may be taken now.
 */
async function freeConnector(): Promise<string> {
  const remote = (await remoteControl()!.search(HANOVER))
    .flatMap((l) => l.evses)
    .filter((e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE"))
    .map((e) => e.connectors[0].id)
    .filter((id) => !used.has(id));
  const connectorId = remote[Math.floor(Math.random() * remote.length)];
  if (!connectorId) throw new Error("no free remote-startable connector in Hanover");
  used.add(connectorId);
  return connectorId;
}

/** A session started under `scenarios` (cleared at once, so other files' sessions are left alone). */
async function startUnder(scenarios: object, connectorId?: string) {
  connectorId ??= await freeConnector();
  await sandboxAdmin("PUT", "/scenarios", scenarios);
  const outcome = await startRemoteSession({
    fleetId: fleet.fleetId,
    driverId: fleet.driverId,
    connectorId,
    chargerName: "Watchdog charger",
  });
  await sandboxAdmin("DELETE", "/scenarios");
  if (outcome.kind !== "started") throw new Error("the start asked for 3-D Secure");
  return outcome.sessionId;
}

async function advanceSandbox(ms: number) {
  await sandboxAdmin("POST", "/clock", { advanceMs: ms });
}

async function book(scenarios?: object) {
  if (scenarios) await sandboxAdmin("PUT", "/scenarios", scenarios);
  const outcome = await createBooking(
    { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request: groupBookingRequest(evses[next++], window) },
    providers,
  );
  if (scenarios) await sandboxAdmin("DELETE", "/scenarios");
  expect(outcome.failure).toBeUndefined();
  return db.booking.findUniqueOrThrow({ where: { id: outcome.bookingId } });
}

const force = (providerBookingId: string, status: string, extra: object = {}) =>
  sandboxAdmin("POST", `/petitmonde/bookings/${providerBookingId}/status`, { status, ...extra });

describe("watchdog: sessions", () => {
  it("raises a stuck session's lack of energy and its overlong run, and its failed stop at once, each once", async () => {
    await db.fleet.update({ where: { id: fleet.fleetId }, data: { sessionLimitHours: 1 } });
    const sessionId = await startUnder({ stuckSessions: true, stopFails: true });
    await advanceSandbox(3 * MINUTE);
    const live = await refreshLiveSession(fleet.fleetId, sessionId);
    expect(live.status).toBe("STARTED");
    const startTime = (await db.chargingSession.findUniqueOrThrow({ where: { id: sessionId } })).startTime;

    // Nine minutes in: nothing yet.
    expect((await runWatchdog(new Date(startTime.getTime() + 9 * MINUTE))).raised).toBe(0);
    const later = new Date(startTime.getTime() + 61 * MINUTE);
    expect((await runWatchdog(later)).raised).toBe(2);
    const raised = await alertsOf({ sessionId });
    expect(raised.map((a) => [a.kind, a.causeKey])).toEqual([
      ["session.no_energy", `session:${sessionId}:no-energy`],
      ["session.too_long", `session:${sessionId}:too-long`],
    ]);
    expect(raised[0]).toMatchObject({ status: "OPEN", driverId: fleet.driverId, sessionId });
    expect(raised[0].facts).toMatchObject({ charger: { name: expect.any(String) }, minutes: 61 });
    expect(raised[1].facts).toMatchObject({ limitHours: 1, startedAt: startTime.toISOString() });

    // The stop fails at the charger (the stopFails scenario): raised by the stop itself.
    const stopped = await stopRemoteSession(fleet.fleetId, sessionId);
    expect(stopped.status).toBe("STOP_FAILED");
    const stopFailed = await db.alert.findUniqueOrThrow({
      where: { fleetId_causeKey: { fleetId: fleet.fleetId, causeKey: `session:${sessionId}:stop-failed` } },
    });
    expect(stopFailed).toMatchObject({ kind: "session.stop_failed", sessionId, driverId: fleet.driverId });

    // A second round raises nothing new, and the still-running session's alerts stay open.
    expect(await runWatchdog(later)).toEqual({ raised: 0, resolved: 0 });
    expect((await alertsOf({ sessionId })).every((a) => a.status === "OPEN")).toBe(true);
    await db.fleet.update({ where: { id: fleet.fleetId }, data: { sessionLimitHours: 12 } });
  });

  it("closes a stuck session's alerts once it ended, and leaves a failed stop for a person", async () => {
    const sessionId = await startUnder({ stuckSessions: true });
    await advanceSandbox(3 * MINUTE);
    await refreshLiveSession(fleet.fleetId, sessionId);
    const startTime = (await db.chargingSession.findUniqueOrThrow({ where: { id: sessionId } })).startTime;
    const at = new Date(startTime.getTime() + 20 * MINUTE);
    await runWatchdog(at);
    expect((await alertsOf({ sessionId })).map((a) => a.kind)).toEqual(["session.no_energy"]);

    expect((await stopRemoteSession(fleet.fleetId, sessionId)).status).toBe("COMPLETE");
    const round = await runWatchdog(at);
    expect(round.resolved).toBe(1);
    const [closed] = await alertsOf({ sessionId });
    expect(closed).toMatchObject({ status: "RESOLVED", resolution: "resolved" });
    expect(closed.closedAt).not.toBeNull();
    // The failed stop of the first test is still open: only a person closes it.
    expect(await db.alert.count({ where: { kind: "session.stop_failed", status: "OPEN" } })).toBe(1);
  });

  it("raises a remote start that failed, with its reason, when the live view learns of it", async () => {
    const sessionId = await startUnder({}, notRemote);
    await advanceSandbox(30_000);
    expect((await refreshLiveSession(fleet.fleetId, sessionId)).status).toBe("FAILED");
    const [alert] = await alertsOf({ sessionId });
    expect(alert).toMatchObject({
      kind: "session.start_failed",
      causeKey: `session:${sessionId}:start-failed`,
      driverId: fleet.driverId,
    });
    expect(alert.facts).toMatchObject({ reason: "other", charger: { name: expect.any(String) } });
    // The watchdog's round finds it too, and raises nothing new.
    expect((await runWatchdog()).raised).toBe(0);
  });
});

describe("watchdog: bookings", () => {
  it("raises a booking still unconfirmed as its window nears, once, and closes it when it is confirmed", async () => {
    const booking = await book();
    expect(["REQUESTED", "PENDING"]).toContain(booking.status);
    // An hour before the window: nothing to say yet.
    expect((await runWatchdog(new Date(booking.windowStart.getTime() - 60 * MINUTE))).raised).toBe(0);
    const near = new Date(booking.windowStart.getTime() - 10 * MINUTE);
    expect((await runWatchdog(near)).raised).toBe(1);
    const [alert] = await alertsOf({ bookingId: booking.id });
    expect(alert).toMatchObject({ kind: "booking.unconfirmed", causeKey: `booking:${booking.id}:unconfirmed` });
    expect(alert.facts).toMatchObject({
      windowStart: booking.windowStart.toISOString(),
      windowEnd: booking.windowEnd.toISOString(),
      fee: null,
    });
    expect((await runWatchdog(near)).raised).toBe(0);

    await force(booking.providerBookingId!, "CONFIRMED");
    await syncOpenBookings(providers, { bookingIds: [booking.id] });
    expect((await alertsOf({ bookingId: booking.id }))[0].status).toBe("RESOLVED");
    expect((await runWatchdog(near)).raised).toBe(0);
  });

  it("raises an expiry and a no-show (with its fee) where the status changes, never again", async () => {
    const expiring = await book();
    const noShow = await book();
    await force(expiring.providerBookingId!, "EXPIRED");
    await force(noShow.providerBookingId!, "NO_SHOW", { noShowFeeEur: 12.5 });
    await syncOpenBookings(providers, { bookingIds: [expiring.id, noShow.id] });

    const [expired] = await alertsOf({ bookingId: expiring.id });
    expect(expired).toMatchObject({ kind: "booking.expired", causeKey: `booking:${expiring.id}:expired` });
    const [missed] = await alertsOf({ bookingId: noShow.id });
    expect(missed).toMatchObject({ kind: "booking.no_show", causeKey: `booking:${noShow.id}:no-show` });
    expect(missed.facts).toMatchObject({ fee: { amountMinor: 1250, currency: "EUR" } });
    expect((await runWatchdog()).raised).toBe(0);
    // Neither closes by itself.
    expect((await alertsOf({ bookingId: expiring.id }))[0].status).toBe("OPEN");
  });

  it("raises a synced session that cost far above its booking's estimate (priceDrift), once", async () => {
    const drifting = await book({ priceDrift: 2 });
    const plain = await book();
    for (const b of [drifting, plain]) await force(b.providerBookingId!, "COMPLETED");
    await syncOpenBookings(providers, { bookingIds: [drifting.id, plain.id] });

    const session = await db.chargingSession.findFirstOrThrow({ where: { bookingId: drifting.id } });
    const [alert] = await alertsOf({ bookingId: drifting.id });
    expect(alert).toMatchObject({
      kind: "session.cost_above_estimate",
      causeKey: `session:${session.id}:cost-above-estimate`,
      sessionId: session.id,
    });
    const estimate = (drifting.locationSnapshot as { estimateMinor: number }).estimateMinor;
    expect(alert.facts).toMatchObject({
      estimate: { amountMinor: estimate, currency: "EUR" },
      cost: { amountMinor: session.priceInclVatMinor, currency: "EUR" },
    });
    // The booking priced as estimated raises nothing; syncing again raises nothing new.
    expect(await alertsOf({ bookingId: plain.id })).toEqual([]);
    await syncOpenBookings(providers, { bookingIds: [drifting.id] });
    expect(await db.alert.count({ where: { kind: "session.cost_above_estimate" } })).toBe(1);
    expect((await runWatchdog()).raised).toBe(0);
  });
});
