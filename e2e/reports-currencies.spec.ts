// Reports with sessions that have no price, several currencies and another fleet's costs; period presets and the
// comparison with the previous period; usable on a laptop and a phone.
import pg from "pg";
import { formatMoney } from "../lib/money/money";
import { periodInZone, presetPeriod, previousPeriod, type DayRange } from "../lib/reports/period";
import { test, expect, signInAs, runtime } from "./fixtures";
import type { Page } from "@playwright/test";

const TIME_ZONE = "Europe/Berlin";
const PREFIX = "e2e-report-currencies-";
test.use({ timezoneId: TIME_ZONE, locale: "en-GB" });

let client: pg.Client;
let berlinId: string;

async function insertSession(row: {
  id: string;
  fleetId: string;
  driverId: string | null;
  startTime: Date;
  status?: string;
  energyWh: number | null;
  inclMinor: number | null;
  exclMinor?: number | null;
  currency: string | null;
}) {
  await client.query(
    `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "driverId", status, "startTime",
       "energyWh", "priceExclVatMinor", "priceInclVatMinor", currency, "operatorName", "updatedAt")
     VALUES ($1, 'PLUGSURFING_SESSION', $1, $2, $3, $4, $5, $6, $7, $8, $9, 'DE*E2E', now())`,
    [
      PREFIX + row.id,
      row.fleetId,
      row.driverId,
      row.status ?? "COMPLETE",
      row.startTime,
      row.energyWh,
      row.exclMinor ?? row.inclMinor,
      row.inclMinor,
      row.currency,
    ],
  );
}

/** What the report should total, straight from the sessions table: per priced currency, and those without a price. */
async function expectedTotals(range: DayRange) {
  const period = periodInZone(range.from, range.to, TIME_ZONE);
  const { rows } = await client.query<{ currency: string | null; sessions: string; incl: string | null }>(
    `SELECT CASE WHEN "priceInclVatMinor" IS NOT NULL AND currency IS NOT NULL THEN upper(currency) END AS currency,
            count(*) AS sessions, sum("priceInclVatMinor") AS incl
     FROM "ChargingSession" WHERE "fleetId" = $1 AND "startTime" >= $2 AND "startTime" < $3 GROUP BY 1`,
    [berlinId, period.start, period.end],
  );
  return new Map(rows.map((r) => [r.currency, { sessions: Number(r.sessions), incl: Number(r.incl ?? 0) }]));
}

/** The day in the middle of a period, at noon in the fleet's zone. */
function middayOf(range: DayRange, day = 14): Date {
  return new Date(periodInZone(range.from, range.from, TIME_ZONE).start.getTime() + (day * 24 + 12) * 3_600_000);
}

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const fleets = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Fleet"`);
  berlinId = fleets.rows.find((f) => f.name === "Berlin Vans")!.id;
  const munichId = fleets.rows.find((f) => f.name === "Munich Service")!.id;
  const users = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User"`);
  const dora = users.rows.find((u) => u.email === "driver@demo.fleet")!.id;
  const dirk = users.rows.find((u) => u.email === "driver2@demo.fleet")!.id;
  const now = new Date();
  const lastMonth = presetPeriod("lastMonth", TIME_ZONE, now);
  const monthBefore = previousPeriod(lastMonth);
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  const sessions: Array<Parameters<typeof insertSession>[0]> = [
    // An ordinary failed remote start: no energy, no price, no currency.
    {
      id: "failed",
      fleetId: berlinId,
      driverId: dora,
      startTime: now,
      status: "FAILED",
      energyWh: null,
      inclMinor: null,
      currency: null,
    },
    {
      id: "eur",
      fleetId: berlinId,
      driverId: dora,
      startTime: now,
      energyWh: 20_000,
      inclMinor: 2380,
      currency: "EUR",
    },
    // A larger raw amount in another currency: it must not rank above the euro rows.
    {
      id: "nok",
      fleetId: berlinId,
      driverId: dirk,
      startTime: now,
      energyWh: 5_000,
      inclMinor: 50_000,
      currency: "NOK",
    },
    // No minor unit: 1200 yen is ¥1,200, never ¥12.00.
    { id: "jpy", fleetId: berlinId, driverId: dirk, startTime: now, energyWh: 1_000, inclMinor: 1200, currency: "JPY" },
    // Another fleet's cost must not show under Berlin Vans.
    {
      id: "munich",
      fleetId: munichId,
      driverId: null,
      startTime: now,
      energyWh: 9_000,
      inclMinor: 999,
      currency: "EUR",
    },
    // Last month and the month before, for the comparison.
    {
      id: "last",
      fleetId: berlinId,
      driverId: dora,
      startTime: middayOf(lastMonth),
      energyWh: 10_000,
      inclMinor: 3570,
      currency: "EUR",
    },
    {
      id: "before",
      fleetId: berlinId,
      driverId: dora,
      startTime: middayOf(monthBefore),
      energyWh: 10_000,
      inclMinor: 1190,
      currency: "EUR",
    },
  ];
  for (const session of sessions) await insertSession(session);
});

