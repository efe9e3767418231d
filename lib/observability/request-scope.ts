// The request id of the work being done, for provider calls, jobs and log lines. Inside a job the work
// context says it (lib/observability/context.ts); inside an HTTP request it is the X-Request-Id header
// that scripts/serve.ts set on the request, read through next/headers (an AsyncLocalStorage set in
// serve.ts would not reach every Next.js handler, and would leak into what a request starts).
import { headers } from "next/headers";
import { currentContext } from "./context";
import { log, type LogLevel } from "./log";
import { REQUEST_ID_HEADER, isSafeRequestId } from "./request-id";

/** The id of the HTTP request being served; undefined inside a job or outside any request. */
export async function httpRequestId(): Promise<string | undefined> {
  if (currentContext()) return undefined;
  try {
    const id = (await headers()).get(REQUEST_ID_HEADER);
    return isSafeRequestId(id) ? id : undefined;
  } catch {
    return undefined; // outside a request (a script, a test)
  }
}

/** What a provider call sends as X-Request-Id: the request's id, else the id of the job doing the work. */
export async function currentRequestId(): Promise<string | undefined> {
  const context = currentContext();
  if (context) return context.requestId ?? context.jobId;
  return httpRequestId();
}

/**
 * Logs a line with the current request's id. The id is read asynchronously, so the line may be written
 * a moment later; for synchronous code on a request's path (inside a job the logger adds the ids itself).
 */
export function logWithRequestId(level: LogLevel, fields: Record<string, unknown>, message: string): void {
  void httpRequestId().then(
    (requestId) => log[level](requestId ? { requestId, ...fields } : fields, message),
    () => log[level](fields, message),
  );
}
