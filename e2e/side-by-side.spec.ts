// `npm test` beside a running `npm start`, in one folder. The test command's build once replaced the `.next`
// that `npm start` served, and every page of the running app then failed on missing chunks until a restart.
// Here an app serves from `.next` exactly as `npm start` does, the test command's own build step runs
// (scripts/test.sh, only its build, into a scratch folder so that this run's own test app stays up), and the
// running app must go on serving every page with all of its chunks.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const PORT = 3190;
const APP_URL = `http://localhost:${PORT}`;
const DATA_DIR = `.test-data/side-by-side-${PORT}`;
const SERVED_DIR = ".next"; // npm start's folder
const SCRATCH_DIST_DIR = ".next-side-by-side";

/** The environment of someone who typed `npm start` or `npm test`: nothing that picks a build folder. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NEXT_DIST_DIR;
  delete env.E2E_DATA_DIR;
  delete env.DATABASE_URL;
  return env;
}

const buildId = () => readFileSync(path.join(SERVED_DIR, "BUILD_ID"), "utf8");

let app: ChildProcess | undefined;
let copiedBuild = false;

test.describe.configure({ mode: "serial" });
test.setTimeout(8 * 60_000);

test.beforeAll(async () => {
  test.setTimeout(4 * 60_000);
  // A clean clone has no `.next` yet: serve a copy of this run's test build from it, as `npm start` would
  // serve its own build. An existing `.next` is served as it is.
  if (!existsSync(path.join(SERVED_DIR, "BUILD_ID"))) {
    const from = process.env.NEXT_DIST_DIR ?? ".next-test";
    const copy = spawnSync("bash", [
      "-c",
      `mkdir -p ${SERVED_DIR} && (cd ${from} && tar cf - --exclude=./cache .) | (cd ${SERVED_DIR} && tar xf -)`,
    ]);
    expect(copy.status, copy.stderr?.toString()).toBe(0);
    copiedBuild = true;
  }
  app = spawn(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "scripts/start.ts",
      "--fresh",
      "--data-dir",
      DATA_DIR,
      "--port",
      String(PORT),
      "--sandbox-port",
      "0",
    ],
    { env: plainEnv(), stdio: "ignore", detached: true },
  );
  await expect
    .poll(
      () =>
        fetch(`${APP_URL}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 180_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (app?.pid) {
    process.kill(-app.pid, "SIGTERM");
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-app!.pid!, "SIGKILL");
        } catch {
          // already gone
        }
        resolve();
      }, 10_000);
      app!.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  rmSync(SCRATCH_DIST_DIR, { recursive: true, force: true });
  rmSync(DATA_DIR, { recursive: true, force: true });
  if (copiedBuild) rmSync(SERVED_DIR, { recursive: true, force: true });
});

/** Every script and style the page asks the server for, with the answers that were not 200. */
function watchAssets(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (response: Response) => {
    if (new URL(response.url()).pathname.startsWith("/_next/") && response.status() !== 200) {
      failed.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    // A prefetch cut short by the next navigation is aborted by the browser, not refused by the server.
    const reason = request.failure()?.errorText ?? "";
    if (new URL(request.url()).pathname.startsWith("/_next/") && !reason.includes("ERR_ABORTED")) {
      failed.push(`${reason} ${request.url()}`);
    }
  });
  return failed;
}

test("the test command's build leaves a running npm start serving every page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: APP_URL });
  const page = await context.newPage();
  const failedAssets = watchAssets(page);
  await signInAs(page, "dispatcher");
  await page.goto("/bookings");
  await expect(page.getByRole("heading", { name: "Bookings", level: 1 })).toBeVisible();
  const servedBuild = buildId();

  const build = spawnSync("bash", ["scripts/test.sh"], {
    env: plainEnv({ TEST_STEPS: "build", TEST_DIST_DIR: SCRATCH_DIST_DIR }),
    encoding: "utf8",
    timeout: 5 * 60_000,
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  expect(build.stdout).toContain("=== build passed");

  // The tab opened before the build moves on through the app: new pages load their own chunks.
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await nav.getByRole("link", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { name: "Sessions", level: 1 })).toBeVisible();
  await nav.getByRole("link", { name: "Map" }).click();
  await expect(page).toHaveURL(/\/map/);
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);

  // And a fresh visit renders and hydrates: the user menu opens.
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { name: "Sessions", level: 1 })).toBeVisible();
  await page.getByLabel("User menu").click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  expect(failedAssets, "every script and style of the running app still loads").toEqual([]);
  expect(existsSync(path.join(SCRATCH_DIST_DIR, "BUILD_ID")), "the test build went to its own folder").toBe(true);
  expect(buildId(), "the served build is untouched").toBe(servedBuild);
  await context.close();
});