test.afterAll(async () => {
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  await client.end();
});

async function currencyColumn(page: Page, kind: string): Promise<string[]> {
  return page
    .getByTestId(`report-${kind}`)
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-currency") ?? ""));
}

test("this month with a failed start: the page loads, counts it under No price, and keeps currencies apart", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/reports");
  await expect(page.getByRole("region", { name: "Totals" })).toBeVisible();
  // Presets are buttons that work from the keyboard.
  const presets = page.getByRole("group", { name: "Quick periods" });
  const thisMonth = presets.getByRole("button", { name: "This month" });
  await thisMonth.focus();
  await page.keyboard.press("Enter");
  const range = presetPeriod("thisMonth", TIME_ZONE);
  await expect(page).toHaveURL(new RegExp(`from=${range.from}&to=${range.to}`));
  await expect(thisMonth).toHaveAttribute("aria-pressed", "true");
  await expect(presets.getByRole("button", { name: "Last month" })).toHaveAttribute("aria-pressed", "false");

  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByTestId("total-no-price")).toBeVisible();
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);

  // Every total agrees with the sessions table; the unpriced ones are counted, never shown as money.
  const expected = await expectedTotals(range);
  const unpriced = expected.get(null)!;
  await expect(totals.getByTestId("total-no-price").getByTestId("total-sessions")).toHaveText(
    `${unpriced.sessions} ${unpriced.sessions === 1 ? "session" : "sessions"}`,
  );
  await expect(totals.getByTestId("total-no-price")).not.toContainText(/[€¥]|EUR|NOK/);
  for (const [currency, figures] of expected) {
    if (currency === null) continue;
    const card = totals.getByTestId(`total-${currency}`);
    await expect(card.getByTestId("total-incl")).toHaveAttribute("data-minor", String(figures.incl));
    await expect(card.getByTestId("total-sessions")).toContainText(
      `${figures.sessions} ${figures.sessions === 1 ? "session" : "sessions"}`,
    );
  }
  await expect(totals.getByTestId("total-JPY").getByTestId("total-incl")).toHaveText(
    formatMoney({ amountMinor: expected.get("JPY")!.incl, currency: "JPY" }, "en-GB"),
  );
  await expect(totals.getByTestId("total-JPY").getByTestId("total-incl")).not.toContainText(".");

  // Every table has a currency column; rows are grouped by currency in the totals' order, ranked within it.
  const totalsOrder = await totals
    .locator("[data-currency]")
    .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-currency")!));
  for (const kind of ["month", "driver", "fleet", "operator"]) {
    await expect(page.getByTestId(`report-${kind}`).getByRole("columnheader", { name: "Currency" })).toBeVisible();
    const column = await currencyColumn(page, kind);
    if (kind === "month") continue;
    const groups = column.filter((c, i) => c !== column[i - 1]);
    expect(groups).toEqual([...totalsOrder, "none"].filter((c) => column.includes(c)));
  }
  const driverTable = page.getByTestId("report-driver").getByRole("table");
  for (const currency of totalsOrder) {
    const amounts = await driverTable
      .locator(`tbody tr[data-currency='${currency}'] td[data-minor]`)
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-minor"))));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  }
  // Dora paid in euros and had a failed start: two rows, and the currency column says why.
  const doraRows = driverTable.locator("tbody tr", { hasText: "Dora Driver" });
  await expect(doraRows.filter({ hasText: "No price" })).toHaveCount(1);
  await expect(doraRows.filter({ hasText: "EUR" })).toHaveCount(1);

  // Only the fleet the page is for.
  const fleetLabels = await page
    .getByTestId("report-fleet")
    .locator("tbody tr td:first-child")
    .evaluateAll((cells) => cells.map((c) => c.textContent));
  expect(new Set(fleetLabels)).toEqual(new Set(["Berlin Vans"]));
});

