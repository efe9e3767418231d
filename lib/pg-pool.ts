// A small node-postgres pool for the libraries that talk SQL themselves (rate limiter, job queue).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  globalForPool.pgPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 5 });
  return globalForPool.pgPool;
}
