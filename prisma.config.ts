// Prisma CLI configuration: the WebAssembly schema engine over node-postgres, so that
// `prisma generate` and `prisma migrate` run with no binary download.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// With a config file the CLI does not read .env; the schema's env("DATABASE_URL") must resolve,
// or the CLI falls back to a binary engine it would download. generate needs no real server.
try {
  process.loadEnvFile();
} catch {
  // no .env: fine
}
process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:5432/postgres";
const url = new URL(process.env.DATABASE_URL);
const pgConfig = {
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  idleTimeoutMillis: 200, // idle clients would keep the CLI alive for 10 s
};

// adapter-pg 6.19 cannot read the catalog types 'char' (18) and 'name' (19) the schema engine
// introspects ("Column type 'name' could not be deserialized"): report them as text, in this process only.
const asText: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
type Fields = Array<{ dataTypeID: number }>;
const proto = pg.Result.prototype as unknown as { addFields(this: unknown, fields: Fields): void };
const addFields = proto.addFields;
proto.addFields = function (fields) {
  for (const f of fields) if (asText[f.dataTypeID]) f.dataTypeID = asText[f.dataTypeID];
  return addFields.call(this, fields);
};

// The adapter's shadow database is dropped while its pool still holds a connection: close it first.
class MigratePg extends PrismaPg {
  async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...pgConfig, database }).connect();
    const close = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await close();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

// The wasm engine arms 10 s / 60 s guard timers it never clears; unref them so the CLI exits promptly.
const setTimeoutOrig = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const t = setTimeoutOrig(fn, ms, ...rest);
  if ((ms ?? 0) >= 5000) t.unref();
  return t;
}) as typeof setTimeout;

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new MigratePg(pgConfig),
});
