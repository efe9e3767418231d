// Plugsurfing's signed session events end to end: the sandbox tells a receiver that hands each event to the app's
// own route; the route checks the signature, answers at once and queues the event; the event, applied, reads the
// session from the provider and stores what a poll would. Refusals: no secret configured, a signature that does
// not hold (and too many of them), a body that names no session.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { PROVIDER_FEATURES } from "@/lib/domain";

const SECRET = "integration-plugsurfing-events-secret";
const RUN = Math.random().toString(36).slice(2, 8);
type Handler = (request: Request) => Promise<Response>;

/** The route module with a fresh env(), which reads the secret once per module instance. */
async function routeWith(secret: string | undefined): Promise<Handler> {
  if (secret === undefined) delete process.env.PLUGSURFING_WEBHOOK_SECRET;
  else process.env.PLUGSURFING_WEBHOOK_SECRET = secret;
  vi.resetModules();
  return (await import("@/app/api/providers/plugsurfing/events/route")).POST;
}

const { db } = await import("@/lib/db");
const { plugsurfingSignature } = await import("@/lib/providers/plugsurfing/events");
const { remoteControl, startRemoteSession } = await import("./remote-control");
const { applySessionEvent, SESSION_EVENT_JOB } = await import("./session-events");

const sandboxUrl = inject("sandboxUrl");
let POST: Handler;
let receiver: Server;
const answered: Array<{ body: string; status: number }> = [];
let fleetId = "";
let driverId = "";
const providerUserId = `events-${RUN}`;

const post = (body: string, signature: string | null) =>
  POST(
    new Request("http://localhost/api/providers/plugsurfing/events", {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-plugsurfing-signature": signature } : {}) },
      body,
    }),
  );
const signed = (body: object) => {
  const text = JSON.stringify(body);
  return post(text, `sha256=${plugsurfingSignature(SECRET, text)}`);
};

