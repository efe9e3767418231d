import { describe, expect, it } from "vitest";
import { InMemoryRateLimiter, bucketFor, credentialFingerprint, withFallback } from "./rate-limit";

describe("InMemoryRateLimiter (GCRA)", () => {
  it("lets a burst through, then spaces requests by the interval", () => {
    let now = 0;
    const limiter = new InMemoryRateLimiter(() => now);
    const bucket = { key: "k", intervalMs: 100, burst: 3 };
    const waits = Array.from({ length: 6 }, () => limiter.reserve([bucket]));
    expect(waits).toEqual([0, 0, 0, 100, 200, 300]);
    now = 10_000; // quiet period: the burst is available again
    expect(limiter.reserve([bucket])).toBe(0);
  });

  it("never lets more than count through in any window (checked by simulation)", () => {
    let now = 0;
    const limiter = new InMemoryRateLimiter(() => now);
    const bucket = bucketFor("petitmonde:x:minute", 95, 60_000, 10);
    const sentAt: number[] = [];
    for (let i = 0; i < 400; i++) {
      now = i * 50; // callers arrive far faster than allowed
      sentAt.push(now + limiter.reserve([bucket]));
    }
    sentAt.sort((a, b) => a - b);
    let maxInWindow = 0;
    for (let i = 0, j = 0; i < sentAt.length; i++) {
      while (sentAt[i] - sentAt[j] >= 60_000) j++;
      maxInWindow = Math.max(maxInWindow, i - j + 1);
    }
    expect(maxInWindow).toBeLessThanOrEqual(95);
    expect(maxInWindow).toBeGreaterThan(85);
  });

  it("waits for the slowest of several buckets", () => {
    const limiter = new InMemoryRateLimiter(() => 0);
    const fast = { key: "fast", intervalMs: 10, burst: 5 };
    const spacing = { key: "spacing", intervalMs: 650, burst: 1 };
    expect(limiter.reserve([fast, spacing])).toBe(0);
    expect(limiter.reserve([fast, spacing])).toBe(650);
    expect(limiter.reserve([fast])).toBe(0);
  });

  it("refuses a burst that would exceed the count", () => {
    expect(() => bucketFor("k", 10, 1000, 10)).toThrow();
  });
});

describe("helpers", () => {
  it("fingerprints credentials without containing them", () => {
    const a = credentialFingerprint("https://x", "secret-key-1");
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toContain("secret");
    expect(credentialFingerprint("https://x", "secret-key-2")).not.toBe(a);
    expect(credentialFingerprint("https://x", "secret-key-1")).toBe(a);
  });

  it("falls back to the in-process limiter when the shared one fails", async () => {
    const errors: unknown[] = [];
    let fallbackUsed = 0;
    const limiter = withFallback(
      { acquire: async () => Promise.reject(new Error("db down")) },
      { acquire: async () => void fallbackUsed++ },
      (e) => errors.push(e),
    );
    await limiter.acquire([{ key: "k", intervalMs: 1, burst: 1 }]);
    expect(fallbackUsed).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
