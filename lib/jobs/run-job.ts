// Runs one job in its work context (its id and the request id of whoever enqueued it), with a log line
// at its start and end; and stamps the enqueuing request's id into a job's data.
import { runWithContext } from "@/lib/observability/context";
import { log } from "@/lib/observability/log";
import { isSafeRequestId } from "@/lib/observability/request-id";
import { httpRequestId } from "@/lib/observability/request-scope";

/** The field of a job's data that carries the enqueuing request's id; handlers never see it. */
export const REQUEST_ID_FIELD = "_requestId";

/** The data to enqueue: with the id of the HTTP request enqueuing it, when there is one. */
export async function withRequestId<T extends object>(data: T): Promise<T> {
  const requestId = await httpRequestId();
  return requestId ? { ...data, [REQUEST_ID_FIELD]: requestId } : data;
}

export async function runJob(
  job: { name: string; handle(data: object, job: { id: string }): Promise<unknown> },
  item: { id: string; data: unknown },
): Promise<unknown> {
  const { [REQUEST_ID_FIELD]: carried, ...data } = (item.data ?? {}) as Record<string, unknown>;
  const requestId = isSafeRequestId(carried) ? carried : undefined;
  const fields = { queue: job.name, jobId: item.id, ...(requestId ? { requestId } : {}) };
  const started = performance.now();
  log.debug({ event: "job.start", ...fields }, "job started");
  let output: unknown;
  try {
    output = await runWithContext({ requestId, jobId: item.id }, () => job.handle(data, { id: item.id }));
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    log.error({ event: "job.end", ...fields, outcome: "failed", durationMs, err: error }, "job failed");
    throw error;
  }
  const durationMs = Math.round(performance.now() - started);
  log.info({ event: "job.end", ...fields, outcome: "ok", durationMs }, "job finished");
  return output;
}
