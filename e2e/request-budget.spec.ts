// Petit Monde's monthly quota as a budget: when browsing's share is spent, the map stops asking Petit Monde,
// says so in a banner and still lets a search the user asked for ("reservable") through; the provider health
// page shows the budget.
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, signOut, runtime } from "./fixtures";

let client: pg.Client;
let saved: Array<{ key: string; monthUsed: number; monthLimit: number | null }> = [];

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
});

test.afterAll(async () => {
  // Other specs browse the map: Petit Monde's budget goes back to what it was.
  for (const row of saved)
    await client.query(`UPDATE provider_request_budget SET "monthUsed" = $2, "monthLimit" = $3 WHERE key = $1`, [
      row.key,
      row.monthUsed,
      row.monthLimit,
    ]);
  await client.end();
});

/** The next /api/chargers answer's outcome for Petit Monde. */
async function petitMondeOutcome(page: Page, url: string) {
  const searched = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/chargers");
  await page.goto(url);
  const body = (await (await searched).json()) as { providers: Array<{ provider: string; status: string }> };
  return body.providers.find((p) => p.provider === "PETITMONDE");
}

test("with browsing's share spent, the map says Petit Monde is kept for bookings; a reservable search still asks it", async ({
  page,
}) => {
  await signInAs(page, "dispatcher");
  expect(await petitMondeOutcome(page, "/map?lat=52.52&lng=13.405&z=13&providers=PETITMONDE")).toMatchObject({
    status: "ok",
  });
  const { rows } = await client.query<{ key: string; monthUsed: number; monthLimit: number | null }>(
    `SELECT key, "monthUsed", "monthLimit" FROM provider_request_budget WHERE key LIKE 'petitmonde:%'`,
  );
  expect(rows.length).toBeGreaterThan(0);
  saved = rows;
  // As Petit Monde's headers would say it: the documented 10,000 a month, half of it spent (by this app or
  // another client of the same key). The suite itself runs with a larger quota (playwright.config.ts).
  for (const row of rows)
    await client.query(`UPDATE provider_request_budget SET "monthUsed" = 5000, "monthLimit" = 10000 WHERE key = $1`, [
      row.key,
    ]);

  // Somewhere not asked before (nothing cached): browsing is refused before anything is sent.
  expect(await petitMondeOutcome(page, "/map?lat=50.94&lng=6.96&z=13&providers=PETITMONDE")).toMatchObject({
    status: "quota",
  });
  await expect(page.getByTestId("quota-banner")).toHaveText(
    "Petit Monde's request quota is running low and is kept for bookings, so browsing does not ask it now. Choose a time window to search it anyway.",
  );
  await expect(page.getByTestId("provider-banner")).toHaveCount(0);

  // A search the user asked for may spend more.
  expect(
    await petitMondeOutcome(page, "/map?lat=51.34&lng=12.37&z=13&providers=PETITMONDE&reservable=1"),
  ).toMatchObject({ status: "ok" });
  await expect(page.getByTestId("quota-banner")).toHaveCount(0);

  // The admin sees it on the provider health page.
  await signOut(page);
  await signInAs(page, "admin");
  await page.goto("/settings/providers");
  const budget = page.getByRole("region", { name: "Petit Monde" }).getByTestId("request-budget");
  await expect(budget).toContainText("Browsing the map no longer asks this provider today");
  await expect(budget).toContainText(/This month: [\d,]+ of [\d,]+ \(5\d%\)/);
});
