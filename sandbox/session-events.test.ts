// The sandbox's Plugsurfing session events: a registered receiver gets each status change of a session once,
// signed with HMAC-SHA256 over the body, and nothing that happened before it registered; an unreachable one
// simply misses them (sent once, no retry).
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEYS, startTestSandbox, type TestSandbox } from "./test-support";

const SECRET = "sandbox-session-events-secret";
let sandbox: TestSandbox;
let receiver: Server;
let receiverUrl = "";
const received: Array<{ signature: string | undefined; body: string }> = [];
const ps = (method: string, path: string, body?: unknown) =>
  sandbox.call(method, `/plugsurfing/drive${path}`, { body, headers: KEYS.plugsurfing });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ signature: request.headers["x-plugsurfing-signature"] as string | undefined, body });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
});
afterAll(async () => {
  await sandbox?.dispose();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function connector(): Promise<string> {
  const r = await ps("POST", "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=5000&limit=50", {
    filters: { locationStatuses: ["AVAILABLE"], capabilities: ["REMOTE_START_STOP_CAPABLE"] },
    options: { filterEvsesAndConnectors: true },
  });
  const evses = r.json.locations.flatMap((l: { evses: Array<{ status: string }> }) => l.evses);
  return evses.find((e: { status: string }) => e.status === "AVAILABLE").connectors[0].id;
}

const eventsOf = (sessionId: string) =>
  received.map((r) => ({ ...r, json: JSON.parse(r.body) })).filter((r) => r.json.sessionId === sessionId);

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("sandbox session events", () => {
  it("are refused without a usable URL and secret", async () => {
    expect(
      (await sandbox.call("PUT", "/_sandbox/plugsurfing/webhook", { body: { url: "ftp://x", secret: SECRET } })).status,
    ).toBe(400);
    expect(
      (await sandbox.call("PUT", "/_sandbox/plugsurfing/webhook", { body: { url: receiverUrl, secret: "short" } }))
        .status,
    ).toBe(400);
  });

  it("tell a registered receiver of each change once, signed over the body", async () => {
    await ps("POST", "/v1/users", { id: "events-driver" });
    const before = (await ps("POST", "/v1/users/events-driver/sessions/start", { connectorId: await connector() })).json
      .sessionId as string;
    const registered = await sandbox.call("PUT", "/_sandbox/plugsurfing/webhook", {
      body: { url: receiverUrl, secret: SECRET },
    });
    expect(registered.json).toEqual({ registered: { url: receiverUrl } });

    // Past the longest wait for the charger (2 minutes), short of the quickest charge (over 5 minutes).
    await sandbox.advance(150_000);
    await until(() => eventsOf(before).length > 0);
    // What happened before registering is not told; what happens after is, once.
    const started = eventsOf(before);
    expect(started.map((e) => e.json.sessionStatus)).toEqual(["STARTED"]);
    expect(started[0].json).toMatchObject({ event: "session.status_changed", userId: "events-driver" });
    const digest = createHmac("sha256", SECRET).update(started[0].body).digest("hex");
    expect(started[0].signature).toBe(`sha256=${digest}`);

    await ps("POST", `/v1/users/events-driver/sessions/${before}/stop`);
    await until(() => eventsOf(before).length > 1);
    const statuses = eventsOf(before).map((e) => e.json.sessionStatus);
    expect(statuses[1]).toMatch(/^(COMPLETE|STOP_FAILED)$/);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(eventsOf(before).map((e) => e.json.sessionStatus)).toEqual(statuses);

    const view = await sandbox.call("GET", "/_sandbox/plugsurfing/webhook");
    expect(view.json.sent.filter((s: { sessionId: string }) => s.sessionId === before)).toEqual(
      statuses.map((sessionStatus) => ({ sessionId: before, sessionStatus, answer: 202 })),
    );
  });

  it("are missed, not retried, by a receiver that cannot be reached, and stop when unregistered", async () => {
    await sandbox.call("PUT", "/_sandbox/plugsurfing/webhook", {
      body: { url: "http://127.0.0.1:9/nobody", secret: SECRET },
    });
    await ps("POST", "/v1/users", { id: "events-driver-2" });
    const id = (await ps("POST", "/v1/users/events-driver-2/sessions/start", { connectorId: await connector() })).json
      .sessionId as string;
    await ps("POST", `/v1/users/events-driver-2/sessions/${id}/stop`);
    let sent: Array<{ sessionId: string; answer: number | null }> = [];
    const end = Date.now() + 5_000;
    while (Date.now() < end) {
      sent = (await sandbox.call("GET", "/_sandbox/plugsurfing/webhook")).json.sent;
      if (sent.some((s) => s.sessionId === id)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sent.filter((s) => s.sessionId === id)).toEqual([
      { sessionId: id, sessionStatus: "COMPLETE", answer: null },
    ]);
    expect((await sandbox.call("DELETE", "/_sandbox/plugsurfing/webhook")).json).toEqual({ registered: null });
  });
});
