// The app's own database role for production: it reads and writes the app's data but owns none of it, so it
// can neither drop nor disable the audit trail's triggers, nor rewrite or empty the trail (it is granted
// SELECT and INSERT on "AuditLog" only). Migrations run as the owner role, which created the tables.
// The job queue's schema (pg-boss, which runs its own migrations) belongs to the app role.
//
//   DATABASE_URL=<owner's URL> npm run db:app-role -- fleet_app
//
// Run it as the owner after each `npm run db:migrate` (it is idempotent; new tables need their grants), then
// give the app DATABASE_URL=<fleet_app's URL>. The role must exist: CREATE ROLE fleet_app LOGIN PASSWORD '…'.
import pg from "pg";

const QUEUE_SCHEMA = "pgboss"; // lib/jobs/queue.ts

export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`Not a plain role name: ${role}`);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (exists.rowCount === 0) throw new Error(`Create the role first: CREATE ROLE ${role} LOGIN PASSWORD '…'`);
    const r = `"${role}"`;
    await client.query("BEGIN");
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    // The audit trail: read and append, nothing else (its triggers refuse UPDATE, DELETE and TRUNCATE too).
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM ${r}`);
    // Migration history is the owner's business.
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r}`);
    // pg-boss asks for `CREATE SCHEMA IF NOT EXISTS` at every start, which needs CREATE on the database; a
    // schema the app role makes is its own and gives it no hold on the owner's tables or triggers.
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0].name;
    await client.query(`GRANT CONNECT, CREATE ON DATABASE "${database.replace(/"/g, '""')}" TO ${r}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${QUEUE_SCHEMA} AUTHORIZATION ${r}`);
    await client.query(`ALTER SCHEMA ${QUEUE_SCHEMA} OWNER TO ${r}`);
    // Tables pg-boss made while the owner ran the app (e.g. the first start) pass to the app role.
    const queueObjects = await client.query<{ kind: string; name: string }>(
      `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END AS kind, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S', 'v')`,
      [QUEUE_SCHEMA],
    );
    for (const o of queueObjects.rows) {
      await client.query(`ALTER ${o.kind} ${QUEUE_SCHEMA}."${o.name.replace(/"/g, '""')}" OWNER TO ${r}`);
    }
    const types = await client.query<{ name: string }>(
      `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 AND t.typtype = 'e'`,
      [QUEUE_SCHEMA],
    );
    for (const t of types.rows) await client.query(`ALTER TYPE ${QUEUE_SCHEMA}."${t.name}" OWNER TO ${r}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
