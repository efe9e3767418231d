// The browser's one way to read from the server: typed by the endpoint, failures as ApiError with the
// server's plain-language message, and one query key per endpoint and parameters for TanStack Query.
import type { ActionFailure } from "@/lib/actions/errors";
import type { EndpointRef as Endpoint, EndpointOutput, EndpointParams } from "./endpoints";

export class ApiError extends Error {
  constructor(
    readonly failure: ActionFailure,
    readonly status: number,
  ) {
    super(failure.message);
    this.name = "ApiError";
  }
}

/** What a read says when the server's own words never arrived; the app sets them in the reader's language. */
export interface ReadFailureWords {
  /** No answer at all (offline, the connection dropped). */
  unreachable: string;
  /** An answer that is not the server's JSON (a proxy's error page, a cut-off body). */
  unexpected: string;
}

let failureWords: ReadFailureWords = {
  unreachable: "The server could not be reached. Check your connection and try again.",
  unexpected: "The server did not answer as expected. Please try again.",
};

/** The words in use: also what a failed action says when it threw something other than its own failure. */
export function readFailureWords(): ReadFailureWords {
  return failureWords;
}

/** Called by the app's providers (app/providers.tsx) with the `common.failure` messages of the reader. */
export function setReadFailureWords(words: ReadFailureWords): void {
  failureWords = words;
}

type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Query string of the parameters: empty values left out, arrays as repeated keys (`?status=A&status=B`). */
export function toQuery(params: Record<string, ParamValue>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
  }
  return query.toString();
}

/** The URL of an endpoint with its parameters, e.g. for a CSV download link. */
export function apiUrl<E extends Endpoint>(endpoint: E, params: EndpointParams<E>): string {
  const query = toQuery(params as Record<string, ParamValue>);
  return query ? `${endpoint.path}?${query}` : endpoint.path;
}

export async function apiGet<E extends Endpoint>(
  endpoint: E,
  params: EndpointParams<E>,
  options: { signal?: AbortSignal } = {},
): Promise<EndpointOutput<E>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(endpoint, params), {
      signal: options.signal,
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
  } catch (error) {
    // A read given up on (TanStack Query cancels) is not a failure to report.
    if (options.signal?.aborted) throw error;
    throw new ApiError({ code: "INTERNAL", message: failureWords.unreachable }, 0);
  }
  const body = (await response.json().catch(() => null)) as { error?: ActionFailure } | null;
  if (!response.ok || body === null) {
    throw new ApiError(body?.error ?? { code: "INTERNAL", message: failureWords.unexpected }, response.status);
  }
  return body as EndpointOutput<E>;
}

/**
 * TanStack Query key: the endpoint's name split at its dots, then its parameters — `["bookings", "list",
 * {…}]` — so invalidating `["bookings"]` refreshes every bookings read.
 */
export function apiKey<E extends Endpoint>(endpoint: E, params?: EndpointParams<E>): readonly unknown[] {
  const name = endpoint.name.split(".");
  return params === undefined ? name : [...name, params];
}
