import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiGet, setReadFailureWords } from "./client";
import { api } from "./contract";

const GERMAN = {
  unreachable: "Der Server war nicht erreichbar.",
  unexpected: "Der Server hat nicht wie erwartet geantwortet.",
};

async function failure(answer: () => Promise<Response>, signal?: AbortSignal): Promise<unknown> {
  vi.stubGlobal("fetch", vi.fn(answer));
  try {
    await apiGet(api.health.providers, {}, { signal });
  } catch (error) {
    return error;
  }
  throw new Error("expected the read to fail");
}

describe("apiGet's failures", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says a dropped connection in the reader's words, never the browser's own", async () => {
    setReadFailureWords(GERMAN);
    const error = await failure(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("Der Server war nicht erreichbar.");
  });

  it("says an answer that is not the server's JSON (a proxy's error page) in the reader's words", async () => {
    setReadFailureWords(GERMAN);
    const error = await failure(async () => new Response("<html>502 Bad Gateway</html>", { status: 502 }));
    expect(error).toMatchObject({ status: 502, message: "Der Server hat nicht wie erwartet geantwortet." });
  });

  it("passes on the server's own failure as it said it", async () => {
    const said = { code: "FORBIDDEN", message: "Das dürfen Sie in dieser Flotte nicht." };
    const error = await failure(async () => Response.json({ error: said }, { status: 403 }));
    expect(error).toMatchObject({ status: 403, failure: said, message: said.message });
  });

  it("lets a read given up on stay an abort", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(() => Promise.reject(new DOMException("aborted", "AbortError")), controller.signal);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe("AbortError");
  });
});