async function until<T>(read: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("waited in vain");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const queued = (name: string, field: string, value: string) =>
  db.$queryRawUnsafe<Array<{ data: Record<string, unknown> }>>(
    `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'${field}' = $2`,
    name,
    value,
  );

beforeAll(async () => {
  POST = await routeWith(SECRET);
  // The queues the workers would create; none runs here, so what is sent stays to be read.
  const { getQueue } = await import("@/lib/jobs/queue");
  const { createQueueRacing } = await import("@/lib/jobs/create-queue");
  const boss = await getQueue();
  for (const name of [SESSION_EVENT_JOB, "sessions.sync"]) await createQueueRacing(boss, name, { name });
  const org = await db.organization.create({ data: { name: `Events org ${RUN}` } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Events", plugsurfingFleetId: `events-${RUN}` } })
  ).id;
  const user = await db.user.create({ data: { email: `events-${RUN}@test.local`, name: "Eve", passwordHash: "x" } });
  driverId = user.id;
  await db.membership.create({ data: { userId: driverId, fleetId, role: "DRIVER" } });
  await db.providerIdentity.create({
    data: { userId: driverId, kind: PROVIDER_FEATURES.PLUGSURFING.driverIdentity, value: providerUserId },
  });
  // The receiver a deployment would be: the sandbox's events go straight to the app's route.
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", async () => {
      const signature = request.headers["x-plugsurfing-signature"];
      const answer = await post(body, typeof signature === "string" ? signature : null);
      answered.push({ body, status: answer.status });
      response.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/providers/plugsurfing/events`;
  const registered = await fetch(`${sandboxUrl}/_sandbox/plugsurfing/webhook`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url, secret: SECRET }),
  });
  expect(registered.ok).toBe(true);
});

afterAll(async () => {
  await fetch(`${sandboxUrl}/_sandbox/plugsurfing/webhook`, { method: "DELETE" });
  await new Promise((resolve) => receiver?.close(resolve));
  const { stopQueue } = await import("@/lib/jobs/queue");
  await stopQueue();
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

describe("Plugsurfing session events", () => {
  it("bring a session stopped outside the dashboard up to date, through the signed route and the queue", async () => {
    const control = remoteControl("PLUGSURFING")!;
    // Munich, a random free charge point: other files start sessions in Berlin and Hamburg.
    const startable = (await control.search({ latitude: 48.137, longitude: 11.575, radiusM: 20_000, limit: 100 }))
      .flatMap((l) => l.evses)
      .filter((e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE"));
    const evse = startable[Math.floor(Math.random() * startable.length)];
    const started = await startRemoteSession({ fleetId, driverId, connectorId: evse.connectors[0].id });
    expect(started.kind).toBe("started");
    const sessionId = started.kind === "started" ? started.sessionId : "";
    const stored = await db.chargingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.status).toBe("WAITING_TO_START");

    // The driver stops it in the provider's own app: the dashboard is not asked.
    const stop = await fetch(
      `${sandboxUrl}/plugsurfing/drive/v1/users/${providerUserId}/sessions/${stored.providerSessionId}/stop`,
      { method: "POST", headers: { "X-API-Key": "sandbox-plugsurfing-key" } },
    );
    expect(stop.ok).toBe(true);

    const event = await until(() =>
      answered.find((a) => JSON.parse(a.body).sessionId === stored.providerSessionId && a.status === 202),
    );
    const told = JSON.parse(event.body) as { sessionStatus: string; userId: string };
    expect(told.userId).toBe(providerUserId);
    const [job] = await queued(SESSION_EVENT_JOB, "providerSessionId", stored.providerSessionId);
    expect(job?.data).toMatchObject({ provider: "PLUGSURFING", providerUserId });

    // What the queue's worker does with it: the session read from the provider, stored as a poll would.
    const hint = { provider: "PLUGSURFING" as const, providerSessionId: stored.providerSessionId, providerUserId };
    expect(await applySessionEvent(hint)).toBe("refreshed");
    const after = await db.chargingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after.status).toBe(told.sessionStatus);
    if (after.status === "COMPLETE") expect(await applySessionEvent(hint)).toBe("settled");
  });

  it("bring a driver's sync forward for a session not known yet, and do nothing for a stranger's", async () => {
    const unknownSession = `not-here-${RUN}`;
    expect(
      await applySessionEvent({ provider: "PLUGSURFING", providerSessionId: unknownSession, providerUserId }),
    ).toBe("sync-requested");
    expect(await queued("sessions.sync", "driverId", driverId)).not.toHaveLength(0);
    expect(
      await applySessionEvent({ provider: "PLUGSURFING", providerSessionId: unknownSession, providerUserId: "nobody" }),
    ).toBe("unknown");
  });

  it("answers 202 to a signed event, 400 to a signed body that names no session, 401 to a bad signature", async () => {
    expect((await signed({ sessionId: `s-${RUN}`, userId: providerUserId })).status).toBe(202);
    const noSession = await signed({ event: "ping" });
    expect(noSession.status).toBe(400);
    expect(((await noSession.json()) as { error: { message: string } }).error.message).toBe(
      "The body is not a session event.",
    );
    const body = JSON.stringify({ sessionId: `s-${RUN}` });
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, `sha256=${plugsurfingSignature("another-secret-entirely", body)}`)).status).toBe(401);
    expect((await post(`${body} `, `sha256=${plugsurfingSignature(SECRET, body)}`)).status).toBe(401);
  });

  it("is not there without a secret", async () => {
    const unconfigured = await routeWith(undefined);
    const body = JSON.stringify({ sessionId: `s-${RUN}` });
    const response = await unconfigured(
      new Request("http://localhost/api/providers/plugsurfing/events", {
        method: "POST",
        body,
        headers: { "x-plugsurfing-signature": `sha256=${plugsurfingSignature(SECRET, body)}` },
      }),
    );
    expect(response.status).toBe(404);
    POST = await routeWith(SECRET);
  });

  it("stops listening to an address after too many bad signatures", async () => {
    const body = JSON.stringify({ sessionId: `s-${RUN}` });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post(body, "sha256=" + "0".repeat(64))).status);
    // Refused as unsigned until the address has used up its 20 tries (three were spent above), then held off.
    const held = statuses.indexOf(429);
    expect(held).toBeGreaterThan(10);
    expect(statuses.slice(0, held).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(held).every((s) => s === 429)).toBe(true);
    const limited = await post(body, `sha256=${plugsurfingSignature(SECRET, body)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
