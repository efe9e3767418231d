// The Postgres rate limiter shared by two app instances (two pools) on one database.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresRateLimiter, pgRunner, bucketFor } from "./rate-limit";

const url = process.env.DATABASE_URL!;
const instanceA = new pg.Pool({ connectionString: url, max: 4 });
const instanceB = new pg.Pool({ connectionString: url, max: 4 });
afterAll(async () => {
  await instanceA.end();
  await instanceB.end();
});

describe("PostgresRateLimiter", () => {
  it("spaces requests from two instances as one schedule", async () => {
    const a = new PostgresRateLimiter(pgRunner(instanceA));
    const b = new PostgresRateLimiter(pgRunner(instanceB));
    const bucket = { key: `test:${randomUUID()}:spacing`, intervalMs: 100, burst: 1 };
    // Connect first, so that connection set-up does not skew the first release times.
    await Promise.all([...Array(4)].flatMap(() => [instanceA.query("SELECT 1"), instanceB.query("SELECT 1")]));
    // Started before the database reads its clock, so that every slot lies at or after `started`.
    const started = performance.now();
    const { rows: before } = await instanceA.query("SELECT now() AS now");
    const releasedAt = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        await (i % 2 === 0 ? a : b).acquire([bucket]);
        return performance.now() - started;
      }),
    );
    releasedAt.sort((x, y) => x - y);
    // The database handed out 12 consecutive 100 ms slots, whichever instance asked (a loaded machine may
    // deliver the requests late, which only moves the schedule later)…
    const { rows } = await instanceB.query("SELECT tat FROM provider_rate_limit WHERE key = $1", [bucket.key]);
    const scheduledMs = rows[0].tat.getTime() - before[0].now.getTime();
    expect(scheduledMs).toBeGreaterThanOrEqual(1_200);
    expect(scheduledMs).toBeLessThan(2_500);
    // …and no caller went before its slot: the n-th release comes at least n intervals after the start
    // (timers may fire a few ms early; lateness under load is allowed).
    releasedAt.forEach((at, n) => expect(at, `release ${n}`).toBeGreaterThanOrEqual(n * 100 - 25));
  });

  it("allows the burst at once and then the sustained rate, across instances", async () => {
    const a = new PostgresRateLimiter(pgRunner(instanceA));
    const b = new PostgresRateLimiter(pgRunner(instanceB));
    const bucket = bucketFor(`test:${randomUUID()}:minute`, 95, 60_000, 10);
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) waits.push(await (i % 2 === 0 ? a : b).reserve([bucket]));
    const immediate = waits.filter((w) => w <= 0).length;
    expect(immediate).toBeGreaterThanOrEqual(10);
    expect(immediate).toBeLessThanOrEqual(11);
    // The 20th request waits about 10 intervals of 60000/85 ms.
    expect(waits[19]).toBeGreaterThan(9 * (60_000 / 85) - 500);
    expect(waits[19]).toBeLessThan(10 * (60_000 / 85) + 500);
  });

  it("keeps one row per bucket and never stores a secret", async () => {
    const key = `test:${randomUUID()}:row`;
    await new PostgresRateLimiter(pgRunner(instanceA)).reserve([{ key, intervalMs: 10, burst: 1 }]);
    const { rows } = await instanceB.query("SELECT key, tat FROM provider_rate_limit WHERE key = $1", [key]);
    expect(rows).toHaveLength(1);
    expect(rows[0].tat).toBeInstanceOf(Date);
  });
});
