import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { providerTelemetry } from "./telemetry";
import {
  decimal,
  keepValid,
  lenient,
  numeric,
  text,
  tolerantArray,
  tolerantPositions,
  tolerantResponse,
} from "./tolerant";

/** Drops recorded from now on, without their timestamps. */
function dropsSince() {
  const start = providerTelemetry().dropped.length;
  return () =>
    providerTelemetry()
      .dropped.slice(start)
      .map(({ provider, operation, path }) => ({ provider, operation, path }));
}

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const connector = z.object({ id: z.string(), kw: numeric });
const evse = z.object({
  uid: z.string(),
  connectors: tolerantArray(connector, { provider: "PETITMONDE", path: "connectors", optional: true }),
});
const location = z.object({ id: z.string(), evses: tolerantArray(evse, { provider: "PETITMONDE", path: "evses" }) });
const response = tolerantResponse(
  z.object({ results: tolerantArray(location, { provider: "PETITMONDE", path: "results" }) }),
  { provider: "PETITMONDE", operation: "search" },
);

describe("tolerantArray", () => {
  it("drops a bad item at any depth, keeps the rest and counts each drop with its full path", () => {
    const drops = dropsSince();
    const parsed = response.parse({
      results: [
        {
          id: "L1",
          evses: [
            {
              uid: "E1",
              connectors: [
                { id: "C1", kw: "22" },
                { id: 2, kw: 50 },
              ],
            },
          ],
        },
        { id: "L2", evses: [{ uid: "E2" }, { connectors: [] }] },
        "not a location",
        { id: "L4", evses: [] },
      ],
    });
    expect(parsed.results).toEqual([
      { id: "L1", evses: [{ uid: "E1", connectors: [{ id: "C1", kw: 22 }] }] },
      { id: "L2", evses: [{ uid: "E2", connectors: [] }] },
      { id: "L4", evses: [] },
    ]);
    expect(drops()).toEqual([
      { provider: "PETITMONDE", operation: "search", path: "results.0.evses.0.connectors.1.id" },
      { provider: "PETITMONDE", operation: "search", path: "results.1.evses.1.uid" },
      { provider: "PETITMONDE", operation: "search", path: "results.2" },
    ]);
  });

  it("an item whose own required array is missing is dropped, not the response", () => {
    const drops = dropsSince();
    const parsed = response.parse({ results: [{ id: "L1" }, { id: "L2", evses: [] }] });
    expect(parsed.results.map((l) => l.id)).toEqual(["L2"]);
    expect(drops()).toEqual([{ provider: "PETITMONDE", operation: "search", path: "results.0.evses" }]);
  });

  it("still fails a response without its top-level array, or one that is not an object, naming the path", () => {
    const drops = dropsSince();
    const missing = response.safeParse({ locations: [] });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path)).toEqual([["results"]]);
    expect(response.safeParse([{ id: "L1", evses: [] }]).success).toBe(false);
    expect(response.safeParse("oops").success).toBe(false);
    expect(drops()).toEqual([]);
  });

  it("works without an enclosing response: the operation is then 'unknown' unless given", () => {
    const drops = dropsSince();
    expect(keepValid([{ id: "a", kw: 1 }, { id: "b" }], connector, { provider: "DEPOTFINITY", path: "data" })).toEqual([
      { id: "a", kw: 1 },
    ]);
    expect(
      tolerantArray(connector, { provider: "PLUGSURFING", path: "keys", operation: "listKeys" }).parse([{ kw: 1 }]),
    ).toEqual([]);
    expect(drops()).toEqual([
      { provider: "DEPOTFINITY", operation: "unknown", path: "data.1.kw" },
      { provider: "PLUGSURFING", operation: "listKeys", path: "keys.0.id" },
    ]);
  });

  it("tolerantPositions keeps each item's 1-based position as sent, so a drop does not shift the others", () => {
    const list = tolerantPositions(z.object({ kw: numeric }), { provider: "PETITMONDE", path: "connectors" });
    expect(list.parse([{ kw: "x" }, { kw: 11 }, { kw: 22 }])).toEqual([
      { position: 2, value: { kw: 11 } },
      { position: 3, value: { kw: 22 } },
    ]);
  });
});

describe("field helpers", () => {
  it("lenient reads missing, null and malformed as undefined", () => {
    const schema = z.object({ n: lenient(numeric), s: lenient(z.string()) });
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ n: null, s: 5 })).toEqual({ n: undefined, s: undefined });
    expect(schema.parse({ n: "7.5", s: "x", extra: true })).toEqual({ n: 7.5, s: "x" });
  });

  it("numeric and decimal take numbers and numeric text only; text takes numbers as strings", () => {
    expect(numeric.parse(" 18.75 ")).toBe(18.75);
    expect(numeric.parse(-3)).toBe(-3);
    expect(numeric.safeParse("").success).toBe(false);
    expect(numeric.safeParse("12abc").success).toBe(false);
    expect(decimal.parse("18.75")).toBe("18.75");
    expect(decimal.safeParse("1,5").success).toBe(false);
    expect(text.parse(1)).toBe("1");
  });
});
