// Fleet-scale benchmarks: 10,000 drivers, 20,000 charging keys, 1,000,000 sessions, 100,000 bookings and
// 10,000,000 audit entries generated with SQL in a throwaway PostgreSQL; times the key, session, booking and audit
// lists (first page, filters, every sort, the last page), the sessions CSV export and every cost report.
//   npm run bench -- scale
//   BENCH_SCALE_FACTOR=0.1 npm run bench -- scale    a tenth of every size, while working on it
//   BENCH_PG_PORT=3301 npm run bench -- scale        the first port tried for its PostgreSQL (default 55642)
//   BENCH_SCALE_DATA=.test-data/scale npm run bench -- scale    keep the seeded database in that folder and reuse
//                                                    it on the next run of the same scale factor (seeding the full
//                                                    size takes about 17 minutes here); migrations still apply
//   BENCH_SCALE_ONLY=reports npm run bench -- scale   only some parts: keys, sessions, bookings, audit, csv, reports
// Half of every table belongs to one large fleet ("fleet-1"), the rest is spread over 19 smaller ones: the lists
// and the export are timed on the large fleet, the worst case.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "../scripts/lib/postgres";

const FACTOR = Number(process.env.BENCH_SCALE_FACTOR ?? 1);
if (!(FACTOR > 0 && FACTOR <= 1)) throw new Error("BENCH_SCALE_FACTOR must be in (0, 1]");
const scaled = (n: number) => Math.max(100, Math.round(n * FACTOR));
const DRIVERS = scaled(10_000);
const KEYS = scaled(20_000);
const SESSIONS = scaled(1_000_000);
const BOOKINGS = scaled(100_000);
const AUDIT = scaled(10_000_000);
const FLEETS = 20;
const RUNS = 7;
const BIG = "fleet-1";
const PARTS = ["keys", "sessions", "bookings", "audit", "csv", "reports"] as const;
const ONLY = process.env.BENCH_SCALE_ONLY?.split(",").map((p) => p.trim());
if (ONLY?.some((p) => !(PARTS as readonly string[]).includes(p)))
  throw new Error(`BENCH_SCALE_ONLY takes some of ${PARTS.join(", ")}`);
const runs = (part: (typeof PARTS)[number]) => !ONLY || ONLY.includes(part);

/** The fleet of driver `x` (an SQL expression): half of them in fleet-1, the rest over fleets 2–20. */
const fleetOf = (x: string) => `'fleet-' || (CASE WHEN ${x} % 2 = 0 THEN 1 ELSE 2 + (${x} / 2) % ${FLEETS - 1} END)`;
/** A driver picked for row `i`, spread evenly and not in step with `i`. */
const driverOf = (i: string) => `(1 + (${i}::bigint * 7919) % ${DRIVERS})`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times each case RUNS times after one warm-up; every time of every case together gives the list's p50/p95. */
async function timeCases(cases: Record<string, () => Promise<unknown>>) {
  const all: number[] = [];
  let worst = { name: "", medianMs: 0 };
  for (const [name, work] of Object.entries(cases)) {
    await work();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    all.push(...times);
    const medianMs = percentile(times, 50);
    if (medianMs > worst.medianMs) worst = { name, medianMs };
  }
  console.log(`    worst: ${worst.name} (${worst.medianMs.toFixed(1)} ms median)`);
  return { p50: percentile(all, 50), p95: percentile(all, 95), worst: worst.medianMs };
}

