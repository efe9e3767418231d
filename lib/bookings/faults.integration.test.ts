// 1,000 bookings, Petit Monde and DepotFinity mixed, against a sandbox that loses about 30 % of the answers
// (dropped connections, timeouts after the request took effect, 5xx): none is booked twice at a provider,
// none is stranded — within 10 simulated minutes each is settled or waits, as "outcome unknown", for a
// person's keep/remove choice, which then settles it too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/db";
import { createProviders } from "@/lib/providers/create-providers";
import { NO_RATE_LIMIT } from "@/lib/providers/rate-limit";
import { sandboxConfig } from "@/lib/providers/testing/sandbox";
import { resolveUnknownOutcome } from "./cancel-booking";
import { snapshotOf } from "./chargers";
import { createBooking } from "./create-booking";
import { bookingProvidersFrom, type BookingProviders } from "./providers";
import { reconcileBookings } from "./reconcile";
import type { BookingRequest } from "./schemas";
import { BERLIN, createTestFleet, type TestFleet } from "./testing/fixtures";

const PETIT_MONDE_BOOKINGS = 500;
const DEPOT_BOOKINGS = 500;
const CONCURRENCY = 12;
const HOUR = 3_600_000;
/** Each provider loses about 30 % of the answers: a third dropped, a third hung, a third 5xx. */
const FAULTS = { dropRate: 0.1, timeoutRate: 0.1, errorRate: 0.1 };
const RECONCILE_STEP_MS = 10_000;
const SIMULATED_BUDGET_MS = 10 * 60_000;

let sandbox: RunningSandbox;
let dataDir: string;
let providers: BookingProviders;
let fleet: TestFleet;

async function admin<T>(method: "GET" | "PUT" | "DELETE", route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}/_sandbox${route}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${route} → ${response.status}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "fleet-faults-"));
  // The documented 100 requests a minute would make this a 20-minute test; the limits are not under test.
  sandbox = await startSandbox({
    port: 0,
    dataDir,
    timeScale: 1,
    rateLimits: { petitMondePerMinute: 1_000_000, petitMondePerMonth: 10_000_000 },
  });
  providers = bookingProvidersFrom(
    createProviders(sandboxConfig(sandbox.url.replace(/\/$/, "")), {
      limiter: NO_RATE_LIMIT,
      timeoutMs: 400,
      retry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 100, maxRateLimitWaitMs: 200 },
    }),
  );
  fleet = await createTestFleet("Fault fleet");
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Distinct windows a few days ahead, two hours apart so that no two overlap. */
function windows(count: number) {
  const base = Math.ceil((Date.now() + 3 * 24 * HOUR) / HOUR) * HOUR;
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(base + i * 2 * HOUR),
    end: new Date(base + i * 2 * HOUR + HOUR),
  }));
}

async function petitMondeRequests(count: number): Promise<BookingRequest[]> {
  const slots = windows(Math.ceil(count / 100));
  const locations = await providers.forProvider("PETITMONDE").search!({
    ...BERLIN,
    radiusM: 40_000,
    reservableOnly: true,
    limit: 300,
  });
  const evses = locations.flatMap((location) =>
    location.evses.filter((evse) => evse.capabilities.includes("RESERVABLE")).map((evse) => ({ location, evse })),
  );
  expect(evses.length).toBeGreaterThanOrEqual(100);
  return Array.from({ length: count }, (_, i) => {
    const { location, evse } = evses[i % 100];
    const window = slots[Math.floor(i / 100)];
    return {
      provider: "PETITMONDE",
      locationId: location.id,
      evseUid: evse.uid,
      charger: snapshotOf(location, evse),
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      tokenStrategy: "AD_HOC",
    };
  });
}

