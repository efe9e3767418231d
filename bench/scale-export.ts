// The sessions CSV export of bench/scale.ts, run in a child process of its own so that its peak RSS
// (getrusage's maxRSS) is the export's alone: the parent's seeding and list timings never count.
import { spawnSync } from "node:child_process";

interface ExportFigures {
  rows: number;
  rowsPerSecond: number;
  peakRssMb: number;
  baselineRssMb: number;
}

/** Parent side: runs this file as a child against DATABASE_URL and reads its one JSON line. */
export async function exportSessionsCsv(fleetId: string): Promise<ExportFigures> {
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", import.meta.filename, fleetId],
    { env: process.env, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`export child exited with ${child.status}: ${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ExportFigures;
  console.log(
    `  sessions CSV: ${figures.rows} rows, ${Math.round(figures.rowsPerSecond)} rows/s, peak RSS ${figures.peakRssMb.toFixed(0)} MB` +
      ` (child at rest: ${figures.baselineRssMb.toFixed(0)} MB)`,
  );
  return figures;
}

/** Child side: the route's own work for a manager (every driver), its body read to the end as a browser would. */
async function main(fleetId: string) {
  const { sessionFiltersInput } = await import("@/lib/sessions/schemas");
  const { exportSessionsResponse } = await import("@/lib/sessions/export-sessions");
  const { db } = await import("@/lib/db");
  await db.$queryRaw`SELECT 1`;
  const baselineRssMb = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  const response = await exportSessionsResponse(sessionFiltersInput.parse({ fleetId }), undefined, "en");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    for (let i = text.indexOf("\r\n"); i !== -1; i = text.indexOf("\r\n", i + 2)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1; // the header
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ rows, rowsPerSecond: rows / seconds, peakRssMb, baselineRssMb }));
  await db.$disconnect();
}

if (process.argv[1] === import.meta.filename) void main(process.argv[2]);