async function seed(exec: (sql: string) => Promise<unknown>) {
  const step = async (label: string, sql: string) => {
    const started = performance.now();
    await exec(sql);
    console.log(`    ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await exec(`INSERT INTO "Organization" (id, name) VALUES ('bench-org', 'Bench')`);
  await step(
    "fleets",
    `INSERT INTO "Fleet" (id, "organizationId", name, "plugsurfingFleetId", "updatedAt")
     SELECT 'fleet-' || f, 'bench-org', 'Fleet ' || f, 'bench-fleet-' || f, now() FROM generate_series(1, ${FLEETS}) f`,
  );
  await step(
    `${DRIVERS} drivers`,
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
     SELECT 'driver-' || d, 'driver' || d || '@bench.test', 'Driver ' || lpad(d::text, 5, '0'), 'x', now()
     FROM generate_series(1, ${DRIVERS}) d`,
  );
  await exec(`
    INSERT INTO "Membership" (id, "userId", "fleetId", role, "updatedAt")
    SELECT 'm-' || d, 'driver-' || d, ${fleetOf("d")}, 'DRIVER', now() FROM generate_series(1, ${DRIVERS}) d`);
  // Four keys in five are assigned to a driver (and in the driver's fleet); the fifth waits in a fleet.
  await step(
    `${KEYS} keys`,
    `INSERT INTO "ChargingKey" (id, provider, "keyId", "fleetId", name, "visualNumber", "contractId", type, enabled,
       "validFrom", "validTo", "assignedDriverId", source, "syncedAt", "updatedAt")
     SELECT 'key-' || k, (ARRAY['PLUGSURFING','PETITMONDE','DEPOTFINITY'])[1 + k % 3]::"Provider",
       upper(lpad(to_hex(k * 2654435761 % 4294967295), 8, '0')) || lpad(k::text, 6, '0'),
       ${fleetOf("d")},
       CASE WHEN k % 7 = 0 THEN NULL ELSE 'Card ' || k END,
       CASE WHEN k % 11 = 0 THEN NULL ELSE 'DE-PLS-' || lpad(k::text, 8, '0') END,
       'DE*PLS*C' || lpad(k::text, 8, '0'),
       (ARRAY['RFID_CARD','RFID_TAG','VIRTUAL'])[1 + (k / 3) % 3]::"ChargingKeyType",
       k % 13 <> 0,
       timestamp '2024-01-01' + (k % 700) * interval '1 day',
       CASE WHEN k % 4 = 0 THEN NULL ELSE timestamp '2026-06-01' + (k % 900) * interval '1 day' END,
       CASE WHEN k % 5 = 0 THEN NULL ELSE 'driver-' || d END,
       'provider', timestamp '2026-11-01' + (k % 1000) * interval '1 minute', now()
     FROM generate_series(1, ${KEYS}) k, LATERAL (SELECT ${driverOf("k")} AS d) pick`,
  );
  await step(
    `${SESSIONS} sessions`,
    `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "driverId", "chargingKeyId", status,
       "startTime", "endTime", "durationSeconds", "energyWh", "priceExclVatMinor", "priceInclVatMinor",
       "vatRateBasisPoints", currency, "evseId", "chargerName", "operatorName", country, "updatedAt")
     SELECT 's-' || i, (ARRAY['PLUGSURFING_SESSION','PETITMONDE_BOOKING','DEPOT_TRANSACTION'])[1 + i % 3]::"SessionSource",
       'bench-' || i, ${fleetOf("d")}, 'driver-' || d, 'key-' || (1 + (d * 2) % ${KEYS}),
       CASE WHEN i % 40 = 0 THEN 'FAILED' WHEN i % 97 = 0 THEN 'NO_SHOW' WHEN i % 1000 = 0 THEN 'STARTED' ELSE 'COMPLETE' END,
       at, at + interval '45 minutes', 2700, e, e * 42 / 1000, e * 42 / 1000 * 119 / 100, 1900,
       CASE WHEN i % 50 = 0 THEN 'NOK' WHEN i % 97 = 0 THEN 'SEK' ELSE 'EUR' END,
       'DE*O' || lpad((i % 40)::text, 2, '0') || '*E' || (i % 500), 'Charger ' || (i % 500),
       'DE*O' || lpad((i % 40)::text, 2, '0'),
       (ARRAY['DE','DE','DE','NL','FR','AT','BE','DK'])[1 + i % 8], now()
     FROM generate_series(1, ${SESSIONS}) i,
       LATERAL (SELECT ${driverOf("i")} AS d,
         timestamp '2025-01-01' + (i::double precision / ${SESSIONS}) * interval '700 days' AS at,
         (5000 + (i::bigint * 7919) % 45000)::int AS e) pick`,
  );
  await step(
    `${BOOKINGS} bookings`,
    `INSERT INTO "Booking" (id, "fleetId", provider, "providerBookingId", "externalId", status, "locationId", "evseUid",
       "locationSnapshot", "windowStart", "windowEnd", "tokenStrategy", "assignedDriverId", "createdById",
       "priceMinor", currency, "updatedAt")
     SELECT 'b-' || i, ${fleetOf("d")}, p::"Provider", 'pb-' || i, 'ext-' || i,
       (ARRAY['CONFIRMED','COMPLETED','COMPLETED','COMPLETED','CANCELLED','EXPIRED','NO_SHOW','PENDING'])[1 + i % 8]::"BookingStatus",
       'loc-' || (i % 2000), 'evse-' || (i % 2000),
       jsonb_build_object('name', 'Charger ' || (i % 2000), 'address', 'Street ' || (i % 2000), 'timeZone', 'Europe/Berlin',
         'latitude', 52.5, 'longitude', 13.4, 'operatorName', 'Operator ' || (i % 40)),
       at, at + interval '1 hour', 'DRIVER_TOKEN', CASE WHEN i % 3 = 0 THEN NULL ELSE 'driver-' || d END,
       'driver-' || d, 500 + i % 1500, 'EUR', now()
     FROM generate_series(1, ${BOOKINGS}) i,
       LATERAL (SELECT ${driverOf("i")} AS d, (ARRAY['PETITMONDE','DEPOTFINITY'])[1 + i % 2] AS p,
         timestamp '2025-01-01' + (i::double precision / ${BOOKINGS}) * interval '730 days' AS at) pick`,
  );
  // The audit trail in slices, so that a slice's work stays in memory.
  const started = performance.now();
  const slice = 1_000_000;
  for (let from = 1; from <= AUDIT; from += slice) {
    const to = Math.min(AUDIT, from + slice - 1);
    await exec(`
      INSERT INTO "AuditLog" (id, at, "actorId", action, "fleetId", "objectType", "objectId", ip)
      SELECT 'a-' || lpad(i::text, 9, '0'), timestamp '2025-01-01' + (i::double precision / ${AUDIT}) * interval '700 days',
        'driver-' || d, (ARRAY['keys.assign','keys.enable','bookings.create','bookings.cancel','bookings.assign',
          'fleets.rename','keys.move','fleets.members.invite'])[1 + i % 8],
        ${fleetOf("d")}, (ARRAY['ChargingKey','ChargingKey','Booking','Booking','Booking','Fleet','ChargingKey','Membership'])[1 + i % 8],
        CASE i % 8 WHEN 5 THEN ${fleetOf("d")} WHEN 7 THEN 'driver-' || d
          WHEN 2 THEN 'b-' || (1 + i % ${BOOKINGS}) WHEN 3 THEN 'b-' || (1 + i % ${BOOKINGS}) WHEN 4 THEN 'b-' || (1 + i % ${BOOKINGS})
          ELSE 'key-' || (1 + i % ${KEYS}) END,
        '10.0.' || (i % 250) || '.' || (d % 250)
      FROM generate_series(${from}, ${to}) i, LATERAL (SELECT ${driverOf("i")} AS d) pick`);
  }
  console.log(`    ${AUDIT} audit entries: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await exec(`VACUUM ANALYZE`);
}

export async function run(): Promise<Record<string, number>> {
  const kept = process.env.BENCH_SCALE_DATA;
  const dataDir = path.resolve(kept ?? `.test-data/bench-scale-${process.pid}`);
  // A kept folder records the factor it was seeded at; another factor seeds it again.
  const seededMarker = path.join(dataDir, "seeded-factor");
  const reuse = kept !== undefined && existsSync(seededMarker) && readFileSync(seededMarker, "utf8") === String(FACTOR);
  if (!reuse) rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    preferredPort: Number(process.env.BENCH_PG_PORT ?? 55642),
  });
  try {
    const databaseUrl = await ensureDatabase(postgres.serverUrl, "bench_scale");
    await migrate(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("@/lib/db");
    const figures: Record<string, number> = { "scale.factor": FACTOR };
    if (reuse) console.log(`  reusing the database seeded at scale factor ${FACTOR} in ${dataDir}`);
    else {
      console.log(`  seeding at scale factor ${FACTOR}`);
      const seedStarted = performance.now();
      await seed((sql) => db.$executeRawUnsafe(sql));
      figures["scale.seedMs"] = performance.now() - seedStarted;
      if (kept !== undefined) writeFileSync(seededMarker, String(FACTOR));
    }

    const record = (list: string, t: { p50: number; p95: number; worst: number }) => {
      figures[`scale.${list}P50Ms`] = t.p50;
      figures[`scale.${list}P95Ms`] = t.p95;
      figures[`scale.${list}WorstMedianMs`] = t.worst;
    };

    if (runs("keys")) {
      // ── Keys: the inputs the route's schema produces ──
      const { listKeys } = await import("@/lib/keys/list-keys");
      const { listKeysInput, KEY_SORTS } = await import("@/lib/keys/schemas");
      const keyInput = (extra: Record<string, unknown>) => listKeysInput.parse({ fleetId: BIG, ...extra });
      const keyTotal = (await listKeys(keyInput({}))).total;
      const keyCases: Record<string, () => Promise<unknown>> = {
        first: () => listKeys(keyInput({})),
        "filter type+status": () => listKeys(keyInput({ type: "RFID_TAG", status: "enabled" })),
        "filter q": () => listKeys(keyInput({ q: "card 12" })),
        "filter no driver": () => listKeys(keyInput({ driverId: "none" })),
        last: () => listKeys(keyInput({ page: Math.ceil(keyTotal / 25) })),
      };
      for (const sort of KEY_SORTS) {
        for (const dir of ["asc", "desc"]) keyCases[`sort ${sort} ${dir}`] = () => listKeys(keyInput({ sort, dir }));
      }
      console.log(`  keys (${keyTotal} in ${BIG})`);
      record("keys", await timeCases(keyCases));
    }

    if (runs("sessions")) {
      // ── Sessions ──
      const { listSessions } = await import("@/lib/sessions/list-sessions");
      const { listSessionsInput } = await import("@/lib/sessions/schemas");
      const sessionInput = (extra: Record<string, unknown>) => listSessionsInput.parse({ fleetId: BIG, ...extra });
      const sessionTotal = (await listSessions(sessionInput({}))).total;
      console.log(`  sessions (${sessionTotal} in ${BIG})`);
      record(
        "sessions",
        await timeCases({
          first: () => listSessions(sessionInput({})),
          "filter status": () => listSessions(sessionInput({ status: "FAILED" })),
          "filter operator+country": () => listSessions(sessionInput({ operator: "DE*O07", country: "nl" })),
          "filter month": () => listSessions(sessionInput({ from: "2026-03-01", to: "2026-03-31" })),
          "filter driver": () => listSessions(sessionInput({ driverId: "driver-2" })),
          last: () => listSessions(sessionInput({ page: Math.ceil(sessionTotal / 25) })),
          "last, 200 a page": () => listSessions(sessionInput({ page: Math.ceil(sessionTotal / 200), pageSize: 200 })),
        }),
      );
    }

    if (runs("bookings")) {
      // ── Bookings (pages of 200, by cursor) ──
      // The bookings' words come from the reader module, whose auth import pulls in next/navigation: that needs
      // React's client build, absent under the react-server condition. Outside a request it is never called.
      const require = createRequire(path.resolve("package.json"));
      const navigation = require.resolve("next/navigation");
      const noRequest = () => {
        throw new Error("no request");
      };
      require.cache[navigation] = Object.assign(
        new (require("node:module") as typeof import("node:module")).Module(navigation),
        {
          filename: navigation,
          loaded: true,
          paths: [],
          exports: { redirect: noRequest, notFound: noRequest },
        },
      );
      const { listFleetBookingsPage, bookingCursor, BOOKINGS_PAGE_SIZE } = await import("@/lib/bookings/records");
      const { listBookingsInput } = await import("@/lib/bookings/schemas");
      const bookingFilter = (extra: Record<string, unknown>) => {
        const { fleetId: _fleet, refresh: _refresh, ...filter } = listBookingsInput.parse({ fleetId: BIG, ...extra });
        return filter;
      };
      // The pager reaches the last page by cursor: the one of the booking just later than the earliest page.
      const [justLater] = await db.booking.findMany({
        where: { fleetId: BIG },
        orderBy: [{ windowStart: "asc" }, { id: "desc" }],
        skip: BOOKINGS_PAGE_SIZE,
        take: 1,
      });
      const second = await listFleetBookingsPage(BIG, bookingFilter({}));
      console.log(`  bookings`);
      record(
        "bookings",
        await timeCases({
          first: () => listFleetBookingsPage(BIG, bookingFilter({})),
          "filter status": () => listFleetBookingsPage(BIG, bookingFilter({ status: "CANCELLED" })),
          "filter attention": () => listFleetBookingsPage(BIG, bookingFilter({ attention: "1" })),
          "filter driver": () => listFleetBookingsPage(BIG, bookingFilter({ driverId: "driver-2" })),
          "filter provider+date": () =>
            listFleetBookingsPage(BIG, bookingFilter({ provider: "PETITMONDE", date: "2026-03-02" })),
          second: () => listFleetBookingsPage(BIG, bookingFilter({ before: second.older! })),
          last: () => listFleetBookingsPage(BIG, bookingFilter({ before: bookingCursor(justLater) })),
          "later from the last": () => listFleetBookingsPage(BIG, bookingFilter({ after: bookingCursor(justLater) })),
        }),
      );
    }

    if (runs("audit")) {
      // ── Audit log (the page passes its URL's filters, page and cursor) ──
      const { listAuditEntries, auditCursor, AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE } =
        await import("@/lib/audit-log/list-audit-entries");
      const auditTotal = await db.auditLog.count({ where: { fleetId: BIG } });
      // The pager reaches the last page by cursor: the one of the entry just newer than the oldest page.
      const [justNewer] = await db.auditLog.findMany({
        where: { fleetId: BIG },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        skip: AUDIT_PAGE_SIZE,
        take: 1,
      });
      const lastPage = Math.ceil(auditTotal / AUDIT_PAGE_SIZE);
      console.log(`  audit (${auditTotal} in ${BIG})`);
      record(
        "audit",
        await timeCases({
          first: () => listAuditEntries(BIG, {}),
          "filter action": () => listAuditEntries(BIG, { action: "fleets.rename" }),
          "filter actor": () => listAuditEntries(BIG, { actorId: "driver-2" }),
          "filter month": () => listAuditEntries(BIG, { from: "2026-03-01", to: "2026-03-31" }),
          "page 100": () => listAuditEntries(BIG, { page: 100 }),
          "deepest page by number": () => listAuditEntries(BIG, { page: MAX_AUDIT_PAGE }),
          last: () => listAuditEntries(BIG, { page: lastPage, before: auditCursor(justNewer) }),
          "newer from the last": () => listAuditEntries(BIG, { page: lastPage - 1, after: auditCursor(justNewer) }),
        }),
      );
    }

    if (runs("csv")) {
      // ── Sessions CSV export, through the code the export route runs ──
      const { exportSessionsCsv } = await import("./scale-export");
      const exported = await exportSessionsCsv(BIG);
      figures["scale.csvRows"] = exported.rows;
      figures["scale.csvRowsPerSecond"] = exported.rowsPerSecond;
      figures["scale.csvPeakRssMb"] = exported.peakRssMb;
      figures["scale.csvBaselineRssMb"] = exported.baselineRssMb;
    }

    if (runs("reports")) {
      // ── Every cost report over the large fleet: a month and a year ──
      const { costByDriver, costByFleet, costByMonth, costByOperator, costTotals, noShowFees, buildCostReport } =
        await import("@/lib/reports/cost-report");
      const { periodInZone } = await import("@/lib/reports/period");
      const fleets = [BIG];
      const zone = "Europe/Berlin";
      const year = periodInZone("2025-04-01", "2026-03-31", zone);
      const reports: Record<string, () => Promise<unknown>> = {
        Totals: () => costTotals(db, fleets, year),
        ByMonth: () => costByMonth(db, fleets, year, zone),
        ByDriver: () => costByDriver(db, fleets, year),
        ByFleet: () => costByFleet(db, fleets, year),
        ByOperator: () => costByOperator(db, fleets, year),
        NoShowFees: () => noShowFees(db, fleets, year, zone),
        WholeMonth: () => buildCostReport({ fleetId: BIG, from: "2026-03-01", to: "2026-03-31", timeZone: zone }),
        WholeYear: () => buildCostReport({ fleetId: BIG, from: "2025-04-01", to: "2026-03-31", timeZone: zone }),
      };
      console.log(`  reports (a year of ${BIG})`);
      for (const [name, work] of Object.entries(reports)) {
        const t = await timeCases({ [name]: work });
        figures[`scale.report${name}MedianMs`] = t.p50;
      }
    }

    await db.$disconnect();
    return figures;
  } finally {
    await postgres.stop();
    if (kept === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}
