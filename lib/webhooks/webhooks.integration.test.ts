// Webhooks against a throwaway PostgreSQL, real pg-boss and a receiver on this machine: an event is stored with the
// change that caused it (and not at all when the change is rolled back), delivered signed, tried again after a
// failure until it is given up, replayed by an admin with the same body, and never sent to a refused address.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The receiver listens on 127.0.0.1, which only the "loopback" policy lets webhooks reach.
  process.env.WEBHOOK_PRIVATE_TARGETS = "loopback";
});

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
} from "@/lib/bookings/testing/fixtures";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { startWorkers, stopQueue } from "@/lib/jobs/queue";
import type { SessionRow } from "@/lib/sessions/session-row";
import { upsertSessions } from "@/lib/sessions/upsert-sessions";
import { DeliveryRetry, MAX_ATTEMPTS, deliverWebhook, webhookDeliveryJob } from "./deliver";
import { emitWebhook } from "./emit";
import type { WebhookEnvelope } from "./events";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./signature";
import { createWebhook, listDeliveries, replayDelivery, sendTestWebhook, setWebhookPaused } from "./webhooks";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let fleet: TestFleet;
let server: http.Server;
let baseUrl: string;
const received: Received[] = [];
/** What the receiver answers next. */
let answer = 204;

beforeAll(async () => {
  fleet = await createTestFleet("Webhook fleet");
  server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stopQueue();
  await new Promise((resolve) => server.close(resolve));
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

const actor = () => ({ actorId: fleet.dispatcherId, ip: null });

async function endpoint(path: string, events: Parameters<typeof createWebhook>[2]["events"]) {
  return createWebhook(
    fleet.fleetId,
    fleet.dispatcherId,
    { url: `${baseUrl}${path}`, description: "", events },
    actor(),
  );
}

const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

const jobsOf = (deliveryId: string) =>
  db.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM pgboss.job WHERE name = 'webhooks.deliver' AND data->>'deliveryId' = ${deliveryId}`;

describe("webhooks", () => {
  it("refuses an address inside the network, and http to anything but this machine", async () => {
    for (const url of ["http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://example.com/hook"]) {
      const refused = await createWebhook(
        fleet.fleetId,
        fleet.dispatcherId,
        { url, description: "", events: ["alert.raised"] },
        actor(),
      ).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).fieldErrors?.url?.[0]).toBeTruthy();
    }
    expect(await db.webhookEndpoint.count({ where: { fleetId: fleet.fleetId } })).toBe(0);
  });

  it("stores the delivery and its job with the change, and neither when the change is rolled back", async () => {
    const hook = await endpoint("/stored", ["alert.raised"]);
    await db.$transaction((tx) => emitWebhook(tx, { fleetId: fleet.fleetId, event: "alert.raised", data: { n: 1 } }));
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 0, event: "alert.raised" });
    expect(await jobsOf(delivery.id)).toHaveLength(1);

    const rolledBack = db.$transaction(async (tx) => {
      await emitWebhook(tx, { fleetId: fleet.fleetId, event: "alert.raised", data: { n: 2 } });
      throw new Error("the change failed");
    });
    await expect(rolledBack).rejects.toThrow("the change failed");
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
    expect(await db.$queryRaw<unknown[]>`SELECT id FROM pgboss.job WHERE name = 'webhooks.deliver'`).toHaveLength(1);

    // An event the endpoint did not ask for, and a paused endpoint, get nothing.
    await db.$transaction((tx) => emitWebhook(tx, { fleetId: fleet.fleetId, event: "key.disabled", data: {} }));
    await setWebhookPaused(fleet.fleetId, hook.id, true, actor());
    await db.$transaction((tx) => emitWebhook(tx, { fleetId: fleet.fleetId, event: "alert.raised", data: { n: 3 } }));
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });

  it("delivers the body signed with the endpoint's secret, once", async () => {
    const hook = await endpoint("/signed", ["key.disabled"]);
    await db.$transaction((tx) =>
      emitWebhook(tx, { fleetId: fleet.fleetId, event: "key.disabled", data: { keyId: "k1" } }),
    );
    const [delivery] = await deliveriesOf(hook.id);
    answer = 204;
    expect(await deliverWebhook(delivery.id)).toBe("delivered");
    expect(await deliverWebhook(delivery.id)).toBe("skipped");

    const got = received.filter((r) => r.headers["x-fleet-delivery"] === delivery.id);
    expect(got).toHaveLength(1);
    const [request] = got;
    expect(request.headers["x-fleet-event"]).toBe("key.disabled");
    expect(
      verifyWebhookSignature(hook.secret, String(request.headers[SIGNATURE_HEADER.toLowerCase()]), request.body),
    ).toEqual({ valid: true });
    expect(
      verifyWebhookSignature("whsec_another", String(request.headers[SIGNATURE_HEADER.toLowerCase()]), request.body)
        .valid,
    ).toBe(false);
    const envelope = JSON.parse(request.body) as WebhookEnvelope;
    expect(envelope).toMatchObject({
      id: delivery.eventId,
      type: "key.disabled",
      fleetId: fleet.fleetId,
      data: { keyId: "k1" },
    });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      lastStatusCode: 204,
    });
  });

  it("tries again after a failed answer, gives up after the last attempt, and an admin's replay sends the same event", async () => {
    const hook = await endpoint("/failing", ["alert.raised"]);
    const { deliveryId } = await sendTestWebhook(fleet.fleetId, hook.id, actor());
    answer = 500;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await expect(deliverWebhook(deliveryId)).rejects.toBeInstanceOf(DeliveryRetry);
    }
    const [retrying] = await listDeliveries(fleet.fleetId, hook.id);
    expect(retrying).toMatchObject({
      state: "retrying",
      attempts: MAX_ATTEMPTS - 1,
      lastStatusCode: 500,
      lastError: "http",
    });
    expect(await deliverWebhook(deliveryId)).toBe("failed");
    expect((await listDeliveries(fleet.fleetId, hook.id))[0]).toMatchObject({
      state: "failed",
      attempts: MAX_ATTEMPTS,
    });

    answer = 200;
    const replay = await replayDelivery(fleet.fleetId, deliveryId, actor());
    expect(await deliverWebhook(replay.deliveryId)).toBe("delivered");
    const [original, again] = await deliveriesOf(hook.id);
    expect(again).toMatchObject({
      replayOfId: original.id,
      eventId: original.eventId,
      body: original.body,
      status: "DELIVERED",
    });
    const bodies = received.filter((r) => r.headers["x-fleet-event"] === "webhook.test").map((r) => r.body);
    expect(new Set(bodies)).toEqual(new Set([original.body]));
    expect(bodies).toHaveLength(MAX_ATTEMPTS + 1);
    const audit = await db.auditLog.findMany({
      where: { fleetId: fleet.fleetId, objectId: hook.id },
      select: { action: true },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["webhooks.create", "webhooks.test", "webhooks.replay"]);
  });

  it("gives up at once on an endpoint whose address became refused, and sends nothing", async () => {
    const hook = await endpoint("/moved", ["alert.raised"]);
    await db.webhookEndpoint.update({ where: { id: hook.id }, data: { url: "http://10.9.9.9/hook" } });
    const { deliveryId } = await sendTestWebhook(fleet.fleetId, hook.id, actor());
    const before = received.length;
    expect(await deliverWebhook(deliveryId)).toBe("failed");
    expect(received.length).toBe(before);
    expect((await listDeliveries(fleet.fleetId, hook.id))[0]).toMatchObject({ state: "failed", lastError: "blocked" });
  });

  it("tells of a session once when it starts and once when it completes", async () => {
    const hook = await endpoint("/sessions", ["session.started", "session.completed"]);
    const row = (status: string): SessionRow => ({
      source: "PLUGSURFING_SESSION",
      providerSessionId: "webhook-session-1",
      fleetId: fleet.fleetId,
      driverId: fleet.driverId,
      chargingKeyId: null,
      bookingId: null,
      status,
      balanceStatus: null,
      startTime: new Date("2026-03-02T09:10:00Z"),
      endTime: status === "COMPLETE" ? new Date("2026-03-02T10:10:00Z") : null,
      durationSeconds: null,
      energyWh: status === "COMPLETE" ? 20_000 : 0,
      priceExclVatMinor: null,
      priceInclVatMinor: null,
      vatRateBasisPoints: null,
      currency: null,
      paymentMethod: null,
      receiptAvailable: false,
      evseId: null,
      connectorId: null,
      chargerName: null,
      site: null,
      operatorName: null,
      country: null,
    });
    for (const status of ["WAITING_TO_START", "STARTED", "STARTED", "COMPLETE", "COMPLETE"])
      await db.$transaction((tx) => upsertSessions(tx, [row(status)]));
    const events = (await deliveriesOf(hook.id)).map((d) => d.event);
    expect(events).toEqual(["session.started", "session.completed"]);
  });

  it("delivers each of a booking's status changes through the job queue, up to its confirmation", async () => {
    const hook = await endpoint("/bookings", ["booking.status_changed"]);
    await startWorkers([webhookDeliveryJob]);
    answer = 200;
    const providers = sandboxProviders();
    const window = await testWindow({ leadMinutes: 8 * 60 });
    const [evse] = await reservableEvsesNearBerlin(providers, 1, window);
    const { bookingId } = await createBooking(
      {
        fleetId: fleet.fleetId,
        createdById: fleet.dispatcherId,
        request: { ...groupBookingRequest(evse, window), driverId: fleet.driverId },
      },
      providers,
    );
    // The operator confirms (on the living network it may take its time, or refuse): the reconciler hears of it.
    const { providerBookingId } = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(providerBookingId).toBeTruthy();
    await sandboxAdmin("POST", `/petitmonde/bookings/${providerBookingId}/status`, { status: "CONFIRMED" });
    await vi.waitFor(
      async () => {
        await syncOpenBookings(providers, { bookingIds: [bookingId] });
        const delivered = await db.webhookDelivery.findMany({ where: { endpointId: hook.id, status: "DELIVERED" } });
        const statuses = delivered.map((d) => (JSON.parse(d.body) as WebhookEnvelope<{ status: string }>).data.status);
        expect(statuses).toContain("CONFIRMED");
      },
      { timeout: 20_000, interval: 250 },
    );
    const confirmed = received
      .map((r) => JSON.parse(r.body) as WebhookEnvelope<{ bookingId: string; status: string }>)
      .find((e) => e.type === "booking.status_changed" && e.data.status === "CONFIRMED");
    expect(confirmed?.data.bookingId).toBe(bookingId);
    const statuses = (await deliveriesOf(hook.id)).map(
      (d) => (JSON.parse(d.body) as WebhookEnvelope<{ status: string }>).data.status,
    );
    expect(statuses[0]).toBe("REQUESTED");
    expect(new Set(statuses).size).toBe(statuses.length); // one event per change
  });
});
