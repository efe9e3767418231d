// A job enqueued while serving a request runs with that request's id, through real pg-boss workers.
import { afterAll, describe, expect, it, vi } from "vitest";
import { currentRequestId } from "@/lib/observability/request-scope";
import { defineJob, enqueue, startWorkers, stopQueue } from "./queue";

const request = vi.hoisted(() => ({ headers: undefined as Headers | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!request.headers) throw new Error("`headers` was called outside a request scope");
    return request.headers;
  },
}));

afterAll(() => stopQueue());

describe("the job queue", () => {
  it("carries the enqueuing request's id into the job, and hands the handler its own data only", async () => {
    const ran: Array<{ data: object; jobId: string; requestId?: string }> = [];
    const job = defineJob<{ n: number }>({
      name: "queue-test.request-id",
      pollingIntervalSeconds: 0.5,
      async handle(data, { id }) {
        ran.push({ data, jobId: id, requestId: await currentRequestId() });
      },
    });
    await startWorkers([job]);

    request.headers = new Headers({ "x-request-id": "req-enqueuing-1" });
    const fromRequest = await enqueue(job.name, { n: 1 });
    request.headers = undefined;
    const fromNowhere = await enqueue(job.name, { n: 2 });

    await vi.waitFor(() => expect(ran).toHaveLength(2), { timeout: 15_000, interval: 200 });
    const byN = Object.fromEntries(ran.map((r) => [(r.data as { n: number }).n, r]));
    expect(byN[1]).toEqual({ data: { n: 1 }, jobId: fromRequest, requestId: "req-enqueuing-1" });
    // No request behind it: provider calls carry the job's own id.
    expect(byN[2]).toEqual({ data: { n: 2 }, jobId: fromNowhere, requestId: fromNowhere });
  });
});
