// Two app instances on one PostgreSQL, as behind a load balancer (README, "Running several instances"):
// pushed hard together they stay inside the provider's rate limit (the sandbox never answers 429), and a
// batch of 20 bookings survives the instance running it being killed (SIGKILL) half-way — every line ends
// with exactly one booking at the provider, and the batch runner never ran in two places at once.
// The database and the sandbox live in a process of their own (e2e/support/shared-services.ts), so either
// instance can be the one that dies; each instance is `scripts/start.ts` with DATABASE_URL and SANDBOX_URL.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";

// Clear of the main end-to-end stack (E2E_PORT, default 3100, and .test-data/e2e-<port>) and of the other
// specs' own stacks: the two instances on E2E_PORT + 20 and + 21, the shared PostgreSQL on + 22.
const BASE_PORT = Number(process.env.MULTI_INSTANCE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 20);
const DATA_DIR = path.resolve(process.env.MULTI_INSTANCE_DATA_DIR ?? `.test-data/multi-instance-${BASE_PORT}`);
const SECRET = "multi-instance-secret-multi-instance-secret";
const TSX = "node_modules/tsx/dist/cli.mjs";
const LINES = 20;
/** Long enough to tell one budget from two (two would let through about twice as many requests). */
const LOAD_MS = 12_000;
/** The app's Petit Monde budget (lib/providers/petitmonde/client.ts): 10 at once, then 85 a minute. */
const PETIT_MONDE_BURST = 10;
const PETIT_MONDE_PER_MINUTE = 85;
/** The batch runs the test asks for, as other instances' cron ticks and retries would. */
const CONTENTION_KEY = "test-contention";
/** pg-boss's started_on comes a few ms before the runner takes its lease: allowed for the killed run only. */
const KILLED_START_TOLERANCE_MS = 250;

interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
}
interface RunnerSpan {
  owner: string;
  from: number;
  until: number;
  processed: number;
}

let services: ChildProcess | undefined;
const instances: Instance[] = [];
let pool: pg.Pool | undefined;
let databaseUrl = "";
let sandboxUrl = "";

test.describe.configure({ mode: "serial" });

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(path.join(DATA_DIR, `${name}.log`));
  // Its own process group: SIGKILL to the group is an instance dying, with nothing left behind.
  const child = spawn(process.execPath, [TSX, ...args], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = text.match(pattern);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null) => done(new Error(`exited (${code}) before printing ${pattern}`));
    function done(error?: Error, match?: RegExpMatchArray) {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
  });
}

async function waitForHealth(instance: Instance, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null) throw new Error(`${instance.name} exited during start-up`);
    const status = await fetch(`${instance.url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${instance.name} did not answer within ${timeoutMs} ms`);
}

/** An instance as production runs it: `npm start` with the shared database, sandbox and auth secret. */
function startInstance(name: string, port: number): Instance {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Production never seeds demo data: the shared database was seeded once, by shared-services.ts.
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SANDBOX_URL: sandboxUrl,
    NEXTAUTH_SECRET: SECRET,
    JOB_WORKERS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const key of ["E2E_DATA_DIR", "APP_URL", "NEXTAUTH_URL", "PORT"]) delete env[key];
  const args = ["scripts/start.ts", "--data-dir", path.join(DATA_DIR, name), "--port", String(port)];
  const instance = { name, url: `http://localhost:${port}`, process: startProcess(name, args, env) };
  instances.push(instance);
  return instance;
}

async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool!.query<T>(sql, params)).rows;
}

