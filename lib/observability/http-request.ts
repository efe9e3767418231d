// Each HTTP request the web server takes: its request id (on the request Next.js sees and on the
// answer), one log line when it ends, and its latency in http_request_duration_seconds.
import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "./log";
import { recordHttpRequest } from "./metrics";
import { REQUEST_ID_HEADER, acceptRequestId } from "./request-id";
import { loggablePath, pathOf, routeLabel } from "./route-label";

/** Call first thing for every request; returns the request's id. */
export function observeRequest(request: IncomingMessage, response: ServerResponse): string {
  const started = process.hrtime.bigint();
  const requestId = acceptRequestId(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader("X-Request-Id", requestId);

  response.once("close", () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const path = pathOf(request.url);
    const status = response.statusCode;
    recordHttpRequest({ method: request.method, route: routeLabel(path, status), status, durationMs });
    // Build assets are many and dull: visible at LOG_LEVEL=debug.
    log[path.startsWith("/_next/") ? "debug" : "info"](
      {
        event: "http.request",
        requestId,
        method: request.method,
        path: loggablePath(path),
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  });
  return requestId;
}
