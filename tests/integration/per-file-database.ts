// Each integration test file gets its own database, cloned from the migrated template.
import { afterAll, inject } from "vitest";
import pg from "pg";

const serverUrl = inject("postgresServerUrl");
const name = `fleet_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
await admin.end();

const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.SANDBOX_URL = inject("sandboxUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  // The pool the rate limiter and job queue share holds connections to this database: close it before the
  // database is dropped, or its idle clients die with "terminating connection" errors.
  const shared = globalThis as unknown as { pgPool?: { ended: boolean; end(): Promise<void> } };
  if (shared.pgPool && !shared.pgPool.ended) await shared.pgPool.end();
  delete shared.pgPool;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
});
