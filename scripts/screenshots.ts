// `npm run screenshots`: starts the end-to-end stack, captures every page into docs/screenshots/ afresh, and
// says how many files and bytes that made.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "docs", "screenshots");
// A page that was renamed or removed leaves no stale picture behind.
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const run = spawnSync(
  "npx",
  ["playwright", "test", "-c", "playwright.screenshots.config.ts", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    // Pictures of the code as it is: the stack builds the app first (E2E_BUILD=0 keeps the last build).
    env: { ...process.env, E2E_BUILD: process.env.E2E_BUILD ?? "1" },
  },
);
const files = readdirSync(dir).filter((name) => name.endsWith(".png"));
const bytes = files.reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
console.log(`\n${files.length} screenshots in docs/screenshots, ${(bytes / 1_048_576).toFixed(1)} MB`);
process.exit(run.status ?? 1);
