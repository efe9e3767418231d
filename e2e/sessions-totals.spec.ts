// The session history's totals row: it adds up every page of the filtered sessions, each currency on its own
// and the sessions without a price counted apart, follows the filters, and reads whole on a laptop and a phone.
import pg from "pg";
import type { Page } from "@playwright/test";
import { minorToDecimalString, minorUnitDigits } from "../lib/money/money";
import { periodInZone } from "../lib/reports/period";
import { test, expect, signInAs, runtime } from "./fixtures";

const TIME_ZONE = "Europe/Berlin";
const PREFIX = "e2e-session-totals-";
const PERIOD = { from: "2003-03-01", to: "2003-03-31" };
test.use({ timezoneId: TIME_ZONE, locale: "en-GB" });

let client: pg.Client;
let berlinId: string;
let dirk: string;

async function insertSession(row: {
  id: string;
  fleetId: string;
  driverId: string | null;
  day: number;
  status?: string;
  energyWh: number | null;
  inclMinor: number | null;
  currency: string | null;
}) {
  await client.query(
    `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "driverId", status, "startTime",
       "energyWh", "priceInclVatMinor", currency, "chargerName", "updatedAt")
     VALUES ($1, 'PLUGSURFING_SESSION', $1, $2, $3, $4, $5, $6, $7, $8, 'E2E totals charger', now())`,
    [
      PREFIX + row.id,
      row.fleetId,
      row.driverId,
      row.status ?? "COMPLETE",
      new Date(Date.UTC(2003, 2, row.day, 11)),
      row.energyWh,
      row.inclMinor,
      row.currency,
    ],
  );
}

/** What the totals row should say, straight from the sessions table. */
async function expectedTotals(driverId?: string) {
  const period = periodInZone(PERIOD.from, PERIOD.to, TIME_ZONE);
  const scope = `"fleetId" = $1 AND "startTime" >= $2 AND "startTime" < $3 ${driverId ? `AND "driverId" = $4` : ""}`;
  const params = [berlinId, period.start, period.end, ...(driverId ? [driverId] : [])];
  const all = await client.query<{ sessions: string; energy: string | null }>(
    `SELECT count(*) AS sessions, sum("energyWh") AS energy FROM "ChargingSession" WHERE ${scope}`,
    params,
  );
  const costs = await client.query<{ currency: string; sessions: string; incl: string }>(
    `SELECT upper(currency) AS currency, count(*) AS sessions, sum("priceInclVatMinor") AS incl
     FROM "ChargingSession" WHERE ${scope} AND currency IS NOT NULL AND "priceInclVatMinor" IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1`,
    params,
  );
  const sessions = Number(all.rows[0].sessions);
  const priced = costs.rows.reduce((n, c) => n + Number(c.sessions), 0);
  return {
    sessions,
    energyWh: Number(all.rows[0].energy ?? 0),
    costs: costs.rows.map((c) => ({ currency: c.currency, sessions: Number(c.sessions), incl: Number(c.incl) })),
    unpriced: sessions - priced,
  };
}

/** Money and energy as the page formats them, in the browser's own locale. */
function inBrowser(page: Page) {
  return {
    money: (amountMinor: number, currency: string) => {
      const digits = minorUnitDigits(currency);
      return page.evaluate(
        ([value, c, d]) =>
          new Intl.NumberFormat(undefined, {
            style: "currency",
            currency: c,
            minimumFractionDigits: d,
            maximumFractionDigits: d,
          }).format(value as unknown as number),
        [minorToDecimalString(amountMinor, digits), currency, digits] as const,
      );
    },
    energy: (wh: number) =>
      page.evaluate(
        (kwh) =>
          `${new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(kwh)} kWh`,
        wh / 1000,
      ),
  };
}

const count = (n: number) => `${n} ${n === 1 ? "session" : "sessions"}`;

