import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  InMemoryBudgetLedger,
  budgetWithFallback,
  capsFor,
  currentRequestPriority,
  roomLeft,
  withRequestPriority,
  type BudgetLedger,
} from "./budget";
import { HttpClient } from "./http";
import { PetitMondeClient } from "./petitmonde/client";
import { ProviderTelemetry } from "./telemetry";
import { fakeFetch, json } from "./testing/fake-fetch";

const quota = { key: "petitmonde:test", monthLimit: 10_000 };
// December has 31 days: the day's allowance is ⌈10,000 / 31⌉ = 323.
const december = () => new Date("2026-12-15T10:00:00Z");

/** Takes until refused; how many went through. */
async function takeAll(ledger: BudgetLedger, priority: "booking" | "explicit" | "browse", max = 20_000) {
  let taken = 0;
  while (taken < max && (await ledger.take(quota, priority))) taken++;
  return taken;
}

describe("the request budget", () => {
  it("caps each priority at its share of the day's allowance and of the month", () => {
    expect(capsFor("browse", 10_000, 31)).toEqual({ month: 3_000, day: 96 });
    expect(capsFor("explicit", 10_000, 31)).toEqual({ month: 8_000, day: 258 });
    expect(capsFor("booking", 10_000, 31)).toEqual({ month: 10_000, day: null });
  });

  it("lets browsing spend 30 % of a day's allowance, a search asked for more, and bookings the rest", async () => {
    const ledger = new InMemoryBudgetLedger(december);
    expect(await takeAll(ledger, "browse")).toBe(96);
    // What browsing spent counts against the others' shares too.
    expect(await takeAll(ledger, "explicit")).toBe(258 - 96);
    expect(await ledger.take(quota, "browse")).toBe(false);
    // Bookings have no daily cap: they go on while the month lasts.
    expect(await takeAll(ledger, "booking", 1_000)).toBe(1_000);
    expect(await ledger.read(quota)).toEqual({
      dayUsed: 1_258,
      monthUsed: 1_258,
      monthLimit: 10_000,
      dayAllowance: 323,
    });
  });

  it("starts each UTC day and month from zero", async () => {
    let now = new Date("2026-12-15T10:00:00Z");
    const ledger = new InMemoryBudgetLedger(() => now);
    expect(await takeAll(ledger, "browse")).toBe(96);
    now = new Date("2026-12-16T00:00:01Z");
    expect(await takeAll(ledger, "browse")).toBe(96);
    expect((await ledger.read(quota)).monthUsed).toBe(192);
    now = new Date("2027-01-01T00:00:01Z");
    expect(await ledger.read(quota)).toMatchObject({ dayUsed: 0, monthUsed: 0 });
  });

  it("keeps browsing to 30 % of the month even when every day's share is left", async () => {
    const ledger = new InMemoryBudgetLedger(december);
    // Another client of the same key spent 2,990 this month: the provider's headers say so.
    await ledger.observe(quota, { limit: 10_000, remaining: 7_010 });
    expect(await takeAll(ledger, "browse")).toBe(10);
    // The catch-up is the month's, not today's: a search asked for still has its day's share.
    expect(roomLeft(await ledger.read(quota), 31)).toEqual({ booking: 7_000, explicit: 248, browse: 0 });
  });

  it("follows the limit the provider's own headers state, and never counts back", async () => {
    const ledger = new InMemoryBudgetLedger(december);
    await ledger.observe(quota, { limit: 2_000 });
    expect((await ledger.read(quota)).monthLimit).toBe(2_000);
    expect(await takeAll(ledger, "browse")).toBe(Math.floor(Math.ceil(2_000 / 31) * 0.3));
    await ledger.observe(quota, { limit: 2_000, remaining: 1_999 });
    expect((await ledger.read(quota)).monthUsed).toBe(19);
  });

  it("counts unmarked work as bookings, and marked work at its mark", async () => {
    expect(currentRequestPriority()).toBe("booking");
    await withRequestPriority("browse", async () => {
      await Promise.resolve();
      expect(currentRequestPriority()).toBe("browse");
    });
    expect(currentRequestPriority()).toBe("booking");
  });

  it("falls back to counting in-process while the shared ledger fails", async () => {
    const broken: BudgetLedger = {
      take: () => Promise.reject(new Error("database down")),
      observe: () => Promise.reject(new Error("database down")),
      read: () => Promise.reject(new Error("database down")),
    };
    const errors: unknown[] = [];
    const ledger = budgetWithFallback(broken, new InMemoryBudgetLedger(december), (e) => errors.push(e));
    expect(await takeAll(ledger, "browse")).toBe(96);
    expect(errors.length).toBe(97);
  });
});

