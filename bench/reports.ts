// Report benchmarks: cost queries over 1,000,000 sessions generated in a throwaway PostgreSQL, and
// session sync throughput (sessions/s) against a fresh sandbox.
//   npm run bench -- reports
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { startSandbox } from "@/sandbox/server";

const SESSIONS = 1_000_000;
const FLEETS = 20;
const DRIVERS = 2_000;
const VEHICLES = 1_000;
const RUNS = 25;
const SYNC_DRIVERS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm the plan and the cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function run(): Promise<Record<string, number>> {
  const dataDir = path.resolve(`.test-data/bench-reports-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), preferredPort: 55632 });
  const sandbox = await startSandbox({ port: 0, dataDir: path.join(dataDir, "sandbox") });
  try {
    const databaseUrl = await ensureDatabase(postgres.serverUrl, "bench_reports");
    await migrate(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    process.env.SANDBOX_URL = sandbox.url;
    const { db } = await import("@/lib/db");
    const { costByDriver, costByMonth, costByVehicle, costTotals } = await import("@/lib/reports/cost-report");
    const { periodInZone } = await import("@/lib/reports/period");

    // ── 1,000,000 sessions over two years, 20 fleets, 2,000 drivers, 1,000 vans, three currencies ──
    const generateStarted = performance.now();
    await db.$executeRawUnsafe(`INSERT INTO "Organization" (id, name) VALUES ('bench-org', 'Bench')`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Fleet" (id, "organizationId", name, "plugsurfingFleetId", "updatedAt")
      SELECT 'fleet-' || f, 'bench-org', 'Fleet ' || f, 'bench-fleet-' || f, now() FROM generate_series(1, ${FLEETS}) f`);
    await db.$executeRawUnsafe(`
      INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
      SELECT 'driver-' || d, 'driver' || d || '@bench.test', 'Driver ' || d, 'x', now() FROM generate_series(1, ${DRIVERS}) d`);
    // Van v is in fleet 1 + (v - 1) % FLEETS, as are its sessions (i ≡ v - 1 modulo VEHICLES).
    await db.$executeRawUnsafe(`
      INSERT INTO "Vehicle" (id, "fleetId", plate, "plateKey", "batteryKwh", "connectorStandards", "updatedAt")
      SELECT 'van-' || v, 'fleet-' || (1 + (v - 1) % ${FLEETS}), 'B-BV ' || v, 'BBV' || v, 90, ARRAY['IEC_62196_T2'], now()
      FROM generate_series(1, ${VEHICLES}) v`);
    // A tenth of the sessions without a van; a van's odometer read at every third of its sessions, 180 km apart.
    await db.$executeRawUnsafe(`
      INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "driverId", "vehicleId", "odometerKm",
        status, "startTime", "endTime",
        "durationSeconds", "energyWh", "priceExclVatMinor", "priceInclVatMinor", "vatRateBasisPoints", currency, "operatorName", country, "updatedAt")
      SELECT 'bs-' || i, 'PLUGSURFING_SESSION', 'bench-' || i,
        'fleet-' || (1 + i % ${FLEETS}), 'driver-' || (1 + i % ${DRIVERS}),
        CASE WHEN i % 10 <> 0 THEN 'van-' || (1 + i % ${VEHICLES}) END,
        CASE WHEN i % 10 <> 0 AND i % ${VEHICLES * 3} < ${VEHICLES} THEN (i / ${VEHICLES}) * 180 END,
        'COMPLETE',
        timestamp '2025-01-01' + (i::double precision / ${SESSIONS}) * interval '730 days',
        timestamp '2025-01-01' + (i::double precision / ${SESSIONS}) * interval '730 days' + interval '45 minutes',
        2700, (5000 + (i::bigint * 7919) % 45000)::int,
        ((5000 + (i::bigint * 7919) % 45000) * 42 / 1000)::int,
        ((5000 + (i::bigint * 7919) % 45000) * 42 / 1000 * 119 / 100)::int,
        1900,
        CASE WHEN i % 50 = 0 THEN 'NOK' WHEN i % 97 = 0 THEN 'SEK' ELSE 'EUR' END,
        'DE*O' || lpad((i % 40)::text, 2, '0'), 'DE', now()
      FROM generate_series(1, ${SESSIONS}) i`);
    // Vacuumed as autovacuum keeps a table in service, so that index-only scans (a van's readings) read no heap.
    await db.$executeRawUnsafe(`VACUUM ANALYZE "ChargingSession"`);
    const generateMs = performance.now() - generateStarted;

    const fleet = ["fleet-7"];
    const month = periodInZone("2026-03-01", "2026-03-31", "Europe/Berlin");
    const year = periodInZone("2025-04-01", "2026-03-31", "Europe/Berlin");
    const monthByDriverMedianMs = await timed(RUNS, () => costByDriver(db, fleet, month));
    const monthTotalsMedianMs = await timed(RUNS, () => costTotals(db, fleet, month));
    const yearByMonthMedianMs = await timed(RUNS, () => costByMonth(db, fleet, year, "Europe/Berlin"));
    const yearByDriverMedianMs = await timed(RUNS, () => costByDriver(db, fleet, year));
    const monthByVehicleMedianMs = await timed(RUNS, () => costByVehicle(db, fleet, month, "Europe/Berlin"));
    const yearByVehicleMedianMs = await timed(RUNS, () => costByVehicle(db, fleet, year, "Europe/Berlin"));
    const rowsInMonth = await db.chargingSession.count({
      where: { fleetId: fleet[0], startTime: { gte: month.start, lt: month.end } },
    });

    // ── Sync throughput against the sandbox ──
    const { createProviders } = await import("@/lib/providers/create-providers");
    const { providerConfig } = await import("@/lib/env");
    const { syncSessionSource } = await import("@/lib/sessions/sync");
    const plugsurfing = createProviders(providerConfig()).get("PLUGSURFING");
    const syncFleet = await db.fleet.findUniqueOrThrow({ where: { id: "fleet-1" } });
    for (let d = 1; d <= SYNC_DRIVERS; d++) {
      const user = await db.user.create({
        data: { email: `sync${d}@bench.test`, name: `Sync ${d}`, passwordHash: "x" },
      });
      await db.membership.create({ data: { userId: user.id, fleetId: syncFleet.id, role: "DRIVER" } });
      await db.providerIdentity.create({
        data: { userId: user.id, kind: "PLUGSURFING_USER_ID", value: `bench-sync-${d}` },
      });
      await plugsurfing.ensureUser(`bench-sync-${d}`);
    }
    const syncStarted = performance.now();
    const summary = await syncSessionSource(db, plugsurfing, { fleetId: syncFleet.id, pageSize: 100 });
    const syncSeconds = (performance.now() - syncStarted) / 1000;
    const synced = summary.passes.reduce((n, d) => n + d.received, 0);
    if (summary.failures.length) throw new Error(`sync failed: ${JSON.stringify(summary.failures)}`);
    // A second pass with nothing new: what the 5-minute job costs when idle.
    const idleStarted = performance.now();
    await syncSessionSource(db, plugsurfing, { fleetId: syncFleet.id, pageSize: 100 });
    const idleSyncMs = performance.now() - idleStarted;

    await db.$disconnect();
    return {
      "reports.generate1MSessionsMs": generateMs,
      "reports.monthByDriverMedianMs": monthByDriverMedianMs,
      "reports.monthTotalsMedianMs": monthTotalsMedianMs,
      "reports.yearByMonthMedianMs": yearByMonthMedianMs,
      "reports.yearByDriverMedianMs": yearByDriverMedianMs,
      "reports.monthByVehicleMedianMs": monthByVehicleMedianMs,
      "reports.yearByVehicleMedianMs": yearByVehicleMedianMs,
      "reports.sessionsInBenchMonth": rowsInMonth,
      "reports.syncSessionsPerSecond": synced / syncSeconds,
      "reports.syncedSessions": synced,
      "reports.idleSyncOf20DriversMs": idleSyncMs,
    };
  } finally {
    await sandbox.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
