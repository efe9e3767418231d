import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { OIDC_CLIENT, OIDC_NAME, OIDC_ROLE_MAPPING, oidcPort } from "./e2e/support/oidc";

// The whole stack per run: a throwaway embedded PostgreSQL, the provider sandbox, demo data, `next start`.
const port = Number(process.env.E2E_PORT ?? 3100);
// Also for the servers a spec starts itself (e2e/side-by-side.spec.ts): the offline basemap, as below.
process.env.MAP_STYLE_URL ??= "offline";
const dataDir = `.test-data/e2e-${port}`;

/** Debian's chromium (offline machines cannot download Playwright's), an override, or Playwright's own. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
}

export default defineConfig({
  testDir: "./e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs scripts/start.ts --fresh --data-dir ${dataDir} --port ${port} --sandbox-port 0${process.env.E2E_BUILD === "1" ? " --build" : ""}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    env: {
      E2E_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      // The suite browses the map far more in an hour than a fleet in a day: browsing must not be rationed by
      // Petit Monde's budget here (e2e/request-budget.spec.ts states the documented quota itself).
      PETITMONDE_MONTHLY_QUOTA: "1000000",
      // Every map search goes through the search cache shared in PostgreSQL, as a second instance would.
      SEARCH_MEMORY_CACHE_SECONDS: "0",
      // The end-to-end tests draw the offline basemap: they must not depend on reaching a tile server.
      MAP_STYLE_URL: "offline",
      // The webhook tests receive deliveries on 127.0.0.1, which webhooks reach only under this policy.
      WEBHOOK_PRIVATE_TARGETS: "loopback",
      // Single sign-on against the identity provider e2e/sso.spec.ts starts on this port.
      OIDC_ISSUER: `http://127.0.0.1:${oidcPort(port)}`,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_NAME,
      OIDC_ROLE_MAPPING,
      // One JSON line per request would bury the test output; warnings and errors still show.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
