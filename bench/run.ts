// `npm run bench`: runs every benchmark module, writes bench/results/latest.json and prints a table.
// Targets live here, next to the figures, never in unit tests.
//   npm run bench                 all benchmarks
//   npm run bench -- startup map  only those
//   npm run bench -- board        the dispatch board with 500 vehicles and 5,000 bookings
//   npm run bench -- scale        fleet-scale lists, export and reports (BENCH_SCALE_FACTOR=0.1 for a tenth)
//   npm run bench -- fuzz         the long fuzz run of every endpoint (BENCH_FUZZ_RUNS, FUZZ_SEED)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

// Benchmarks build into a folder of their own, so they never replace the `.next` a running `npm start` serves.
process.env.NEXT_DIST_DIR ??= ".next-bench";

interface Figure {
  value: number;
  unit: string;
  target?: { op: "<" | "<=" | ">="; value: number };
}

type BenchModule = { run(): Promise<Record<string, number>> };

/** Name → module path, and the unit/target of each figure it reports. */
const SUITES: Record<string, string> = {
  startup: "./startup.ts",
  providers: "./providers.ts",
  map: "./map.ts",
  bookings: "./bookings.ts",
  board: "./board.ts",
  reports: "./reports.ts",
  budget: "./budget.ts",
  quota: "./quota.ts",
  scale: "./scale.ts",
  fuzz: "./fuzz.ts",
};

/** A fleet-scale list's figures: p50 < 50 ms and p95 < 150 ms over all its cases, and its slowest case. */
function listTargets(list: string): Record<string, Omit<Figure, "value">> {
  return {
    [`scale.${list}P50Ms`]: { unit: "ms", target: { op: "<", value: 50 } },
    [`scale.${list}P95Ms`]: { unit: "ms", target: { op: "<", value: 150 } },
    [`scale.${list}WorstMedianMs`]: { unit: "ms" },
  };
}

const META: Record<string, Omit<Figure, "value">> = {
  "startup.coldStartMs": { unit: "ms" },
  "providers.clientOverheadMedianMs": { unit: "ms", target: { op: "<", value: 2 } },
  "sandbox.search25kmMedianMs": { unit: "ms", target: { op: "<", value: 20 } },
  // The server's own share of a map search: the median minus the sandbox's latency for the same calls.
  "map.serverSearchBerlinOverheadMs": { unit: "ms", target: { op: "<", value: 50 } },
  // 50,000 chargers, data arrival → idle: the app's map against a bare MapLibre page (bench/map.ts), same run.
  "map.idleAfter50kChargersMedianMs": { unit: "ms" },
  "map.bareIdleAfter50kChargersMedianMs": { unit: "ms" },
  "map.idleAppVsBare": { unit: "×", target: { op: "<=", value: 1.2 } },
  // Frames drawn between data arrival and idle (median): the app's map, the bare page.
  "map.framesToIdleApp": { unit: "" },
  "map.framesToIdleBare": { unit: "" },
  // The /api/chargers answer for central Berlin (gzip) per charger in it: reported, no target.
  "map.wireGzipBytesPerChargerBerlin": { unit: "bytes" },
  "sandbox.plugsurfingGeosearch25kmMedianMs": { unit: "ms", target: { op: "<", value: 20 } },
  "reports.monthByDriverMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  // A fleet's 50 vans by month (sums from the rollup, distances from the odometer readings), a month and a year.
  "reports.monthByVehicleMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "reports.yearByVehicleMedianMs": { unit: "ms" },
  // The request budget's upsert before each Petit Monde request; nine at once is a map search's worst case.
  "budget.takeMedianMs": { unit: "ms", target: { op: "<", value: 5 } },
  "budget.nineTogetherMedianMs": { unit: "ms", target: { op: "<", value: 20 } },
  // A simulated month of a 50-vehicle fleet (bench/quota.ts): Petit Monde's requests against its 10,000.
  "quota.petitMondeRequests": { unit: "" },
  "quota.petitMondeShareOfMonth": { unit: "%", target: { op: "<", value: 50 } },
  "quota.petitMondeBusiestMinute": { unit: "", target: { op: "<=", value: 100 } },
  "quota.rateLimited": { unit: "", target: { op: "<=", value: 0 } },
  "quota.petitMondeBrowsing": { unit: "" },
  "quota.petitMondeBookingRequests": { unit: "" },
  "quota.petitMondeReconciling": { unit: "" },
  "quota.petitMondeSessionSync": { unit: "" },
  "quota.bookingSearchesKept": { unit: "" },
  "quota.plugsurfingRequests": { unit: "" },
  "quota.depotfinityRequests": { unit: "" },
  "quota.viewports": { unit: "" },
  "quota.viewportsKeptForBookings": { unit: "" },
  "quota.petitMondeBookings": { unit: "" },
  // The dispatch board with 500 vehicles and a week of 5,000 bookings in headless Chromium (bench/board.ts).
  "board.readyAfterDataMedianMs": { unit: "ms", target: { op: "<", value: 1000 } },
  "board.readyAfterDataWorstMs": { unit: "ms" },
  "board.apiResponseMedianMs": { unit: "ms" },
  "board.bars": { unit: "" },
  "board.dragRerenderMedianMs": { unit: "ms", target: { op: "<", value: 50 } },
  "board.dragRerenderWorstMs": { unit: "ms" },
  "board.dragsLost": { unit: "" },
  "bookings.batch50VsFloor": { unit: "×", target: { op: "<=", value: 1.03 } },
  "bookings.batch50RateLimited": { unit: "", target: { op: "<=", value: 0 } },
  // Fleet scale (bench/scale.ts): lists, export and reports over 1M sessions and 10M audit entries.
  "scale.factor": { unit: "×" },
  "scale.seedMs": { unit: "ms" },
  ...listTargets("keys"),
  ...listTargets("sessions"),
  ...listTargets("bookings"),
  ...listTargets("audit"),
  "scale.csvRows": { unit: "" },
  "scale.csvRowsPerSecond": { unit: "/s", target: { op: ">=", value: 50_000 } },
  "scale.csvPeakRssMb": { unit: "MB", target: { op: "<", value: 200 } },
  "scale.csvBaselineRssMb": { unit: "MB" },
  "scale.reportTotalsMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportByMonthMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportByDriverMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportByFleetMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportByOperatorMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportNoShowFeesMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportWholeMonthMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "scale.reportWholeYearMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
  "fuzz.endpoints": { unit: "" },
  "fuzz.inputs": { unit: "" },
  "fuzz.serverErrors": { unit: "", target: { op: "<=", value: 0 } },
};

