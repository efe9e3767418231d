import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runWithContext } from "@/lib/observability/context";
import { log } from "@/lib/observability/log";
import { currentRequestId } from "@/lib/observability/request-scope";
import { REQUEST_ID_FIELD, runJob, withRequestId } from "./run-job";

const request = vi.hoisted(() => ({ headers: undefined as Headers | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!request.headers) throw new Error("`headers` was called outside a request scope");
    return request.headers;
  },
}));

let info: ReturnType<typeof vi.spyOn>;
let debug: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  request.headers = undefined;
  info = vi.spyOn(log, "info");
  debug = vi.spyOn(log, "debug");
  error = vi.spyOn(log, "error").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe("withRequestId", () => {
  it("stamps the id of the HTTP request that enqueues", async () => {
    request.headers = new Headers({ "x-request-id": "req-42" });
    expect(await withRequestId({ fleetId: "f1" })).toEqual({ fleetId: "f1", [REQUEST_ID_FIELD]: "req-42" });
  });

  it("adds nothing outside a request, or when a job enqueues (a self-rescheduling job would carry it forever)", async () => {
    expect(await withRequestId({ a: 1 })).toEqual({ a: 1 });
    request.headers = new Headers({ "x-request-id": "req-stale" });
    expect(await runWithContext({ requestId: "req-1", jobId: "job-1" }, () => withRequestId({ a: 1 }))).toEqual({
      a: 1,
    });
  });
});

describe("runJob", () => {
  const item = { id: "job-7", data: { fleetId: "f1", [REQUEST_ID_FIELD]: "req-42" } };

  it("runs the handler in the job's context, without the carried field, and logs start and end", async () => {
    const seen: Array<{ data: object; id: string; requestId?: string }> = [];
    const job = {
      name: "demo.queue",
      async handle(data: object, { id }: { id: string }) {
        seen.push({ data, id, requestId: await currentRequestId() });
      },
    };
    await runJob(job, item);
    expect(seen).toEqual([{ data: { fleetId: "f1" }, id: "job-7", requestId: "req-42" }]);
    const ids = { queue: "demo.queue", jobId: "job-7", requestId: "req-42" };
    // A start is debug: the reconciler runs every few seconds; its end (with the duration) is info.
    expect(debug).toHaveBeenCalledWith(expect.objectContaining({ event: "job.start", ...ids }), "job started");
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({ event: "job.end", outcome: "ok", durationMs: expect.any(Number), ...ids }),
      "job finished",
    );
  });

  it("ignores an unsafe carried id and falls back to the job id for provider calls", async () => {
    let requestId: string | undefined;
    const job = { name: "q", handle: async () => void (requestId = await currentRequestId()) };
    await runJob(job, { id: "job-8", data: { [REQUEST_ID_FIELD]: "x\r\nInjected: 1" } });
    expect(requestId).toBe("job-8");
    await runJob(job, { id: "job-9", data: null });
    expect(requestId).toBe("job-9");
  });

  it("logs a failure with the error and passes it on to pg-boss", async () => {
    const boom = new Error("boom");
    const job = { name: "q", handle: async () => Promise.reject(boom) };
    await expect(runJob(job, item)).rejects.toBe(boom);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ event: "job.end", outcome: "failed", jobId: "job-7", requestId: "req-42", err: boom }),
      "job failed",
    );
  });
});
