// The batch booking form as a new dispatcher meets it: window rules beside their fields (and on the server),
// a driver per line, result lines that name their charge point and say one outcome, alternatives with power and price.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox } from "./fixtures";

async function sandboxNow(): Promise<number> {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  return Math.max(clock.nowMs, Date.now());
}

/** A window `hoursAhead` from the sandbox's now, on whole minutes. */
async function windowAhead(hoursAhead: number, hours = 1) {
  const start = new Date((await sandboxNow()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + hours * 3_600_000).toISOString() };
}

/** What a datetime-local input at a Berlin charger holds for an instant. */
const wall = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(iso))
    .replace(" ", "T");

async function searchWindow(page: Page, window: { start: string; end: string }) {
  await page.goto("/bookings/batches/new");
  await page.getByLabel("Start (at the chargers)").fill(wall(window.start));
  await page.getByLabel("End", { exact: true }).fill(wall(window.end));
  await page.getByRole("button", { name: "Find free charge points" }).click();
}

const chargePoints = (page: Page) => page.getByRole("list", { name: "Charge points" }).locator("li");

/** Ticks the first `count` charge points of the list, the nearest, for lines without a vehicle. */
async function tickFirst(page: Page, count: number) {
  await expect(chargePoints(page).first()).toBeVisible();
  for (let i = 0; i < count; i++) await chargePoints(page).nth(i).getByRole("checkbox").check();
}
const batchLines = (page: Page) => page.getByRole("list", { name: "Batch lines" }).locator("li[data-position]");

test.beforeAll(async () => {
  const response = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(response.ok).toBe(true);
});

test("a window that ends before it starts is refused beside the End field, by the form and by the server", async ({
  page,
}) => {
  const window = await windowAhead(6);
  await signInAs(page, "dispatcher");
  await searchWindow(page, { start: window.start, end: new Date(Date.parse(window.start) - 3_600_000).toISOString() });

  const end = page.getByLabel("End", { exact: true });
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(/must end after it starts/);
  await expect(page.getByText(/Petit Monde|refused the request|502/)).toHaveCount(0);
  await expect(chargePoints(page)).toHaveCount(0);

  // Too short a lead and too long a window, each beside its own field.
  const soon = new Date((await sandboxNow()) + 5 * 60_000).toISOString();
  await page.getByLabel("Start (at the chargers)").fill(wall(soon));
  await end.fill(wall(new Date(Date.parse(soon) + 3_600_000).toISOString()));
  await page.getByRole("button", { name: "Find free charge points" }).click();
  await expect(page.getByLabel("Start (at the chargers)")).toHaveAccessibleDescription(/at least 15 minutes from now/);
  await page.getByLabel("Start (at the chargers)").fill(wall(window.start));
  await end.fill(wall(new Date(Date.parse(window.start) + 5 * 3_600_000).toISOString()));
  await page.getByRole("button", { name: "Find free charge points" }).click();
  await expect(end).toHaveAccessibleDescription(/at most 4 hours/);

  // A good window searches; the server refuses the same search with the bad window as a field error
  // rather than asking the provider.
  await end.fill(wall(window.end));
  const [searched] = await Promise.all([
    page.waitForRequest(/\/api\/bookings\/chargers\?/),
    page.getByRole("button", { name: "Find free charge points" }).click(),
  ]);
  await expect(chargePoints(page).first()).toBeVisible();
  const params = new URL(searched.url()).searchParams;
  params.set("windowEnd", new Date(Date.parse(window.start) - 3_600_000).toISOString());
  const response = await page.request.get(`/api/bookings/chargers?${params}`);
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } };
  expect(body.error.code).toBe("VALIDATION");
  expect(body.error.fieldErrors?.windowEnd?.[0]).toMatch(/must end after it starts/);
});

test("each result line names its charge point, carries the driver chosen for it and says one outcome", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const window = await windowAhead(11);
  await signInAs(page, "dispatcher");
  await searchWindow(page, window);
  await tickFirst(page, 2);

  const chosen = chargePoints(page).filter({ has: page.getByRole("checkbox", { checked: true }) });
  await expect(chosen).toHaveCount(2);
  const evseIds = await chosen.evaluateAll((items) => items.map((li) => li.getAttribute("data-evse-id") ?? ""));
  expect(evseIds.every((id) => id.length > 0)).toBe(true);
  await chosen.first().getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await page.getByRole("button", { name: "Book 2 charge points" }).click();
  await page.waitForURL(/\/bookings\/batches\/[a-z0-9]+$/);

  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2", { timeout: 60_000 });
  const lines = batchLines(page);
  await expect(lines).toHaveCount(2);
  for (const [index, evseId] of evseIds.entries()) {
    const line = lines.nth(index);
    await expect(line).toContainText(evseId);
    await expect(line).toContainText(/kW/);
    const outcome = line.getByTestId("line-outcome");
    await expect(outcome).toHaveCount(1);
    if ((await line.getAttribute("data-status")) === "SUCCEEDED") {
      await expect(outcome).toHaveText(/^(Sent — waiting for the operator to confirm|Confirmed|Sending…)$/);
      await expect(line.getByText("Booked", { exact: true })).toHaveCount(0);
      await expect(line.getByText("Requested", { exact: true })).toHaveCount(0);
    }
  }
  await expect(lines.first()).toContainText("Dora Driver");
  await expect(lines.nth(1)).not.toContainText("Dora Driver");
});

test("a taken charge point in a batch offers alternatives with their power and price", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const window = await windowAhead(14);
  await signInAs(page, "dispatcher");
  await searchWindow(page, window);
  await tickFirst(page, 1);

  // Someone else books the same nearest charge point first.
  const other = await browser.newPage();
  await signInAs(other, "dispatcher");
  await searchWindow(other, window);
  await tickFirst(other, 1);
  await other.getByRole("button", { name: "Book 1 charge point" }).click();
  await other.waitForURL(/\/bookings\/batches\/[a-z0-9]+$/);
  await expect(batchLines(other).first()).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await other.close();

  await page.getByRole("button", { name: "Book 1 charge point" }).click();
  await page.waitForURL(/\/bookings\/batches\/[a-z0-9]+$/);
  const line = batchLines(page).first();
  await expect(line).toHaveAttribute("data-status", "FAILED", { timeout: 60_000 });
  const alternatives = line.getByRole("list", { name: "Alternatives" }).locator("li");
  await expect(alternatives.first(), `the line offers alternatives: ${await line.innerText()}`).toBeVisible();
  for (const alternative of await alternatives.all()) {
    await expect(alternative).toContainText(/\d+(\.\d+)? kW/);
    await expect(alternative).toContainText(/Estimated cost: €[\d.,]+ for this booking|Price not published/);
  }
});
