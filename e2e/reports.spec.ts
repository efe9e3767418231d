// Reports: charts and tables agree, the CSV matches the table, drivers cannot open reports.
import { readFileSync } from "node:fs";
import { test, expect, signInAs } from "./fixtures";

test("a manager opens a report: the charts and tables agree and the CSV rows match the table", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/sessions");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Synced \d+ drivers/)).toBeVisible({ timeout: 60_000 });

  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/reports?from=2000-01-01&to=${today}`);
  const byDriver = page.getByTestId("report-driver");
  const table = byDriver.getByRole("table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("total-incl").first()).toBeVisible();

  // The charts show the currency with the most sessions (the first total); one bar per table row in it.
  const chartCurrency = (await page
    .getByRole("region", { name: "Totals" })
    .locator("[data-currency]")
    .first()
    .getAttribute("data-currency"))!;
  const currencyRows = table.locator(`tbody tr[data-currency='${chartCurrency}']`);
  const rowCount = await currencyRows.count();
  expect(rowCount).toBeGreaterThan(0);
  await expect(byDriver.getByTestId("chart").locator(".recharts-bar-rectangle")).toHaveCount(rowCount);

  // Per month and per driver add up to the same total in that currency.
  const monthCells = await page
    .getByTestId("report-month")
    .locator(`tbody tr[data-currency='${chartCurrency}'] td[data-minor]`)
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-minor"))));
  const driverCells = await currencyRows
    .locator("td[data-minor]")
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-minor"))));
  expect(monthCells.reduce((a, b) => a + b, 0)).toBe(driverCells.reduce((a, b) => a + b, 0));

  // The CSV has the table's rows, in order, with "." decimals.
  const download = page.waitForEvent("download");
  await byDriver.getByRole("link", { name: "Download CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    '"Driver","Currency","Sessions","Energy (kWh)","Cost excl. VAT","VAT","Cost incl. VAT","Average per kWh incl. VAT"',
  );
  const tableRows = await table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.children[0].textContent,
      currency: r.children[1].textContent,
      sessions: r.children[2].textContent,
      minor: r.children[6].getAttribute("data-minor"),
    })),
  );
  expect(lines.length - 1).toBe(tableRows.length);
  tableRows.forEach((row, i) => {
    const cells = lines[i + 1].slice(1, -1).split('","');
    expect(cells[0]).toBe(row.label);
    expect(cells[1]).toBe(row.currency);
    expect(cells[2]).toBe(row.sessions);
    if (row.minor === null) {
      // Sessions without a price: counted, no amount.
      expect(cells[1]).toBe("No price");
      expect(cells[6]).toBe("");
      return;
    }
    // "." decimals with the currency's fixed places: the digits without the point are the minor units.
    expect(cells[6]).toMatch(/^-?\d+(\.\d{2,3})?$/);
    expect(Number(cells[6].replace(".", ""))).toBe(Number(row.minor));
  });
});

test("a driver cannot open reports", async ({ page }) => {
  await signInAs(page, "driver");
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/forbidden/);
});
