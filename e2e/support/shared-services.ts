// What several app instances share, for e2e/multi-instance.spec.ts: one PostgreSQL (embedded), migrated and
// seeded once as a release step would, and one provider sandbox that knows the demo fleets — in a process of
// their own, so that killing an app instance never takes them down.
// Prints {"databaseUrl","sandboxUrl"} once the database is migrated (instances may start then), then
// {"ready":true} once the demo data is in; SIGTERM stops both.
//   node node_modules/tsx/dist/cli.mjs e2e/support/shared-services.ts --data-dir DIR [--postgres-port N]
import path from "node:path";
import { parseArgs } from "node:util";
import { startSandbox } from "../../sandbox/server";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "../../scripts/lib/postgres";
import { provisionSandbox } from "../../scripts/lib/provision-sandbox";
import { seedDemoData } from "../../scripts/lib/seed";

const { values } = parseArgs({ options: { "data-dir": { type: "string" }, "postgres-port": { type: "string" } } });
if (!values["data-dir"]) throw new Error("--data-dir is required");
const dataDir = path.resolve(values["data-dir"]);
const log = (line: string) => console.error(`[services] ${line}`);

const postgres = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, "postgres"),
  preferredPort: Number(values["postgres-port"] ?? 55120),
  log,
});
const databaseUrl = await ensureDatabase(postgres.serverUrl, "fleet");
// Migrated before any instance starts: an instance's own `prisma migrate deploy` waits at most 10 s for another's.
const [sandbox] = await Promise.all([
  startSandbox({ port: 0, dataDir: path.join(dataDir, "sandbox"), timeScale: 1 }),
  migrate(databaseUrl),
]);
console.log(JSON.stringify({ databaseUrl, sandboxUrl: sandbox.url }));
const seed = await seedDemoData(databaseUrl, { force: true });
if (!seed.seeded) throw new Error(`demo data not seeded: ${seed.reason}`);
await provisionSandbox(databaseUrl, sandbox.url, log);
console.log(JSON.stringify({ ready: true }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await sandbox.stop().catch((error: unknown) => console.error(error));
  await postgres.stop().catch((error: unknown) => console.error(error));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
