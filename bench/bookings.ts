// Booking benchmarks against a throwaway PostgreSQL and the sandbox at its documented rate limits:
// a batch of 50 bookings' wall time vs the 600 ms spacing floor (and how many 429s it drew), and what
// keeping 1,000 open bookings reconciled costs in provider requests per minute.
//   npm run bench -- bookings
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { startSandbox } from "@/sandbox/server";

const BATCH_SIZE = 50;
const OPEN_BOOKINGS = 1_000;

interface Stats {
  total: number;
  rateLimited: number;
}

export async function run(): Promise<Record<string, number>> {
  // Inside the project (like the integration tests): the embedded server's own user must reach it.
  const dataDir = path.resolve(`.test-data/bench-bookings-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), preferredPort: 55532 });
  const sandbox = await startSandbox({ port: 0, dataDir: path.join(dataDir, "sandbox") });
  try {
    const databaseUrl = await ensureDatabase(postgres.serverUrl, "bench_bookings");
    await migrate(databaseUrl);
    // lib/db and lib/env read these on first use, so they are set before the modules load.
    process.env.DATABASE_URL = databaseUrl;
    process.env.SANDBOX_URL = sandbox.url;
    const { db } = await import("@/lib/db");
    const fixtures = await import("@/lib/bookings/testing/fixtures");
    const { createBatch, runBatchItems, BATCH_SPACING_MS } = await import("@/lib/bookings/batches");
    const { syncOpenBookings } = await import("@/lib/bookings/reconcile");
    const { FAST_RECONCILE_SECONDS, SLOW_RECONCILE_SECONDS } = await import("@/lib/bookings/jobs");

    const stats = async (): Promise<Stats> => (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as Stats;
    const providers = fixtures.sandboxProviders({ timeoutMs: 10_000 });
    const fleet = await fixtures.createTestFleet("Bench fleet");
    const window = await fixtures.testWindow({ leadMinutes: 120 });
    const evses = await fixtures.reservableEvsesNearBerlin(providers, BATCH_SIZE, window);
    // The app's own limiter lets 10 Petit Monde requests go back to back and refills one per 706 ms
    // (lib/providers/petitmonde/client.ts): the search above spent some. The batch starts once they are back,
    // as it does after the minutes a dispatcher takes to fill in a batch form.
    await new Promise((resolve) => setTimeout(resolve, 8_000));

    // ── A batch of 50 ──
    const items = evses.map((evse) => fixtures.groupBookingRequest(evse, window));
    await createBatch({ fleetId: fleet.fleetId, createdById: fleet.dispatcherId, items });
    const before = await stats();
    const started = performance.now();
    const result = await runBatchItems(providers);
    const batchWallMs = performance.now() - started;
    const after = await stats();
    const floorMs = (BATCH_SIZE - 1) * BATCH_SPACING_MS;
    const succeeded = await db.bookingBatchItem.count({ where: { status: "SUCCEEDED" } });

    // ── Reconciling 1,000 open bookings ──
    // The batch's real bookings plus stored ones up to 1,000 (the provider does not know those ids,
    // which a list call treats like bookings that have not moved: the cost is the same).
    const filler = OPEN_BOOKINGS - succeeded;
    await db.booking.createMany({
      data: Array.from({ length: filler }, (_, i) => ({
        fleetId: fleet.fleetId,
        provider: "PETITMONDE" as const,
        providerBookingId: `bench-${i}`,
        externalId: `bench-ext-${i}`,
        status: i % 2 ? ("CONFIRMED" as const) : ("REQUESTED" as const),
        locationId: evses[0].locationId,
        evseUid: evses[0].evseUid,
        locationSnapshot: evses[0].charger,
        windowStart: window.start,
        windowEnd: window.end,
        tokenStrategy: "GROUP_TOKEN" as const,
        createdById: fleet.dispatcherId,
      })),
    });
    const syncBefore = await stats();
    const syncStarted = performance.now();
    const sync = await syncOpenBookings(providers);
    const syncMs = performance.now() - syncStarted;
    const syncAfter = await stats();
    const requestsPerRun = syncAfter.total - syncBefore.total;

    await db.$disconnect();
    return {
      "bookings.batch50WallMs": Math.round(batchWallMs),
      "bookings.batch50FloorMs": floorMs,
      "bookings.batch50VsFloor": Number((batchWallMs / floorMs).toFixed(3)),
      "bookings.batch50Processed": result.processed,
      "bookings.batch50Succeeded": succeeded,
      "bookings.batch50ProviderRequests": after.total - before.total,
      "bookings.batch50RateLimited": after.rateLimited - before.rateLimited,
      "bookings.reconcile1000OpenBookings": sync.open,
      "bookings.reconcile1000RequestsPerRun": requestsPerRun,
      "bookings.reconcile1000RunMs": Math.round(syncMs),
      // While any booking waits for its operator, and otherwise.
      "bookings.reconcile1000RequestsPerMinuteFast": Number(
        ((requestsPerRun * 60) / FAST_RECONCILE_SECONDS).toFixed(2),
      ),
      "bookings.reconcile1000RequestsPerMinuteSlow": Number(
        ((requestsPerRun * 60) / SLOW_RECONCILE_SECONDS).toFixed(2),
      ),
    };
  } finally {
    await sandbox.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
