// Provider secrets never reach the browser: the built client bundles must not contain them.
import { test, expect } from "./fixtures";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SECRETS = [
  "sandbox-plugsurfing-key",
  "sandbox-petitmonde-key",
  "sandbox-depot-client",
  "sandbox-depot-secret",
  "e2e-secret-e2e-secret-e2e-secret-e2e", // NEXTAUTH_SECRET of this run
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("client bundles hold no provider credentials or auth secret", async ({ page }) => {
  const staticDir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static");
  const bundles = files(staticDir).filter((f) => f.endsWith(".js"));
  expect(bundles.length).toBeGreaterThan(5);
  for (const file of bundles) {
    const text = readFileSync(file, "utf8");
    for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    expect(text).not.toMatch(/PLUGSURFING_API_KEY|PETITMONDE_API_KEY|DEPOT_CLIENT_SECRET/);
  }
  // And the pages themselves do not print them either.
  await page.goto("/login");
  const html = await page.content();
  for (const secret of SECRETS) expect(html.includes(secret)).toBe(false);
});

test("client bundles carry no message catalogue: each page gets its reader's messages from the server", () => {
  const staticDir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static");
  const bundles = files(staticDir).filter((f) => f.endsWith(".js"));
  // German messages: one a server action says, one only a CSV file says, one the browser's forms say.
  const german = [
    "Einige Felder brauchen Ihre Aufmerksamkeit.",
    "Durchschnitt pro kWh inkl. MwSt.",
    "Entfernen Sie die unsichtbaren Steuerzeichen aus diesem Feld.",
  ];
  for (const file of bundles) {
    const text = readFileSync(file, "utf8");
    for (const message of german) expect(text.includes(message), `${message} in ${file}`).toBe(false);
  }
});
