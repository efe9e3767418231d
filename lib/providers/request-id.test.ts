// Every provider call carries the request id of the work it is done for, on the wire (X-Request-Id) and
// in its log line and metrics; checked against a real local HTTP server.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { runWithContext } from "@/lib/observability/context";
import { log } from "@/lib/observability/log";
import { metricsText } from "@/lib/observability/metrics";
import { HttpClient } from "./http";

const request = vi.hoisted(() => ({ headers: undefined as Headers | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!request.headers) throw new Error("`headers` was called outside a request scope");
    return request.headers;
  },
}));

let server: Server;
let baseUrl = "";
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader("content-type", "application/json");
    res.end(req.url === "/missing" ? (res.writeHead(404), "{}") : JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  request.headers = undefined;
});

const client = () => new HttpClient({ provider: "PETITMONDE", baseUrl, secrets: () => [], retry: { maxAttempts: 1 } });
const call = (path = "/ok") =>
  client().request({ operation: "probe", method: "GET", path, response: z.object({ ok: z.boolean() }) });

describe("the request id on provider calls", () => {
  it("sends the X-Request-Id of the HTTP request being served and logs the attempt with it", async () => {
    request.headers = new Headers({ "x-request-id": "req-from-serve" });
    const info = vi.spyOn(log, "info");
    await call();
    expect(seen[0]["x-request-id"]).toBe("req-from-serve");
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({
        event: "provider.request",
        requestId: "req-from-serve",
        provider: "PETITMONDE",
        operation: "probe",
        status: 200,
        outcome: "ok",
        durationMs: expect.any(Number),
      }),
      "provider request",
    );
    info.mockRestore();
  });

  it("inside a job, sends the enqueuing request's id, or the job's own id", async () => {
    await runWithContext({ requestId: "req-that-enqueued", jobId: "job-1" }, () => call());
    await runWithContext({ jobId: "job-2" }, () => call());
    expect(seen.map((h) => h["x-request-id"])).toEqual(["req-that-enqueued", "job-2"]);
  });

  it("sends none outside any request or job, and never an unsafe header value", async () => {
    await call();
    request.headers = new Headers({ "x-request-id": "not safe, has spaces" });
    await call();
    expect(seen.map((h) => h["x-request-id"])).toEqual([undefined, undefined]);
  });

  it("counts each attempt by provider, operation and outcome", async () => {
    const count = async (outcome: string) => {
      const line = (await metricsText()).body
        .split("\n")
        .find((l) =>
          l.startsWith(`provider_requests_total{provider="petitmonde",operation="probe",outcome="${outcome}"}`),
        );
      return line ? Number(line.split(" ").pop()) : 0;
    };
    const [ok, clientError] = [await count("ok"), await count("client_error")];
    await call();
    await call("/missing").catch(() => undefined);
    expect(await count("ok")).toBe(ok + 1);
    expect(await count("client_error")).toBe(clientError + 1);
  });
});
