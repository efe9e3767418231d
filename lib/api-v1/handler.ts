// The public API's route handlers: the API token is authenticated and rate-limited here, then the very
// action or route handler the UI calls runs with the token's service account as its current user
// (runAsPrincipal). Authorization, validation, plain-words errors, denials and audit entries are therefore
// the UI's own; this layer adds only the token, the fleet (the token's, unless another is named — which the
// fleet check then refuses), Idempotency-Key on POSTs, and JSON errors for what happens before.
import "server-only";
import { HTTP_STATUS, type ActionFailure, type ActionResult } from "@/lib/actions/errors";
import { authenticateApiToken, type ApiPrincipal } from "@/lib/api-tokens/authenticate";
import { runAsPrincipal } from "@/lib/auth/session";
import { requestAddress } from "@/lib/http/request-address";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import type { V1Route } from "./catalogue";
import { idempotent } from "./idempotency";
import { requestHash, validIdempotencyKey } from "./request-hash";

type RouteContext = { params: Promise<Record<string, string>> };
type Handler = (request: Request, context: RouteContext) => Promise<Response>;

export const REPLAYED_HEADER = "Idempotent-Replayed";

function failure(error: ActionFailure, headers?: HeadersInit): Response {
  return Response.json({ error }, { status: HTTP_STATUS[error.code], headers });
}

async function authenticated(request: Request): Promise<ApiPrincipal | Response> {
  const words = await readerFailureWords();
  const auth = await authenticateApiToken(request, await requestAddress());
  if (auth.ok) return auth.principal;
  if (auth.reason === "rate-limited") {
    return failure(
      { code: "RATE_LIMITED", message: words.errors("apiTokens.tooMany", { seconds: auth.retryAfterSeconds }) },
      { "Retry-After": String(auth.retryAfterSeconds) },
    );
  }
  const message = words.errors(auth.reason === "missing" ? "apiTokens.missing" : "apiTokens.invalid");
  return failure({ code: "UNAUTHENTICATED", message }, { "WWW-Authenticate": 'Bearer realm="api"' });
}

/**
 * A GET over one of the read API's handlers: its query string as given, the path's parameters and the
 * token's fleet added, the handler's answer returned as it is.
 */
export function v1Get(route: V1Route, internal: (request: Request) => Promise<Response>): Handler {
  return async function handle(request, context) {
    const principal = await authenticated(request);
    if (principal instanceof Response) return principal;
    const url = new URL(request.url);
    const params = await context.params;
    for (const name of route.pathParams) url.searchParams.set(name, params[name]);
    if (!url.searchParams.has("fleetId")) url.searchParams.set("fleetId", principal.fleetId);
    const inner = new Request(url, { headers: request.headers });
    return runAsPrincipal(principal.user, () => internal(inner));
  };
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A POST over one of the UI's server actions: the JSON body, the path's parameters and the token's fleet as
 * its input, run once per Idempotency-Key.
 */
export function v1Post<R>(route: V1Route, action: (raw: unknown) => Promise<ActionResult<R>>): Handler {
  return async function handle(request, context) {
    const principal = await authenticated(request);
    if (principal instanceof Response) return principal;
    const words = await readerFailureWords();
    const key = request.headers.get("idempotency-key");
    if (key === null || !validIdempotencyKey(key)) {
      return failure({ code: "VALIDATION", message: words.errors("apiTokens.idempotencyKeyInvalid") });
    }
    const body = await jsonBody(request);
    if (!body) return failure({ code: "VALIDATION", message: words.errors("apiTokens.notJson") });
    const params = await context.params;
    const raw: Record<string, unknown> = { fleetId: principal.fleetId, ...body };
    for (const name of route.pathParams) raw[name] = params[name];
    const path = new URL(request.url).pathname;
    const outcome = await idempotent(
      { tokenId: principal.tokenId, key, requestHash: requestHash("POST", path, raw) },
      async () => {
        const result = await runAsPrincipal(principal.user, () => action(raw));
        return result.ok
          ? { status: route.successStatus, body: result.data }
          : { status: HTTP_STATUS[result.error.code], body: { error: result.error } };
      },
    );
    if (outcome.kind === "reused") {
      return Response.json(
        { error: { code: "VALIDATION", message: words.errors("apiTokens.idempotencyKeyReused") } },
        { status: 422 },
      );
    }
    if (outcome.kind === "running") {
      return failure(
        { code: "CONFLICT", message: words.errors("apiTokens.idempotencyKeyRunning") },
        { "Retry-After": "1" },
      );
    }
    const headers = outcome.kind === "replayed" ? { [REPLAYED_HEADER]: "true" } : undefined;
    return Response.json(outcome.answer.body, { status: outcome.answer.status, headers });
  };
}