describe("the HTTP client and the budget", () => {
  function client(ledger: BudgetLedger, handler = () => json({ id: "a" })) {
    const fake = fakeFetch(handler);
    const http = new HttpClient({
      provider: "PETITMONDE",
      baseUrl: "http://127.0.0.1:1/api/",
      fetch: fake.fetch,
      secrets: () => [],
      telemetry: new ProviderTelemetry(),
      budget: { ledger, quota },
    });
    const get = () =>
      http.request({ operation: "search", method: "GET", path: "/x", response: z.object({ id: z.string() }) });
    return { get, requests: fake.requests };
  }

  it("does not send a request whose priority's share is spent, and says why", async () => {
    const ledger = new InMemoryBudgetLedger();
    await ledger.observe(quota, { limit: 10, remaining: 5 }); // half the month spent elsewhere
    const { get, requests } = client(ledger);
    await expect(withRequestPriority("browse", get)).rejects.toMatchObject({
      name: "ProviderError",
      code: "QUOTA_KEPT",
      retryable: false,
      userMessage: "The rest of this provider's request quota is kept for bookings, so this was not asked.",
    });
    expect(requests).toHaveLength(0);
    // A booking's request still goes.
    await expect(get()).resolves.toMatchObject({ data: { id: "a" } });
    expect(requests).toHaveLength(1);
  });

  it("catches up with the month the provider's headers report", async () => {
    const ledger = new InMemoryBudgetLedger();
    const monthEnd = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString();
    const { get } = client(ledger, () =>
      json({ id: "a" }, 200, {
        "X-RateLimit-Limit": "10000",
        "X-RateLimit-Remaining": "7000",
        "X-RateLimit-Reset": monthEnd,
      }),
    );
    await get();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await ledger.read(quota)).monthUsed).toBe(3_000);
  });

  it("does not take a minute's remaining for the month's", async () => {
    const ledger = new InMemoryBudgetLedger();
    const { get } = client(ledger, () =>
      json({ id: "a" }, 200, {
        "X-RateLimit-Limit": "100",
        "X-RateLimit-Remaining": "99",
        "X-RateLimit-Reset": new Date(Date.now() + 30_000).toISOString(),
      }),
    );
    await get();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await ledger.read(quota)).toMatchObject({ monthUsed: 1, monthLimit: 10_000 });
  });
});

describe("Petit Monde's budget", () => {
  const config = { baseUrl: "http://127.0.0.1:1/petitmonde", apiKey: "k" };

  it("is the documented 10,000 a month, or what the contract says (PETITMONDE_MONTHLY_QUOTA)", () => {
    expect(new PetitMondeClient(config).budget.quota.monthLimit).toBe(10_000);
    expect(new PetitMondeClient({ ...config, monthlyQuota: 50_000 }).budget.quota.monthLimit).toBe(50_000);
  });

  it("is one per credential, the same on every instance, and names no secret", () => {
    const a = new PetitMondeClient(config).budget.quota.key;
    expect(new PetitMondeClient(config).budget.quota.key).toBe(a);
    expect(new PetitMondeClient({ ...config, apiKey: "other" }).budget.quota.key).not.toBe(a);
    expect(a).toMatch(/^petitmonde:[0-9a-f]{16}$/);
  });
});
