// A batch for vehicles: a dispatcher chooses three of the demo vans; each gets a free charge point it can use, with
// its charging time and its regular driver, changeable per line; the batch books each for its van.
import type { Locator, Page } from "@playwright/test";
import { test, expect, signInAs, sandbox } from "./fixtures";

const VANS = [
  { label: "B-BV 101 · Van 1", plate: "B-BV 101", driver: "Dora Driver", takes: /Type 2|CCS/, never: /CHAdeMO/ },
  { label: "B-BV 102 · Van 2", plate: "B-BV 102", driver: "Dirk Driver", takes: /Type 2|CCS/, never: /CHAdeMO/ },
  { label: "B-BV 105 · Van 5", plate: "B-BV 105", driver: "No driver yet", takes: /Type 2|CHAdeMO/, never: /CCS/ },
] as const;

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

/** Four days and a bit ahead of the sandbox's clock, at an odd minute: no other spec books then. */
async function windowOfItsOwn() {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + 4 * 24 * 3_600_000 + 2 * 3_600_000 + 43 * 60_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

const vehicleLines = (page: Page) => page.getByRole("list", { name: "Vehicles and their charge points" }).locator("li");
const lineOf = (page: Page, plate: string) => vehicleLines(page).and(page.locator(`[data-vehicle="${plate}"]`));
const chargePointOf = (line: Locator, plate: string) => line.getByLabel(`Charge point for ${plate}`);
const selectedText = (select: Locator) => select.locator("option:checked").innerText();

test.beforeAll(async () => {
  const response = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(response.ok).toBe(true);
});

test("a dispatcher books a batch for three vans, each at a charge point it can use, for its driver", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const window = await windowOfItsOwn();
  await signInAs(page, "dispatcher");
  await page.goto("/bookings/batches/new");
  await page.getByLabel("Start (at the chargers)").fill(wall(window.start));
  await page.getByLabel("End", { exact: true }).fill(wall(window.end));
  const fleetVehicles = page.getByRole("list", { name: "Vehicles", exact: true });
  for (const van of VANS) await fleetVehicles.getByRole("checkbox", { name: van.label, exact: true }).check();
  await expect(page.getByText("3 vehicles chosen")).toBeVisible();
  await page.getByRole("button", { name: "Find free charge points" }).click();

  // One line per van: a charge point whose connector it takes, its 10–80 % time, and its regular driver.
  await expect(vehicleLines(page)).toHaveCount(3);
  await expect(page.getByTestId("vehicle-without-fit")).toHaveCount(0);
  for (const van of VANS) {
    const line = lineOf(page, van.plate);
    await expect(line).toContainText(van.label);
    await expect(line.getByTestId("line-top-up")).toHaveText(/^10–80 % in about \d/);
    const chosen = await selectedText(chargePointOf(line, van.plate));
    expect(chosen).toMatch(van.takes);
    expect(chosen).not.toMatch(van.never);
    await expect(line.getByLabel("Driver").locator("option:checked")).toHaveText(van.driver);
  }

  // No two vans on one charge point, and no line offers one another line holds.
  const held = async () =>
    Promise.all(VANS.map((van) => chargePointOf(lineOf(page, van.plate), van.plate).inputValue()));
  const points = await held();
  expect(new Set(points).size).toBe(3);
  for (const [index, van] of VANS.entries()) {
    const offered = await chargePointOf(lineOf(page, van.plate), van.plate)
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain(points[index]);
    for (const other of points.filter((_, i) => i !== index)) expect(offered).not.toContain(other);
  }

  // Each line can be changed: Van 2 to another charge point it takes, Van 5 for Dora.
  const van2 = chargePointOf(lineOf(page, "B-BV 102"), "B-BV 102");
  const alternatives = await van2
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const another = alternatives.find((value) => value !== points[1]);
  if (another) {
    await van2.selectOption(another);
    await expect(van2).toHaveValue(another);
    expect(await selectedText(van2)).not.toMatch(/CHAdeMO/);
  }
  await lineOf(page, "B-BV 105").getByLabel("Driver").selectOption({ label: "Dora Driver" });
  const booked = await held();
  expect(new Set(booked).size).toBe(3);

  // The charge point list says which van holds which point.
  const evseIds: string[] = [];
  for (const van of VANS) {
    const point = page
      .getByRole("list", { name: "Charge points" })
      .locator("li")
      .filter({ hasText: `For ${van.label}` });
    await expect(point).toHaveCount(1);
    await expect(point.getByRole("checkbox")).toBeChecked();
    evseIds.push((await point.getAttribute("data-evse-id")) ?? "");
  }

  await page.getByRole("button", { name: "Book 3 charge points" }).click();
  await page.waitForURL(/\/bookings\/batches\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3", { timeout: 60_000 });
  const lines = page.getByRole("list", { name: "Batch lines" }).locator("li[data-position]");
  await expect(lines).toHaveCount(3);
  const drivers = ["Dora Driver", "Dirk Driver", "Dora Driver"];
  const bookings: string[] = [];
  for (const [index, van] of VANS.entries()) {
    const line = lines.nth(index);
    await expect(line.getByTestId("line-vehicle")).toHaveText(`For ${van.label}`);
    await expect(line).toContainText(evseIds[index]);
    await expect(line).toContainText(`For ${drivers[index]}`);
    await expect(line, await line.innerText()).toHaveAttribute("data-status", "SUCCEEDED");
    bookings.push((await line.getByRole("link", { name: "Open booking" }).getAttribute("href")) ?? "");
  }

  // Three bookings, each for its van and its driver.
  expect(new Set(bookings).size).toBe(3);
  for (const [index, van] of VANS.entries()) {
    await page.goto(bookings[index]);
    await expect(page.getByTestId("booking-vehicle")).toHaveText(van.label);
    await expect(page.getByTestId("assigned-driver")).toHaveText(drivers[index]);
  }
});