// First-load JS (gzip) of every route, measured in bytes and shown in KB (1,024 bytes): under 180 KB, the map
// under 300 KB (MapLibre is loaded apart from it, but its page is still the largest).
const MAP_ROUTE = "/(app)/map";

function firstLoadJsFigure(key: string, bytes: number): Figure | undefined {
  const route = key === "map.firstLoadJsGzip" ? MAP_ROUTE : /^firstLoadJsGzip\.(.+)$/.exec(key)?.[1];
  if (route === undefined) return undefined;
  return { value: bytes / 1024, unit: "KB", target: { op: "<", value: route === MAP_ROUTE ? 300 : 180 } };
}

function figureOf(key: string, value: number): Figure {
  return firstLoadJsFigure(key, value) ?? { value, unit: unitOf(key), target: META[key]?.target };
}

function unitOf(key: string): string {
  if (META[key]) return META[key].unit;
  if (/Ms$/.test(key)) return "ms";
  if (/Bytes$|Gzip$/.test(key)) return "bytes";
  if (/PerSecond$|PerS$/.test(key)) return "/s";
  return "";
}

/**
 * Each suite runs in a process of its own: suites set up their own database and sandbox, and the app's
 * modules (env, Prisma client) are built once per process.
 */
function runSuiteInChild(suite: string): Record<string, number> {
  const out = path.join(import.meta.dirname, "results", `.${suite}.json`);
  rmSync(out, { force: true });
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", import.meta.filename, "--suite", suite, "--out", out],
    // One JSON line per provider request would bury the figures; warnings and errors still show.
    { stdio: "inherit", env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" } },
  );
  if (child.status !== 0 || !existsSync(out)) throw new Error(`suite exited with ${child.status}`);
  const figures = JSON.parse(readFileSync(out, "utf8")) as Record<string, number>;
  rmSync(out, { force: true });
  return figures;
}

async function runSuiteHere(suite: string, out: string): Promise<void> {
  const mod = (await import(path.join(import.meta.dirname, SUITES[suite]))) as BenchModule;
  writeFileSync(out, JSON.stringify(await mod.run()));
  process.exit(0);
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--suite") return runSuiteHere(args[1], args[3]);
  const only = args;
  mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
  const figures: Record<string, Figure> = {};
  const failures: string[] = [];
  for (const [suite, file] of Object.entries(SUITES)) {
    if (only.length && !only.includes(suite)) continue;
    if (!existsSync(path.join(import.meta.dirname, file))) continue;
    console.log(`\n▶ ${suite}`);
    try {
      for (const [key, value] of Object.entries(runSuiteInChild(suite))) {
        figures[key] = figureOf(key, value);
      }
    } catch (error) {
      failures.push(suite);
      console.error(`  ${suite} failed:`, error);
    }
  }
  const rows = Object.entries(figures).map(([key, f]) => {
    const target = f.target ? `${f.target.op} ${f.target.value} ${f.unit}` : "";
    const met = f.target ? (compare(f.value, f.target) ? "yes" : "NO") : "";
    return { figure: key, value: `${round(f.value)} ${f.unit}`.trim(), target, met };
  });
  console.log();
  console.table(rows);
  const out = path.join(import.meta.dirname, "results", "latest.json");
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), figures, failures }, null, 2));
  console.log(`Figures written to ${path.relative(process.cwd(), out)}`);
  process.exit(failures.length ? 1 : 0);
}

function compare(value: number, target: NonNullable<Figure["target"]>): boolean {
  if (target.op === "<") return value < target.value;
  if (target.op === "<=") return value <= target.value;
  return value >= target.value;
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

void main();
