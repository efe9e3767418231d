import { describe, expect, it } from "vitest";
import { DEFAULT_STREET_STYLE_URL, chooseBasemap, configuredStreetStyle } from "./basemap";

const answer = (body: unknown, status = 200): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
const style = { version: 8, sources: { openmaptiles: {} }, layers: [{ id: "road" }] };
const URL = "https://tiles.example.org/styles/streets";

describe("configuredStreetStyle", () => {
  it("tries the default street style unless told another, or none", () => {
    expect(configuredStreetStyle(undefined)).toBe(DEFAULT_STREET_STYLE_URL);
    expect(configuredStreetStyle("  ")).toBe(DEFAULT_STREET_STYLE_URL);
    expect(configuredStreetStyle(` ${URL} `)).toBe(URL);
    expect(configuredStreetStyle("offline")).toBeNull();
    expect(configuredStreetStyle("OFFLINE")).toBeNull();
  });
});

describe("chooseBasemap", () => {
  it("draws streets when the style answers with a style", async () => {
    expect(await chooseBasemap(URL, answer(style))).toEqual({ kind: "streets", url: URL });
  });

  it("falls back to the offline basemap when there is nothing usable to reach", async () => {
    expect(await chooseBasemap(null, answer(style))).toEqual({ kind: "offline" });
    expect(await chooseBasemap(URL, answer(style, 503))).toEqual({ kind: "offline" });
    expect(await chooseBasemap(URL, answer({ error: "no such style" }))).toEqual({ kind: "offline" });
    const unreachable = (async () => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    expect(await chooseBasemap(URL, unreachable)).toEqual({ kind: "offline" });
    const notJson = (async () => new Response("<html>captive portal</html>")) as typeof fetch;
    expect(await chooseBasemap(URL, notJson)).toEqual({ kind: "offline" });
  });

  it("does not wait for a style that never answers", async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const started = Date.now();
    expect(await chooseBasemap(URL, hanging, 50)).toEqual({ kind: "offline" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
