// `npm run bench`: runs every benchmark module, writes bench/results/latest.json and prints a table.
// Targets live here, next to the figures, never in unit tests.
//   npm run bench                 all benchmarks
//   npm run bench -- startup map  only those
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

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
  reports: "./reports.ts",
};

const META: Record<string, Omit<Figure, "value">> = {
  "startup.coldStartMs": { unit: "ms" },
  "providers.clientOverheadMedianMs": { unit: "ms", target: { op: "<", value: 2 } },
  "sandbox.search25kmMedianMs": { unit: "ms", target: { op: "<", value: 20 } },
  "map.serverSearchBerlinMedianMs": { unit: "ms", target: { op: "<", value: 50 } },
  "reports.monthByDriverMedianMs": { unit: "ms", target: { op: "<", value: 100 } },
};

function unitOf(key: string): string {
  if (META[key]) return META[key].unit;
  if (/Ms$/.test(key)) return "ms";
  if (/Bytes$|Gzip$/.test(key)) return "bytes";
  if (/PerSecond$|PerS$/.test(key)) return "/s";
  return "";
}

async function main() {
  const only = process.argv.slice(2);
  const figures: Record<string, Figure> = {};
  const failures: string[] = [];
  for (const [suite, file] of Object.entries(SUITES)) {
    if (only.length && !only.includes(suite)) continue;
    const full = path.join(import.meta.dirname, file);
    if (!existsSync(full)) continue;
    console.log(`\n▶ ${suite}`);
    try {
      const mod = (await import(full)) as BenchModule;
      const result = await mod.run();
      for (const [key, value] of Object.entries(result)) {
        figures[key] = { value, unit: unitOf(key), target: META[key]?.target };
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
  mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
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
