// What the shared request budget costs each Petit Monde request: one upsert in PostgreSQL before it is sent
// (lib/providers/budget.ts), alone and with 8 at once (a map search asks up to 9 circles together).
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { PostgresBudgetLedger } from "@/lib/providers/budget";
import { pgRunner } from "@/lib/providers/rate-limit";

const RUNS = 500;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function run(): Promise<Record<string, number>> {
  const dataDir = path.resolve(`.test-data/bench-budget-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), preferredPort: 55652 });
  const pool = new pg.Pool({ connectionString: await ensureDatabase(postgres.serverUrl, "bench_budget"), max: 10 });
  try {
    await migrate(pool.options.connectionString!);
    const ledger = new PostgresBudgetLedger(pgRunner(pool));
    // A quota too large to run out: every take goes through, as most do.
    const quota = { key: "petitmonde:bench", monthLimit: 1e9 };
    for (let i = 0; i < 50; i++) await ledger.take(quota, "booking"); // connections, plans

    const single: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await ledger.take(quota, "browse");
      single.push(performance.now() - started);
    }
    const together: number[] = [];
    for (let i = 0; i < RUNS / 10; i++) {
      const started = performance.now();
      await Promise.all(Array.from({ length: 9 }, () => ledger.take(quota, "browse")));
      together.push(performance.now() - started);
    }
    return {
      "budget.takeMedianMs": median(single),
      "budget.nineTogetherMedianMs": median(together),
    };
  } finally {
    await pool.end();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
