// Database chores on the embedded PostgreSQL (or DATABASE_URL when set):
//   npm run db:migrate                 apply committed migrations
//   npm run db:new-migration -- NAME   write a migration for schema.prisma changes (prisma migrate dev --create-only)
//   npm run db:seed                    seed demo data into an empty database
//   npm run db:app-role -- ROLE        give the app's own role its grants (see scripts/lib/app-role.ts)
//   tsx scripts/db-cli.ts prisma ARGS  any prisma command against that database
import { spawnSync } from "node:child_process";
import { resolveDatabase } from "./lib/database";
import { seedDemoData } from "./lib/seed";
import { grantAppRole } from "./lib/app-role";

const [command, ...args] = process.argv.slice(2);
const db = await resolveDatabase({ log: (l) => console.log(l) });
const prisma = (prismaArgs: string[]) =>
  spawnSync(process.execPath, ["node_modules/prisma/build/index.js", ...prismaArgs], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: db.url, CHECKPOINT_DISABLE: "1" },
  }).status ?? 1;

let status = 0;
try {
  if (command === "migrate") status = prisma(["migrate", "deploy"]);
  else if (command === "new-migration")
    status = prisma(["migrate", "dev", "--create-only", "--name", args[0] ?? "change"]);
  else if (command === "seed") {
    const result = await seedDemoData(db.url, { force: args.includes("--force") });
    console.log(result.seeded ? "Demo data seeded." : `Not seeded: ${result.reason}`);
  } else if (command === "app-role") {
    await grantAppRole(db.url, args[0] ?? "fleet_app");
    console.log(`Role ${args[0] ?? "fleet_app"} may read and write the data; the audit trail it can only append to.`);
  } else if (command === "prisma") status = prisma(args);
  else if (command === "url") console.log(db.url);
  else {
    console.error("usage: db-cli migrate | new-migration NAME | seed [--force] | app-role ROLE | prisma ARGS | url");
    status = 2;
  }
} finally {
  await db.stop();
}
process.exit(status);