test("last month beside the month before, per currency, in plain words", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/reports");
  await expect(page.getByRole("region", { name: "Totals" })).toBeVisible();
  await page.getByRole("group", { name: "Quick periods" }).getByRole("button", { name: "Last month" }).click();
  const range = presetPeriod("lastMonth", TIME_ZONE);
  const before = previousPeriod(range);
  await expect(page).toHaveURL(new RegExp(`from=${range.from}&to=${range.to}`));
  const totals = page.getByRole("region", { name: "Totals" });
  const day = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  await expect(totals.getByTestId("comparison-period")).toHaveText(
    `Compared with the previous period of the same length: ${day(before.from)} – ${day(before.to)}.`,
  );
  const now = (await expectedTotals(range)).get("EUR")!.incl;
  const previous = (await expectedTotals(before)).get("EUR")!.incl;
  const eur = totals.getByTestId("total-EUR");
  await expect(eur.getByTestId("total-incl")).toHaveAttribute("data-minor", String(now));
  const change = eur.getByTestId("total-change");
  await expect(change).toHaveAttribute("data-previous-minor", String(previous));
  const diff = formatMoney({ amountMinor: Math.abs(now - previous), currency: "EUR" }, "en-GB");
  const percent = Math.round(((now - previous) * 100) / previous);
  const previousText = formatMoney({ amountMinor: previous, currency: "EUR" }, "en-GB");
  await expect(change).toHaveText(
    now === previous
      ? `The same as the previous period (${previousText}).`
      : `${diff} ${now > previous ? "more" : "less"} than the previous period (${previousText}), ${
          percent > 0 ? "+" : ""
        }${percent}%.`,
  );
});

test("the report stays usable on a laptop and a phone", async ({ page }) => {
  await signInAs(page, "manager");
  const range = presetPeriod("thisMonth", TIME_ZONE);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/reports?from=${range.from}&to=${range.to}`);
    const totals = page.getByRole("region", { name: "Totals" });
    await expect(totals.getByTestId("total-no-price")).toBeVisible();
    // Every preset button is reachable and big enough to tap.
    for (const name of ["This month", "Last month", "This quarter", "This year"]) {
      const button = page.getByRole("button", { name, exact: true });
      await expect(button).toBeInViewport();
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(32);
    }
    for (const box of [
      page.getByRole("group", { name: "Quick periods" }),
      totals,
      page.getByLabel("From", { exact: true }),
      page.getByLabel("To", { exact: true }),
      page.getByTestId("report-driver"),
    ]) {
      await box.scrollIntoViewIfNeeded();
      const rect = (await box.boundingBox())!;
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(viewport.width);
    }
    // A wide table scrolls inside its own frame, not the whole page.
    const table = page.getByTestId("report-driver").getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Currency" })).toBeAttached();
    const frameWidth = await table.evaluate((t) => t.parentElement!.getBoundingClientRect().right);
    expect(frameWidth).toBeLessThanOrEqual(viewport.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    if (viewport.width >= 1280) {
      // On a laptop every column shows without scrolling.
      expect(await table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
    }
  }
});
