// The web server's side of observability (scripts/serve.ts calls observeRequest), on a real HTTP server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { observeRequest } from "./http-request";
import { log } from "./log";
import { metricsText } from "./metrics";

let server: Server;
let base = "";
const seenByApp: Array<string | string[] | undefined> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    observeRequest(request, response);
    seenByApp.push(request.headers["x-request-id"]);
    response.statusCode = request.url?.startsWith("/nowhere") ? 404 : 200;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function histogramCount(labels: string): Promise<number> {
  const line = (await metricsText()).body
    .split("\n")
    .find((l) => l.startsWith(`http_request_duration_seconds_count{${labels}}`));
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("observeRequest", () => {
  it("gives each request an id, on the request the app sees and on the answer", async () => {
    seenByApp.length = 0;
    const first = await fetch(`${base}/map`);
    const second = await fetch(`${base}/map`);
    const ids = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(seenByApp).toEqual(ids);
  });

  it("keeps a safe incoming id and replaces an unsafe one", async () => {
    seenByApp.length = 0;
    const kept = await fetch(`${base}/map`, { headers: { "X-Request-Id": "lb-123.abc" } });
    const replaced = await fetch(`${base}/map`, { headers: { "X-Request-Id": "x".repeat(200) } });
    expect(kept.headers.get("x-request-id")).toBe("lb-123.abc");
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByApp).toEqual(["lb-123.abc", replaced.headers.get("x-request-id")]);
  });

  it("logs one line per request, without the query string", async () => {
    const info = vi.spyOn(log, "info");
    const response = await fetch(`${base}/bookings/clx3k9v2p0000a8b7c6d5e4f3?token=very-secret`);
    await response.text();
    await vi.waitFor(() => expect(info).toHaveBeenCalled());
    const [fields, message] = info.mock.calls[0] as [Record<string, unknown>, string];
    expect(message).toBe("request");
    expect(fields).toMatchObject({
      event: "http.request",
      requestId: response.headers.get("x-request-id"),
      method: "GET",
      path: "/bookings/clx3k9v2p0000a8b7c6d5e4f3",
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(fields)).not.toContain("very-secret");
    info.mockRestore();
  });

  it("times requests by method, normalised route and status class", async () => {
    const route = 'method="GET",route="/bookings/:id",status_class="2xx"';
    const unmatched = 'method="GET",route="(not found)",status_class="4xx"';
    const [before, beforeUnmatched] = [await histogramCount(route), await histogramCount(unmatched)];
    await (await fetch(`${base}/bookings/cm1abcdefghijklmnopqrstu`)).text();
    await (await fetch(`${base}/bookings/cm1zyxwvutsrqponmlkjihgf`)).text();
    await (await fetch(`${base}/nowhere/${Math.random()}`)).text();
    await vi.waitFor(async () => expect(await histogramCount(route)).toBe(before + 2));
    expect(await histogramCount(unmatched)).toBe(beforeUnmatched + 1);
  });
});
