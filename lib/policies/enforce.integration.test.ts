// Spending policies where the app acts (a booking, a batch line, a remote start: refused, naming the policy and
// the figure, nothing stored or sent) and where it watches (a synced session: one alert per broken rule).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { inEnglish } from "@/lib/actions/errors";
import { createBatch, runBatchItems } from "@/lib/bookings/batches";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { createBooking } from "@/lib/bookings/create-booking";
import {
  createTestFleet,
  groupBookingRequest,
  reservableEvsesNearBerlin,
  sandboxProviders,
  testWindow,
  type TestFleet,
  type TestWindow,
} from "@/lib/bookings/testing/fixtures";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { startRemoteSession } from "@/lib/sessions/remote-control";
import { checkSessionPolicies } from "./enforce";

let fleet: TestFleet;
let evse: BookableEvse;
let window: TestWindow;
let driverName: string;

async function refusalText(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error) || !error.text) throw new Error(`expected a refusal, got ${String(error)}`);
  return inEnglish(error.text);
}

async function setPolicy(data: { userId?: string; [field: string]: unknown }) {
  await db.spendingPolicy.deleteMany({ where: { fleetId: fleet.fleetId } });
  await db.spendingPolicy.create({ data: { fleetId: fleet.fleetId, ...data } });
}

beforeAll(async () => {
  fleet = await createTestFleet("Policy enforcement");
  window = await testWindow({ leadMinutes: 24 * 60 });
  [evse] = await reservableEvsesNearBerlin(sandboxProviders(), 1, window);
  driverName = (await db.user.findUniqueOrThrow({ where: { id: fleet.driverId } })).name;
});

describe("a booking that breaks a spending policy", () => {
  it("is refused before it is stored, naming the driver's policy, the estimate and the cap", async () => {
    await setPolicy({ userId: fleet.driverId, currency: "EUR", sessionCapMinor: 2_500 });
    const before = await db.booking.count({ where: { fleetId: fleet.fleetId } });
    const request = {
      ...groupBookingRequest(evse, window),
      driverId: fleet.driverId,
      charger: { ...evse.charger, estimateMinor: 3_100, currency: "EUR" },
    };
    const said = await refusalText(
      createBooking({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request }, sandboxProviders()),
    );
    expect(said).toBe(
      `The booking's estimate of €31.00 is above the cap of €25.00 per session in the policy for ${driverName}.`,
    );
    expect(await db.booking.count({ where: { fleetId: fleet.fleetId } })).toBe(before);
  });

  it("is refused for a provider the fleet's policy does not allow", async () => {
    await setPolicy({ allowedProviders: ["DEPOTFINITY"] });
    const said = await refusalText(
      createBooking(
        { fleetId: fleet.fleetId, createdById: fleet.dispatcherId, request: groupBookingRequest(evse, window) },
        sandboxProviders(),
      ),
    );
    expect(said).toBe("Booking through Petit Monde is not allowed in the fleet's policy (allowed: DepotFinity).");
  });

  it("fails its own line of a batch, the policy named, while the other line is booked", async () => {
    await setPolicy({ userId: fleet.driverId, currency: "EUR", sessionCapMinor: 2_500 });
    const charger = { ...evse.charger, estimateMinor: 3_100, currency: "EUR" };
    const { batchId } = await createBatch({
      fleetId: fleet.fleetId,
      createdById: fleet.dispatcherId,
      items: [
        { ...groupBookingRequest(evse, window), charger, driverId: fleet.driverId },
        { ...groupBookingRequest(evse, window), charger, driverId: fleet.otherDriverId },
      ],
    });
    await runBatchItems(sandboxProviders(), { spacingMs: 600 });
    const lines = await db.bookingBatchItem.findMany({ where: { batchId }, orderBy: { position: "asc" } });
    expect(lines[0]).toMatchObject({ status: "FAILED", bookingId: null });
    expect(lines[0]!.error).toContain(`the policy for ${driverName}`);
    expect(lines[0]!.error).toContain("€31.00");
    expect(lines[1]!.bookingId).not.toBeNull();
  });
});

describe("a remote start that breaks a spending policy", () => {
  it("is refused before the provider is asked, naming the policy", async () => {
    await setPolicy({ allowedProviders: ["DEPOTFINITY"] });
    const said = await refusalText(
      startRemoteSession({
        fleetId: fleet.fleetId,
        driverId: fleet.driverId,
        connectorId: "no-such-connector",
        provider: "PLUGSURFING",
      }),
    );
    expect(said).toBe(
      "Charging through Plugsurfing Drive is not allowed in the fleet's policy (allowed: DepotFinity).",
    );
  });
});

describe("a synced session that breaks a spending policy", () => {
  it("raises one alert per broken rule, once however often it is checked", async () => {
    await setPolicy({ currency: "EUR", sessionCapMinor: 2_500, allowedOperators: ["Ionity"] });
    const session = await db.chargingSession.create({
      data: {
        source: "PLUGSURFING_SESSION",
        providerSessionId: `policy-${randomUUID()}`,
        fleetId: fleet.fleetId,
        driverId: fleet.driverId,
        status: "COMPLETED",
        startTime: new Date("2026-11-20T10:00:00Z"),
        priceInclVatMinor: 4_000,
        currency: "EUR",
        energyWh: 50_000,
        operatorName: "Allego",
        chargerName: "Allego Alexanderplatz",
      },
    });
    const key = { source: session.source, providerSessionId: session.providerSessionId };
    expect(await checkSessionPolicies([key])).toBe(2);
    expect(await checkSessionPolicies([key])).toBe(0);
    const alerts = await db.alert.findMany({ where: { sessionId: session.id }, orderBy: { causeKey: "asc" } });
    expect(alerts.map((a) => [a.kind, a.causeKey])).toEqual([
      ["policy.breach", `session:${session.id}:policy:allowedOperators`],
      ["policy.breach", `session:${session.id}:policy:sessionCap`],
    ]);
    expect(alerts[1]!.facts).toMatchObject({
      rule: "sessionCap",
      policy: { scope: "fleet", name: "Policy enforcement" },
      figure: "€40.00",
      limit: "€25.00",
    });
  });
});