async function depotRequests(count: number): Promise<BookingRequest[]> {
  const { chargers } = await admin<{
    chargers: Array<{
      id: string;
      name: string;
      latitude: number;
      longitude: number;
      timeZone: string;
      connectors: string[];
    }>;
  }>("GET", "/depotfinity/chargers");
  const connectors = chargers.flatMap((charger) => charger.connectors.map((connectorId) => ({ charger, connectorId })));
  const slots = windows(Math.ceil(count / connectors.length) + 40).slice(40); // clear of Petit Monde's windows
  return Array.from({ length: count }, (_, i) => {
    const { charger, connectorId } = connectors[i % connectors.length];
    const window = slots[Math.floor(i / connectors.length)];
    return {
      provider: "DEPOTFINITY",
      locationId: charger.id,
      evseUid: connectorId,
      connectorId,
      charger: {
        name: charger.name,
        latitude: charger.latitude,
        longitude: charger.longitude,
        timeZone: charger.timeZone,
        reservable: true,
      },
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      tokenStrategy: "RFID",
      rfidValue: (0x10000000 + i).toString(16).toUpperCase(),
    };
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

interface ProviderState {
  petitMonde: Array<{ id: string; externalId: string; cancelled: boolean }>;
  depot: Array<{ id: string; chargerId: string; connectorId: string; start: string; authorizationValue: string }>;
}

async function providerState(): Promise<ProviderState> {
  const { bookings } = await admin<{ bookings: ProviderState["petitMonde"] }>("GET", "/petitmonde/bookings");
  const { reservations } = await admin<{ reservations: ProviderState["depot"] }>("GET", "/depotfinity/reservations");
  return { petitMonde: bookings, depot: reservations };
}

describe("1,000 bookings under lost answers, timeouts and 5xx", () => {
  it("books nothing twice and strands nothing; every unknown outcome settles by a person's choice", async () => {
    const requests = [...(await petitMondeRequests(PETIT_MONDE_BOOKINGS)), ...(await depotRequests(DEPOT_BOOKINGS))];
    await admin("PUT", "/faults", {
      seed: 7,
      providers: { petitmonde: FAULTS, depotfinity: { ...FAULTS } },
    });

    await pool(requests, CONCURRENCY, (request) =>
      createBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request }, providers),
    );
    const afterSubmit = await db.booking.groupBy({ by: ["status"], _count: true });
    const submittingAfterSubmit = afterSubmit.find((g) => g.status === "SUBMITTING")?._count ?? 0;
    // The faults really struck: some answers were lost for good on the first try.
    expect(submittingAfterSubmit).toBeGreaterThan(0);

    // The reconciler, still under faults, on a simulated clock: one round every 10 s for 10 minutes.
    const started = Date.now();
    let rounds = 0;
    for (let elapsed = RECONCILE_STEP_MS; elapsed <= SIMULATED_BUDGET_MS; elapsed += RECONCILE_STEP_MS) {
      await reconcileBookings(providers, { now: new Date(started + elapsed) }).catch(() => undefined);
      rounds++;
      if ((await db.booking.count({ where: { status: "SUBMITTING" } })) === 0) break;
    }
    expect(await db.booking.count({ where: { status: "SUBMITTING" } })).toBe(0);
    expect(rounds * RECONCILE_STEP_MS).toBeLessThanOrEqual(SIMULATED_BUDGET_MS);

    await admin("DELETE", "/faults");
    const settled = await db.booking.groupBy({ by: ["provider", "status"], _count: true });
    console.info(
      JSON.stringify({
        event: "faults.summary",
        submittingAfterSubmit,
        reconcileRounds: rounds,
        simulatedSeconds: (rounds * RECONCILE_STEP_MS) / 1000,
        settled: settled.map((g) => `${g.provider} ${g.status}: ${g._count}`),
      }),
    );
    const local = await db.booking.findMany({ where: { fleetId: fleet.fleetId } });
    expect(local).toHaveLength(PETIT_MONDE_BOOKINGS + DEPOT_BOOKINGS);
    const state = await providerState();

    // Petit Monde: at most one booking per external id, and the one we hold is the one it holds.
    const perExternalId = new Map<string, number>();
    for (const booking of state.petitMonde) {
      perExternalId.set(booking.externalId, (perExternalId.get(booking.externalId) ?? 0) + 1);
    }
    expect([...perExternalId.values()].filter((n) => n > 1)).toEqual([]);
    for (const booking of local.filter((b) => b.provider === "PETITMONDE")) {
      const held = state.petitMonde.find((b) => b.externalId === booking.externalId);
      if (booking.status === "FAILED") expect(held, `${booking.id} failed yet is booked`).toBeUndefined();
      else if (booking.status !== "OUTCOME_UNKNOWN") expect(held?.id).toBe(booking.providerBookingId);
    }

    // DepotFinity: at most one reservation per slot; each one is known locally, or waits for a choice.
    const slotOf = (chargerId: string, connectorId: string, start: string) => `${chargerId}/${connectorId}/${start}`;
    const perSlot = new Map<string, number>();
    for (const r of state.depot) {
      const slot = slotOf(r.chargerId, r.connectorId, new Date(r.start).toISOString());
      perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    }
    expect([...perSlot.values()].filter((n) => n > 1)).toEqual([]);
    const depotLocal = local.filter((b) => b.provider === "DEPOTFINITY");
    const knownIds = new Set(depotLocal.map((b) => b.providerBookingId).filter(Boolean));
    const waitingSlots = new Set(
      depotLocal
        .filter((b) => b.status === "OUTCOME_UNKNOWN")
        .map((b) => slotOf(b.locationId, b.connectorId!, b.windowStart.toISOString())),
    );
    for (const r of state.depot) {
      const slot = slotOf(r.chargerId, r.connectorId, new Date(r.start).toISOString());
      expect(knownIds.has(r.id) || waitingSlots.has(slot), `reservation ${r.id} is nobody's`).toBe(true);
    }
    for (const booking of depotLocal.filter((b) => b.status === "CONFIRMED")) {
      expect(state.depot.some((r) => r.id === booking.providerBookingId)).toBe(true);
    }

    // Lost DepotFinity answers wait for a person; the choices settle them. Remove frees the slot.
    const unknown = depotLocal.filter((b) => b.status === "OUTCOME_UNKNOWN");
    expect(unknown.length).toBeGreaterThan(0);
    for (const [i, booking] of unknown.entries()) {
      const choice = i % 2 === 0 ? "remove" : "keep";
      const result = await resolveUnknownOutcome({ fleetId: fleet.fleetId, bookingId: booking.id, choice }, providers);
      expect(["CANCELLED", "CONFIRMED"]).toContain(result.status);
      if (choice === "keep") expect(result.status).toBe("CONFIRMED");
    }
    const removed = await db.booking.findMany({
      where: { id: { in: unknown.filter((_, i) => i % 2 === 0).map((b) => b.id) } },
    });
    const after = await providerState();
    for (const booking of removed.filter((b) => b.status === "CANCELLED")) {
      const slot = slotOf(booking.locationId, booking.connectorId!, booking.windowStart.toISOString());
      expect(
        after.depot.some((r) => slotOf(r.chargerId, r.connectorId, new Date(r.start).toISOString()) === slot),
      ).toBe(false);
    }

    // Nothing is left waiting, and every batch-free booking has a final or provider-known status.
    expect(await db.booking.count({ where: { status: { in: ["SUBMITTING", "OUTCOME_UNKNOWN"] } } })).toBe(0);
  }, 600_000);
});
