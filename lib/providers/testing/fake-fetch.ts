// A scripted stand-in for fetch in unit tests: records every request and answers from a handler.

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export type FakeHandler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function fakeFetch(handler: FakeHandler) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((init?.headers as Record<string, string>) ?? {})) headers[k.toLowerCase()] = v;
    const request: RecordedRequest = {
      method: init?.method ?? "GET",
      url: new URL(String(input)),
      headers,
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    requests.push(request);
    if (init?.signal?.aborted) throw init.signal.reason;
    return handler(request, requests.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

/** A network failure as undici reports it. */
export function networkError(code = "ECONNRESET"): TypeError {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });
}

/** Sleep that records the waits instead of waiting. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
