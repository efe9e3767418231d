// The Postgres request budget shared by two app instances (two pools) on one database.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresBudgetLedger, capsFor, daysInUtcMonth } from "./budget";
import { pgRunner } from "./rate-limit";

const url = process.env.DATABASE_URL!;
const instanceA = new pg.Pool({ connectionString: url, max: 4 });
const instanceB = new pg.Pool({ connectionString: url, max: 4 });
afterAll(async () => {
  await instanceA.end();
  await instanceB.end();
});

const a = new PostgresBudgetLedger(pgRunner(instanceA));
const b = new PostgresBudgetLedger(pgRunner(instanceB));
const quotaOf = (monthLimit: number) => ({ key: `test:${randomUUID()}`, monthLimit });

describe("PostgresBudgetLedger", () => {
  it("lets two instances together spend browsing's share of the day exactly, never more", async () => {
    const quota = quotaOf(10_000);
    const cap = capsFor("browse", 10_000, daysInUtcMonth(new Date())).day!;
    const answers = await Promise.all(
      Array.from({ length: cap + 40 }, (_, i) => (i % 2 === 0 ? a : b).take(quota, "browse")),
    );
    expect(answers.filter(Boolean)).toHaveLength(cap);
    expect(await b.read(quota)).toMatchObject({ dayUsed: cap, monthUsed: cap, monthLimit: 10_000 });
    // A booking still goes: its share is the whole month.
    expect(await a.take(quota, "booking")).toBe(true);
  });

  it("catches up with the month the provider reports, never counting back, and follows its limit", async () => {
    const quota = quotaOf(10_000);
    await a.take(quota, "booking");
    await a.observe(quota, { limit: 8_000, remaining: 3_900 });
    expect(await b.read(quota)).toMatchObject({ dayUsed: 1, monthUsed: 4_100, monthLimit: 8_000 });
    await b.observe(quota, { limit: 8_000, remaining: 7_999 });
    expect((await a.read(quota)).monthUsed).toBe(4_100);
    // Half of the provider's 8,000 is spent: browsing is refused, a search asked for is not.
    expect(await a.take(quota, "browse")).toBe(false);
    expect(await a.take(quota, "explicit")).toBe(true);
  });

  it("starts a new day and month from zero", async () => {
    const quota = quotaOf(10_000);
    await instanceA.query(
      `INSERT INTO provider_request_budget (key, day, "dayUsed", month, "monthUsed") VALUES ($1, '2020-01-31', 300, '2020-01', 9999)`,
      [quota.key],
    );
    expect(await a.read(quota)).toMatchObject({ dayUsed: 0, monthUsed: 0 });
    expect(await a.take(quota, "browse")).toBe(true);
    expect(await b.read(quota)).toMatchObject({ dayUsed: 1, monthUsed: 1 });
  });

  it("reads a credential it has never seen as unspent, at the documented limit", async () => {
    const quota = quotaOf(10_000);
    const use = await a.read(quota);
    expect(use).toEqual({
      dayUsed: 0,
      monthUsed: 0,
      monthLimit: 10_000,
      dayAllowance: Math.ceil(10_000 / daysInUtcMonth(new Date())),
    });
  });
});