async function expectTotalsRow(page: Page, expected: Awaited<ReturnType<typeof expectedTotals>>) {
  const totals = page.getByTestId("session-totals");
  await expect(totals.getByTestId("totals-sessions")).toHaveText(count(expected.sessions));
  await expect(totals.getByTestId("totals-energy")).toHaveText(await inBrowser(page).energy(expected.energyWh));
  const costs = totals.getByTestId("totals-cost");
  await expect(costs).toHaveCount(expected.costs.length);
  for (const [index, cost] of expected.costs.entries()) {
    const item = costs.nth(index);
    await expect(item).toHaveAttribute("data-currency", cost.currency);
    await expect(item).toHaveAttribute("data-minor", String(cost.incl));
    await expect(item).toHaveText(`${await inBrowser(page).money(cost.incl, cost.currency)} (${count(cost.sessions)})`);
  }
  await expect(totals.getByTestId("totals-unpriced")).toHaveText(`${count(expected.unpriced)} without a price`);
}

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const fleets = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Fleet"`);
  berlinId = fleets.rows.find((f) => f.name === "Berlin Vans")!.id;
  const munichId = fleets.rows.find((f) => f.name === "Munich Service")!.id;
  const users = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User"`);
  const dora = users.rows.find((u) => u.email === "driver@demo.fleet")!.id;
  dirk = users.rows.find((u) => u.email === "driver2@demo.fleet")!.id;
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  // More euro sessions than one page holds, so the totals must come from every page.
  for (let i = 0; i < 27; i++) {
    const driverId = i < 20 ? dora : dirk;
    await insertSession({
      id: `eur-${i}`,
      fleetId: berlinId,
      driverId,
      day: 1 + (i % 28),
      energyWh: 12_345,
      inclMinor: 1190 + i,
      currency: "EUR",
    });
  }
  await insertSession({
    id: "nok",
    fleetId: berlinId,
    driverId: dirk,
    day: 10,
    energyWh: 5_000,
    inclMinor: 50_000,
    currency: "NOK",
  });
  await insertSession({
    id: "failed",
    fleetId: berlinId,
    driverId: dora,
    day: 11,
    status: "FAILED",
    energyWh: null,
    inclMinor: null,
    currency: null,
  });
  await insertSession({
    id: "running",
    fleetId: berlinId,
    driverId: dirk,
    day: 12,
    status: "STARTED",
    energyWh: 2_000,
    inclMinor: null,
    currency: "EUR",
  });
  // Another fleet's session in the same days never counts.
  await insertSession({
    id: "munich",
    fleetId: munichId,
    driverId: null,
    day: 12,
    energyWh: 9_000,
    inclMinor: 999,
    currency: "EUR",
  });
});

test.afterAll(async () => {
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  await client.end();
});

test("the totals row adds up every page of the filtered sessions, per currency, and follows the filters", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto(`/sessions?from=${PERIOD.from}&to=${PERIOD.to}`);
  const all = await expectedTotals();
  expect(all).toMatchObject({ sessions: 30, unpriced: 2 });
  expect(all.costs.map((c) => c.currency)).toEqual(["EUR", "NOK"]);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await expect(page.getByRole("table", { name: "Sessions" }).locator("tbody tr")).toHaveCount(25);
  await expectTotalsRow(page, all);

  // The second page shows the rest, and the same totals.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("table", { name: "Sessions" }).locator("tbody tr")).toHaveCount(5);
  await expectTotalsRow(page, all);

  // A filter narrows the totals to what it leaves, and goes back to the first page.
  await page.getByLabel("Driver").selectOption({ label: "Dirk Driver" });
  await expect(page).toHaveURL(/driverId=/);
  await expect(page).not.toHaveURL(/page=2/);
  const dirks = await expectedTotals(dirk);
  expect(dirks).toMatchObject({ sessions: 9, unpriced: 1 });
  await expectTotalsRow(page, dirks);
  await page.reload();
  await expectTotalsRow(page, dirks);
});

for (const size of [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the totals row reads whole on a ${size.name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await signInAs(page, "manager");
    await page.goto(`/sessions?from=${PERIOD.from}&to=${PERIOD.to}`);
    await expectTotalsRow(page, await expectedTotals());
    const totals = page.getByTestId("session-totals");
    await totals.scrollIntoViewIfNeeded();
    // Every part of the row is on screen, none cut off at the window's edge.
    for (const part of await totals.locator("[data-testid]").all()) {
      const box = (await part.boundingBox())!;
      const text = (await part.textContent()) ?? "";
      expect(box.x, text).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, text).toBeLessThanOrEqual(size.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  });
}
