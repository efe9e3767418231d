// A small node-postgres pool for the libraries that talk SQL themselves (rate limiter, job queue).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPool.pgPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 5 });
    // An idle connection the server ends (a restart, a dropped database) is reported here; without a listener
    // node-postgres rethrows it and the process dies. The pool replaces the connection on next use.
    pool.on("error", (error) => log.warn({ event: "db.idle_connection_lost", err: error }, "idle connection lost"));
    globalForPool.pgPool = pool;
  }
  return globalForPool.pgPool;
}