async function sandboxJson<T>(pathname: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${sandboxUrl}${pathname}`, init);
  expect(response.ok, `${pathname} answered ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

interface SandboxStats {
  rateLimited: number;
  providers: Record<string, { requests: number; rateLimited: number }>;
}
const petitMondeRequests = async () =>
  (await sandboxJson<SandboxStats>("/_sandbox/stats")).providers.petitmonde?.requests ?? 0;

/** Signs the browser in through next-auth's own endpoints (what the sign-in form posts to), on one instance. */
async function signIn(page: Page, instance: Instance) {
  const { csrfToken } = (await (await page.request.get(`${instance.url}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await page.request.post(`${instance.url}/api/auth/callback/credentials`, {
    form: { csrfToken, email: DEMO.dispatcher, password: DEMO_PASSWORD, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await page.request.get(`${instance.url}/api/auth/session`)).json()) as {
    user?: { email?: string };
  };
  expect(session.user?.email).toBe(DEMO.dispatcher);
}

/** What a datetime-local input at a Berlin charger holds for an instant. */
const wall = (instant: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(instant)
    .replace(" ", "T");

/** The process (instance) holding the batch runner's lease now: its owner names host and pid. */
async function runnerHolder(): Promise<{ owner: string; instance: Instance } | null> {
  const [lease] = await query<{ cursor: string | null }>(
    `SELECT cursor FROM "SyncCursor" WHERE key = 'lease:bookings.batch-runner'`,
  );
  if (!lease?.cursor) return null;
  const pid = Number(lease.cursor.split(":").at(-2));
  const group = Number(
    execFileSync("ps", ["-o", "pgid=", "-p", String(pid)])
      .toString()
      .trim(),
  );
  const instance = instances.find((i) => i.process.pid === group);
  return instance ? { owner: lease.cursor, instance } : null;
}

const linesDone = async (batchId: string) =>
  Number(
    (
      await query<{ n: string }>(
        `SELECT count(*) AS n FROM "BookingBatchItem" WHERE "batchId" = $1 AND status IN ('SUCCEEDED', 'FAILED')`,
        [batchId],
      )
    )[0].n,
  );

test.beforeAll(async () => {
  test.setTimeout(150_000);
  try {
    await startStack();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${logTails()}`);
  }
});

async function startStack() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  services = startProcess(
    "services",
    [
      "e2e/support/shared-services.ts",
      "--data-dir",
      path.join(DATA_DIR, "services"),
      "--postgres-port",
      String(BASE_PORT + 2),
    ],
    { ...process.env },
  );
  const ready = waitForOutput(services, /\{"ready":true\}/, 120_000);
  ready.catch(() => {}); // awaited below, unless start-up fails before that
  const [line] = await waitForOutput(services, /\{"databaseUrl".*?\}/, 120_000);
  ({ databaseUrl, sandboxUrl } = JSON.parse(line) as { databaseUrl: string; sandboxUrl: string });
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  // Both start together on the migrated database (their own migrations find none left) while it is seeded.
  const started = [startInstance("a", BASE_PORT), startInstance("b", BASE_PORT + 1)];
  await Promise.all([ready, ...started.map((instance) => waitForHealth(instance, 120_000))]);
}

/** The processes' output apart from info lines (each request and job), for a failure's report. */
function logTails(): string {
  return ["services", "a", "b"]
    .map((name) => {
      const file = path.join(DATA_DIR, `${name}.log`);
      const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n") : [];
      const kept = lines.filter((line) => !line.startsWith('{"level":"info"')).slice(-40);
      return `── ${name}.log ──\n${kept.join("\n")}`;
    })
    .join("\n");
}

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("logs", { body: logTails(), contentType: "text/plain" });
});

async function stopGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  process.kill(-child.pid, signal);
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 8_000);
  await exited;
  clearTimeout(timer);
}

