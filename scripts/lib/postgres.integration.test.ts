// The embedded database of the start command: data persists across restarts, a crashed run's
// stale postmaster.pid does not block the next start, and DATABASE_URL points elsewhere.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, ensureDatabase } from "./postgres";
import { resolveDatabase } from "./database";

// Under the project (not a 0700 temp dir): the embedded server runs as the unprivileged postgres user.
const root = path.resolve(`.test-data/pg-lifecycle-${process.pid}`);
mkdirSync(root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps data across a stop and a start", async () => {
    const dataDir = path.join(root, "persist");
    let server = await startEmbeddedPostgres({ dataDir, preferredPort: 56100 });
    const url = await ensureDatabase(server.serverUrl, "fleet");
    await query(url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir, preferredPort: 56100 });
    expect(await query(await ensureDatabase(server.serverUrl, "fleet"), "SELECT v FROM kept")).toEqual([
      { v: "still here" },
    ]);
    await server.stop();
  });

  it("starts after a crashed run left a stale postmaster.pid", async () => {
    const dataDir = path.join(root, "stale");
    const server = await startEmbeddedPostgres({ dataDir, preferredPort: 56200 });
    await server.stop();
    // A crash leaves the pid file behind with a process id that no longer runs.
    writeFileSync(path.join(dataDir, "postmaster.pid"), `999999\n${dataDir}\n0\n56200\n`);
    const again = await startEmbeddedPostgres({ dataDir, preferredPort: 56200 });
    expect(await query(again.serverUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    expect(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]).not.toBe("999999");
    await again.stop();
  });

  it("uses DATABASE_URL when it is set, starting nothing", async () => {
    const other = await startEmbeddedPostgres({ dataDir: path.join(root, "other"), preferredPort: 56300 });
    const url = await ensureDatabase(other.serverUrl, "elsewhere");
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      const lines: string[] = [];
      const db = await resolveDatabase({
        log: (l) => lines.push(l),
        migrate: true,
        dataDir: path.join(root, "unused"),
      });
      expect(db.embedded).toBe(false);
      expect(db.url).toBe(url);
      expect(lines.join("\n")).toMatch(/Using the PostgreSQL at DATABASE_URL/);
      const tables = await query(
        url,
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Fleet'`,
      );
      expect(tables).toEqual([{ n: 1 }]);
      await db.stop();
    } finally {
      process.env.DATABASE_URL = previous;
      await other.stop();
    }
  });
});
