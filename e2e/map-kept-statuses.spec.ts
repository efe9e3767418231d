// Browsing is served from the search cache shared in PostgreSQL: an answer kept for hours says when its
// statuses were true, and Refresh availability asks the providers again. (The suite runs with no memory cache
// in front, see playwright.config.ts, so what this page reads is what another instance would.)
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, runtime } from "./fixtures";

const HAMBURG = "/map?lat=53.55&lng=9.99&z=13&providers=PETITMONDE";

let client: pg.Client;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
});

test.afterAll(async () => {
  await client.end();
});

async function searchAt(page: Page, url: string) {
  const searched = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/chargers");
  await page.goto(url);
  return (await (await searched).json()) as {
    providers: Array<{ provider: string; status: string; cached: boolean; statusAsOf?: string }>;
  };
}

test("statuses kept for hours say their time, and Refresh availability asks the provider again", async ({ page }) => {
  await signInAs(page, "dispatcher");
  const first = await searchAt(page, HAMBURG);
  expect(first.providers[0]).toMatchObject({ provider: "PETITMONDE", status: "ok", cached: false });
  await expect(page.getByRole("listbox", { name: "Chargers" }).getByRole("option").first()).toBeVisible();
  await expect(page.getByTestId("status-as-of")).toHaveCount(0);

  // Another dispatcher, three hours later: the locations come from the shared cache, not from Petit Monde.
  const { rowCount } = await client.query(
    `UPDATE provider_search_result SET "fetchedAt" = "fetchedAt" - interval '3 hours' WHERE key LIKE 'PETITMONDE|53.%'`,
  );
  expect(rowCount).toBeGreaterThan(0);
  const kept = await searchAt(page, HAMBURG);
  expect(kept.providers[0]).toMatchObject({ status: "ok", cached: true });
  const asOf = new Date(kept.providers[0].statusAsOf!);
  expect(Date.now() - asOf.getTime()).toBeGreaterThan(2.9 * 3_600_000);
  const note = page.getByTestId("status-as-of");
  // In the browser's zone and language (an English browser reads en-US times).
  const time = await page.evaluate(
    (iso) => new Intl.DateTimeFormat("en-US", { timeStyle: "short" }).format(new Date(iso)),
    asOf.toISOString(),
  );
  await expect(note).toContainText(`Availability as of ${time}.`);

  const refreshed = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === "/api/chargers" && url.searchParams.get("refresh") === "1";
  });
  await note.getByRole("button", { name: "Refresh availability" }).click();
  const fresh = (await (await refreshed).json()) as typeof kept;
  expect(fresh.providers[0]).toMatchObject({ status: "ok", cached: false });
  await expect(note).toHaveCount(0);
  await expect(page.getByRole("listbox", { name: "Chargers" }).getByRole("option").first()).toBeVisible();
});