test.afterAll(async () => {
  await pool?.end();
  // Instances keep nothing of their own: killed at once (a graceful stop would wait on the browser's connections).
  for (const instance of instances) await stopGroup(instance.process, "SIGKILL");
  await stopGroup(services, "SIGTERM"); // stops the sandbox and PostgreSQL
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("two instances share the rate limits, and a batch survives the instance running it dying", async ({ page }) => {
  test.setTimeout(150_000);
  const [a, b] = instances;
  // One sign-in serves both instances: the same NEXTAUTH_SECRET, no sticky session needed.
  await signIn(page, a);
  const [fleet] = await query<{ id: string }>(`SELECT id FROM "Fleet" WHERE "plugsurfingFleetId" = 'demo-berlin-vans'`);

  // ── Both instances ask Petit Monde for all they can, three requests at a time each ──
  const search = new URLSearchParams({
    fleetId: fleet.id,
    provider: "PETITMONDE",
    latitude: "52.52",
    longitude: "13.405",
    radiusKm: "2",
  });
  const before = await petitMondeRequests();
  const loadStarted = Date.now();
  let answered = 0;
  const client = async (instance: Instance) => {
    while (Date.now() - loadStarted < LOAD_MS) {
      const response = await page.request.get(`${instance.url}/api/bookings/chargers?${search}`, { timeout: 60_000 });
      expect(response.status()).toBe(200);
      answered++;
    }
  };
  const load = Promise.all([a, a, a, b, b, b].map(client));

  // Meanwhile the batch form on the second instance, with the session from the first, finds charge points.
  const start = new Date(Date.now() + 3 * 3_600_000);
  start.setUTCSeconds(0, 0);
  await page.goto(`${b.url}/bookings/batches/new`);
  const freeChargePoints = page.getByRole("list", { name: "Charge points" }).getByRole("checkbox");
  // A fresh instance on a busy machine may still be hydrating the form: fill it again until the search runs.
  await expect(async () => {
    await page.getByLabel("Start (at the chargers)").fill(wall(start));
    await page.getByLabel("End", { exact: true }).fill(wall(new Date(start.getTime() + 3_600_000)));
    await page.getByLabel("Who charges").selectOption({ label: "Visitor" });
    await page.getByRole("button", { name: "Find free charge points" }).click();
    await expect(freeChargePoints.first()).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 60_000 });

  await load;
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const sent = (await petitMondeRequests()) - before;
  test.info().annotations.push({
    type: "rate limit",
    description: `${answered} searches answered, ${sent} Petit Monde requests in ${loadSeconds.toFixed(1)} s`,
  });
  // The clients asked for more than the budget allows: the limiter, not the clients, set the pace…
  expect(answered).toBeGreaterThanOrEqual(PETIT_MONDE_BURST + 10);
  // …and it is one budget for both instances: two separate ones would have let through about twice as many.
  expect(sent).toBeLessThanOrEqual(PETIT_MONDE_BURST + Math.ceil((loadSeconds * PETIT_MONDE_PER_MINUTE) / 60) + 3);

  // ── A batch of 20 ──
  for (let i = 0; i < LINES; i++) await freeChargePoints.nth(i).check();
  await page.getByRole("button", { name: `Book ${LINES} charge points` }).click();
  await page.waitForURL(/\/bookings\/batches\/(?!new$)[a-z0-9]+$/);
  const batchId = new URL(page.url()).pathname.split("/").at(-1)!;

  // ── Half-way, the instance holding the batch runner dies ──
  // Meanwhile more runs are asked for, as other instances' cron ticks and retries would: the instance that
  // is not running the batch keeps trying to, and must keep out.
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false });
  await boss.start();
  let holder: Awaited<ReturnType<typeof runnerHolder>> = null;
  const halfWayBy = Date.now() + 60_000;
  while (!holder) {
    expect(Date.now(), "half the lines done within a minute").toBeLessThan(halfWayBy);
    await boss.send("bookings.batch-run", {}, { singletonKey: CONTENTION_KEY, singletonSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    if ((await linesDone(batchId)) >= LINES / 2) holder = await runnerHolder();
  }
  await boss.stop({ graceful: false });
  // Whatever it takes over with after the kill, the survivor finds on its own: none of these is left.
  await query(`DELETE FROM pgboss.job WHERE name = 'bookings.batch-run' AND singleton_key = $1 AND state = 'created'`, [
    CONTENTION_KEY,
  ]);
  const exited = once(holder.instance.process, "exit");
  process.kill(-holder.instance.process.pid!, "SIGKILL");
  const killedAt = Date.now();
  await exited;
  const survivor = instances.find((i) => i !== holder.instance)!;
  // The survivor's batch page follows the lines live, to the same browser session.
  const survivorPage = await page.context().newPage();
  const survivorView = survivorPage.goto(`${survivor.url}/bookings/batches/${batchId}`);
  survivorView.catch(() => {}); // awaited below

  // ── The survivor finishes the batch on its own ──
  await expect
    .poll(
      async () =>
        (
          await query<{ status: string }>(`SELECT status FROM "BookingBatchItem" WHERE "batchId" = $1`, [batchId])
        ).filter((l) => l.status === "SUCCEEDED" || l.status === "FAILED").length,
      { timeout: 75_000, intervals: [500] },
    )
    .toBe(LINES);

  // Every line has exactly one booking, here and at the provider, and the batch is finished.
  const lines = await query<{ status: string; externalId: string | null }>(
    `SELECT i.status, b."externalId" FROM "BookingBatchItem" i LEFT JOIN "Booking" b ON b.id = i."bookingId"
     WHERE i."batchId" = $1 ORDER BY i.position`,
    [batchId],
  );
  expect(lines.map((l) => l.status)).toEqual(Array(LINES).fill("SUCCEEDED"));
  const [{ stored, finishedAt }] = await query<{ stored: string; finishedAt: Date | null }>(
    `SELECT (SELECT count(*) FROM "Booking" WHERE "createdAt" >= bb."createdAt") AS stored, bb."finishedAt"
     FROM "BookingBatch" bb WHERE bb.id = $1`,
    [batchId],
  );
  expect(Number(stored)).toBe(LINES);
  expect(finishedAt).not.toBeNull();
  const { bookings } = await sandboxJson<{ bookings: Array<{ externalId: string; cancelled: boolean }> }>(
    "/_sandbox/petitmonde/bookings",
  );
  expect(bookings.filter((booking) => !booking.cancelled)).toHaveLength(LINES);
  for (const line of lines) expect(bookings.filter((bk) => bk.externalId === line.externalId)).toHaveLength(1);

  // The runner never ran twice at once: every run that held its lease (pg-boss keeps each job's output),
  // and the killed one from its start to the kill, one after another — once the survivor's runs are over.
  type JobRow = { state: string; started_on: Date | null; output: Partial<RunnerSpan> | null };
  const batchJobs = () =>
    query<JobRow>(`SELECT state, started_on, output FROM pgboss.job WHERE name = 'bookings.batch-run'`);
  await expect
    .poll(async () => (await batchJobs()).filter((j) => j.state === "active" && j.started_on!.getTime() > killedAt), {
      timeout: 15_000,
    })
    .toEqual([]);
  const jobs = await batchJobs();
  expect(jobs.filter((j) => j.state === "failed" || j.state === "retry")).toEqual([]);
  const killed = jobs.filter((j) => j.state === "active" && j.started_on!.getTime() < killedAt);
  expect(killed).toHaveLength(1);
  // Runs were asked for on the other instance while the batch ran, and kept out.
  expect(jobs.some((j) => j.state === "completed" && (j.output as { ran?: boolean } | null)?.ran === false)).toBe(true);
  const spans: RunnerSpan[] = jobs
    .filter((j) => j.state === "completed" && (j.output as { ran?: boolean } | null)?.ran === true)
    .map((j) => {
      const output = j.output as { owner: string; heldFrom: string; heldUntil: string; processed: number };
      return {
        owner: output.owner,
        from: Date.parse(output.heldFrom),
        until: Date.parse(output.heldUntil),
        processed: output.processed,
      };
    });
  const killedSpan = {
    owner: holder.owner,
    from: killed[0].started_on!.getTime() + KILLED_START_TOLERANCE_MS,
    until: killedAt,
    processed: NaN,
  };
  const timeline = [...spans, killedSpan].sort((x, y) => x.from - y.from);
  for (let i = 1; i < timeline.length; i++) {
    expect(timeline[i].from, `${timeline[i].owner} started while ${timeline[i - 1].owner} ran`).toBeGreaterThanOrEqual(
      timeline[i - 1].until,
    );
  }
  // The survivor took over once the dead runner's lease lapsed, not at the next cron minute.
  const takeover = spans.find((s) => s.from > killedAt && s.processed > 0);
  expect(takeover, "a run on the survivor after the kill").toBeDefined();
  expect(takeover!.owner).not.toBe(holder.owner);
  expect(takeover!.from - killedAt).toBeLessThan(35_000);
  test.info().annotations.push({
    type: "takeover",
    description: `${Math.round((takeover!.from - killedAt) / 100) / 10} s after the kill, ${takeover!.processed} lines`,
  });

  // The sandbox never had to refuse either instance.
  const stats = await sandboxJson<SandboxStats>("/_sandbox/stats");
  expect(stats.rateLimited).toBe(0);

  // And the survivor shows the whole batch done.
  await survivorView;
  await expect(survivorPage.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(LINES));
});
