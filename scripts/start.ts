// The one command that brings the whole app up: database (embedded unless DATABASE_URL is set),
// migrations, demo data, the provider sandbox (unless every provider has credentials), the web server.
//
//   npm start                      production build on http://localhost:3000 (builds first if needed)
//   npm run dev                    the same with `next dev`
// Flags (used by the end-to-end tests): --data-dir DIR --fresh --port N --sandbox-port N --time-scale X --build
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildNeeded } from "./lib/build-freshness";
import { resolveDatabase } from "./lib/database";
import { seedDemoData, DEMO_PASSWORD, DEMO_USERS } from "./lib/seed";
import { provisionSandbox } from "./lib/provision-sandbox";

const { values: flags } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "data-dir": { type: "string" },
    port: { type: "string" },
    "sandbox-port": { type: "string" },
    "time-scale": { type: "string" },
  },
});

try {
  process.loadEnvFile();
} catch {
  // no .env file: defaults apply
}

const log = (line: string) => console.log(`[start] ${line}`);
const dataDir = path.resolve(flags["data-dir"] ?? process.env.FLEET_DATA_DIR ?? ".data");
if (flags.fresh) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
process.env.FLEET_DATA_DIR = dataDir;
const port = Number(flags.port ?? process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

const stops: Array<() => Promise<void>> = [];
let nextServer: ChildProcess | undefined;
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("Stopping…");
  if (nextServer && nextServer.exitCode === null) {
    nextServer.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** The auth secret: from the environment, else generated once and kept in the data folder. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function providersWithoutCredentials(): string[] {
  const missing: string[] = [];
  if (!process.env.PLUGSURFING_API_KEY) missing.push("Plugsurfing");
  if (!process.env.PETITMONDE_API_KEY) missing.push("Petit Monde");
  if (!process.env.DEPOT_CLIENT_ID || !process.env.DEPOT_CLIENT_SECRET) missing.push("DepotFinity");
  return missing;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (nextServer?.exitCode != null) throw new Error("The web server exited during start-up");
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The web server did not answer within ${timeoutMs / 1000} s`);
}

async function main() {
  const startedAt = Date.now();
  const db = await resolveDatabase({ log, migrate: true, dataDir });
  stops.push(db.stop);
  log("Migrations applied");

  const seed = await seedDemoData(db.url);
  log(seed.seeded ? "Demo data seeded" : `Demo data not seeded: ${seed.reason}`);

  let sandboxUrl = process.env.SANDBOX_URL;
  const missing = providersWithoutCredentials();
  // The sandbox's Plugsurfing sends its signed session events to this app, as Plugsurfing would once told where.
  let webhookSecret = process.env.PLUGSURFING_WEBHOOK_SECRET;
  if (missing.length && !sandboxUrl) {
    const { startSandbox } = await import("../sandbox/server");
    const eventsFromSandbox = !process.env.PLUGSURFING_API_KEY;
    if (eventsFromSandbox) webhookSecret ??= randomBytes(24).toString("hex");
    const sandbox = await startSandbox({
      port: Number(flags["sandbox-port"] ?? process.env.SANDBOX_PORT ?? 4010),
      dataDir: path.join(dataDir, "sandbox"),
      timeScale: Number(flags["time-scale"] ?? process.env.SANDBOX_TIME_SCALE ?? 1),
      ...(eventsFromSandbox && webhookSecret
        ? { sessionEvents: { url: `${appUrl}/api/providers/plugsurfing/events`, secret: webhookSecret } }
        : {}),
    });
    stops.push(sandbox.stop);
    sandboxUrl = sandbox.url;
    log(`Provider sandbox on ${sandbox.url} for ${missing.join(", ")} (no credentials configured)`);
  }
  if (sandboxUrl && missing.length) await provisionSandbox(db.url, sandboxUrl, log);

  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    APP_URL: appUrl,
    ...(sandboxUrl ? { SANDBOX_URL: sandboxUrl } : {}),
    ...(webhookSecret ? { PLUGSURFING_WEBHOOK_SECRET: webhookSecret } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  writeFileSync(
    path.join(dataDir, "runtime.json"),
    JSON.stringify({ appUrl, sandboxUrl, databaseUrl: db.url, pid: process.pid }, null, 2),
  );

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const needed = flags.build ? "asked" : buildNeeded(process.cwd(), distDir);
  if (!flags.dev && needed) {
    log(
      needed === "stale"
        ? "Building the web app again: its source changed since the last build…"
        : "Building the web app (on the first start, and whenever its source has changed)…",
    );
    const build = spawnSync(process.execPath, ["scripts/copy-maplibre-worker.mjs"], { stdio: "inherit" });
    const result =
      build.status === 0 ? spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env }) : build;
    if (result.status !== 0) throw new Error("next build failed");
  }
  // Our own HTTP server in front of Next.js, so the app knows the socket's address (scripts/serve.ts).
  const serveArgs = ["--import", "tsx", "scripts/serve.ts", "--port", String(port), ...(flags.dev ? ["--dev"] : [])];
  nextServer = spawn(process.execPath, serveArgs, {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
  nextServer.on("exit", (code) => {
    if (!shuttingDown) {
      log(`The web server exited (${code}); stopping`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHealth(appUrl, flags.dev ? 120_000 : 60_000);

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
  Fleet Charging is running on ${appUrl}   (ready in ${seconds} s)

  Demo sign-ins (password for all: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `    ${u.email.padEnd(24)} ${Object.values(u.roles)[0]}`).join("\n")}

  Press Ctrl-C to stop.
`);
}

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
