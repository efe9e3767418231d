// Cold start: from the start command to the app answering, on a fresh embedded database; plus the
// first-load JavaScript (gzip) of each route from the production build.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";

// BENCH_STARTUP_PORT lets two runs on one machine keep apart.
const PORT = Number(process.env.BENCH_STARTUP_PORT ?? 3190);

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Sums the gzip size of the JS chunks each app route loads first, from the build manifest. */
export function firstLoadJsGzip(distDir = ".next"): Record<string, number> {
  const manifestPath = path.join(distDir, "app-build-manifest.json");
  const sizes: Record<string, number> = {};
  const gz = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gz.has(file)) {
      const full = path.join(distDir, file);
      gz.set(file, existsSync(full) ? gzipSync(readFileSync(full)).length : 0);
    }
    return gz.get(file)!;
  };
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { pages: Record<string, string[]> };
    for (const [route, files] of Object.entries(manifest.pages)) {
      if (!route.endsWith("/page")) continue;
      sizes[route] = files.filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + sizeOf(f), 0);
    }
    return sizes;
  }
  // Turbopack builds: per-route client reference manifests list the chunks of each page.
  const serverApp = path.join(distDir, "server", "app");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
    );
  // Every page also loads the framework's root chunks.
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const rootFiles = buildManifest.rootMainFiles ?? [];
  for (const file of walk(serverApp).filter((f) => f.endsWith("page_client-reference-manifest.js"))) {
    const route = "/" + path.relative(serverApp, path.dirname(file)).replace(/\\/g, "/");
    const text = readFileSync(file, "utf8");
    const chunks = new Set([...rootFiles, ...[...text.matchAll(/"(static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1])]);
    sizes[route] = [...chunks].reduce((sum, f) => sum + sizeOf(f), 0);
  }
  return sizes;
}

export async function run(): Promise<Record<string, number>> {
  // The cold start is timed on a built app: build first (into the benchmarks' own folder) when needed.
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    const build = spawnSync("npm", ["run", "-s", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("the build failed");
  }
  const dataDir = ".test-data/bench-startup";
  rmSync(dataDir, { recursive: true, force: true });
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "scripts/start.ts",
      "--data-dir",
      dataDir,
      "--port",
      String(PORT),
      "--sandbox-port",
      "0",
    ],
    { stdio: "ignore", env: { ...process.env, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret" } },
  );
  const up = await waitFor(`http://localhost:${PORT}/api/health`, 180_000);
  const coldStartMs = Date.now() - started;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
  if (!up) throw new Error("the app did not come up");

  const figures: Record<string, number> = { "startup.coldStartMs": coldStartMs };
  for (const [route, bytes] of Object.entries(firstLoadJsGzip(process.env.NEXT_DIST_DIR))) {
    figures[`firstLoadJsGzip.${route}`] = bytes;
  }
  return figures;
}
