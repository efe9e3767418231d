import { describe, expect, it } from "vitest";
import { requestHash, validIdempotencyKey } from "./request-hash";

describe("the request an Idempotency-Key is bound to", () => {
  it("is the same for the same JSON in another key order", () => {
    const a = requestHash("POST", "/api/v1/bookings", { b: 1, a: { y: [1, { d: 2, c: 3 }], x: null } });
    const b = requestHash("post", "/api/v1/bookings", { a: { x: null, y: [1, { c: 3, d: 2 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs for another body, path or method", () => {
    const base = requestHash("POST", "/api/v1/bookings", { a: 1 });
    expect(requestHash("POST", "/api/v1/bookings", { a: 2 })).not.toBe(base);
    expect(requestHash("POST", "/api/v1/bookings/x/cancel", { a: 1 })).not.toBe(base);
    expect(requestHash("PUT", "/api/v1/bookings", { a: 1 })).not.toBe(base);
    expect(requestHash("POST", "/api/v1/bookings", [1, 2])).not.toBe(requestHash("POST", "/api/v1/bookings", [2, 1]));
  });

  it("takes keys of visible characters, at most 200", () => {
    expect(validIdempotencyKey("3f1c2a7e-0d4b-4c8e-9a51-6b2f0e7d9c10")).toBe(true);
    expect(validIdempotencyKey("")).toBe(false);
    expect(validIdempotencyKey("has space")).toBe(false);
    expect(validIdempotencyKey("x".repeat(201))).toBe(false);
  });
});
