// One answer to "which database?": DATABASE_URL when set, otherwise the embedded PostgreSQL in .data/.
import path from "node:path";
import { ensureDatabase, migrate, startEmbeddedPostgres } from "./postgres";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveDatabase(options: {
  log: (line: string) => void;
  migrate?: boolean;
  /** Where the embedded cluster lives (default `.data`, or FLEET_DATA_DIR). */
  dataDir?: string;
}): Promise<ResolvedDatabase> {
  const dataDir = path.resolve(options.dataDir ?? process.env.FLEET_DATA_DIR ?? ".data");
  let resolved: ResolvedDatabase;
  if (process.env.DATABASE_URL) {
    options.log(`Using the PostgreSQL at DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
    resolved = { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), log: options.log });
    const url = await ensureDatabase(server.serverUrl, "fleet");
    options.log(`Embedded PostgreSQL running on port ${server.port}`);
    resolved = { url, embedded: true, stop: () => server.stop() };
  }
  if (options.migrate) await migrate(resolved.url);
  return resolved;
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
