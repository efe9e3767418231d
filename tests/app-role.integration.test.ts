// The production database set-up (README, "Database roles"): the app connects as a role that owns nothing.
// It reads and writes the data and runs the job queue, but cannot drop or disable the audit trail's triggers,
// nor change, delete or empty the trail — only append to it.
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAppRole } from "../scripts/lib/app-role";
import { migrate } from "../scripts/lib/postgres";

const ROLE = "fleet_app_test";
let app: pg.Client;
let appUrl: string;

beforeAll(async () => {
  const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  await owner.query(
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN
         CREATE ROLE ${ROLE} LOGIN PASSWORD 'app-role-test';
       END IF;
     END $$`,
  );
  await owner.end();
  await grantAppRole(process.env.DATABASE_URL!, ROLE);
  await grantAppRole(process.env.DATABASE_URL!, ROLE); // idempotent: run after every migration
  const url = new URL(process.env.DATABASE_URL!);
  url.username = ROLE;
  url.password = "app-role-test";
  appUrl = url.toString();
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
});

const refused = (sql: string) =>
  app.query(sql).then(
    () => "allowed",
    (error: Error) => error.message,
  );

describe("the app's own database role", () => {
  it("reads and writes the app's data", async () => {
    const org = await app.query<{ id: string }>(
      `INSERT INTO "Organization" (id, name) VALUES ('org_app_role', 'Role test') RETURNING id`,
    );
    expect(org.rows[0].id).toBe("org_app_role");
    await app.query(`UPDATE "Organization" SET name = 'Renamed' WHERE id = 'org_app_role'`);
    await app.query(`DELETE FROM "Organization" WHERE id = 'org_app_role'`);
  });

  it("appends to the audit trail and reads it", async () => {
    await app.query(
      `INSERT INTO "AuditLog" (id, action, "objectType") VALUES ('audit_app_role', 'test.append', 'Test')`,
    );
    const read = await app.query(`SELECT action FROM "AuditLog" WHERE id = 'audit_app_role'`);
    expect(read.rows).toEqual([{ action: "test.append" }]);
  });

  it("cannot change, delete or empty the audit trail", async () => {
    expect(await refused(`UPDATE "AuditLog" SET action = 'forged' WHERE id = 'audit_app_role'`)).toMatch(
      /permission denied/,
    );
    expect(await refused(`DELETE FROM "AuditLog" WHERE id = 'audit_app_role'`)).toMatch(/permission denied/);
    expect(await refused(`TRUNCATE "AuditLog"`)).toMatch(/permission denied/);
  });

  it("cannot drop or switch off the trail's triggers, nor the table", async () => {
    const triggers = await app.query<{ tgname: string }>(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditLog"'::regclass AND NOT tgisinternal`,
    );
    expect(triggers.rows.length).toBeGreaterThanOrEqual(2);
    for (const { tgname } of triggers.rows) {
      expect(await refused(`DROP TRIGGER "${tgname}" ON "AuditLog"`)).toMatch(/must be owner/);
    }
    expect(await refused(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await refused(`DROP FUNCTION audit_log_append_only() CASCADE`)).toMatch(/must be owner/);
    expect(await refused(`DROP TABLE "AuditLog"`)).toMatch(/must be owner/);
    expect(await refused(`SET session_replication_role = replica`)).toMatch(/permission denied/);
  });

  it("cannot rewrite the migration history, and starts with nothing left to migrate", async () => {
    expect(await refused(`DELETE FROM "_prisma_migrations"`)).toMatch(/permission denied/);
    // What `npm start` does first: `prisma migrate deploy`, which finds every migration applied by the owner.
    await expect(migrate(appUrl)).resolves.toBeUndefined();
  });

  it("runs the job queue in a schema of its own", async () => {
    const boss = new PgBoss({ connectionString: appUrl, schema: "pgboss", max: 2 });
    boss.on("error", () => undefined);
    await boss.start();
    await boss.createQueue("app-role-test");
    const id = await boss.send("app-role-test", { ok: true });
    expect(id).toBeTruthy();
    await boss.stop({ graceful: false, wait: true });
  });
});
