// The request id: one per HTTP request, assigned by scripts/serve.ts, echoed as X-Request-Id and carried
// into provider calls and the jobs a request enqueues, so one id finds every log line of one request.
import { randomUUID } from "node:crypto";

/** Lower case, as Node hands request headers over. */
export const REQUEST_ID_HEADER = "x-request-id";

const MAX_LENGTH = 64;
// Letters, digits and a little punctuation: nothing that could break a log line, a header or a label.
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** True for an id short and plain enough to be believed from a client or a proxy. */
export function isSafeRequestId(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_LENGTH && SAFE.test(value);
}

export function newRequestId(): string {
  return randomUUID();
}

/** An incoming X-Request-Id when it is one short, safe value (e.g. from a load balancer); a new id otherwise. */
export function acceptRequestId(incoming: string | string[] | undefined): string {
  return isSafeRequestId(incoming) ? incoming : newRequestId();
}
