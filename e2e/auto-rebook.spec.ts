// Automatic re-booking in the browser: a dispatcher opts a booking in on the wizard's window step; the operator
// never confirms it and it expires; the dashboard books the nearest fitting free charge point for the rest of
// the window instead, both bookings' pages link to each other, and the dispatcher and the driver are told.
// The causes, limits and outcomes are proven in lib/bookings/auto-rebook.integration.test.ts.
import type { Page } from "@playwright/test";
import { test, expect, sandbox, signInAs } from "./fixtures";
import { wizardNearDepot } from "./page-records";

test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

async function providerIdOf(page: Page): Promise<string> {
  const text = (await page.locator("dt:text('Provider') + dd").textContent()) ?? "";
  const id = /·\s*(\S+)/.exec(text)?.[1];
  expect(id, "the provider's booking id beside the provider").toBeTruthy();
  return id!;
}

const detail = async (page: Page, term: string) =>
  (await page.locator(`dt:text-is('${term}') + dd`).textContent())?.trim() ?? "";

test("an opted-in booking that expires is replaced nearby, and the dispatcher and the driver are told", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signInAs(page, "dispatcher");
  await wizardNearDepot(page, 5, async () => {
    await page.getByLabel("Re-book automatically if this booking falls through").check();
    const radius = page.getByLabel("Look within (km)");
    // Out of range: said beside the field, and the wizard stays on this step.
    await radius.fill("40");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(radius).toHaveAttribute("aria-invalid", "true");
    const errorId = ((await radius.getAttribute("aria-describedby")) ?? "")
      .split(" ")
      .find((id) => id.endsWith("-error"));
    await expect(page.locator(`[id="${errorId}"]`)).not.toBeEmpty();
    await radius.fill("10");
  });
  await page.getByRole("button", { name: "Confirm booking" }).click();
  const status = page.getByTestId("booking-status");
  await expect(status).toBeVisible({ timeout: 30_000 });
  const bookingId = /\/bookings\/(c[a-z0-9]{20,})$/.exec(new URL(page.url()).pathname)![1];
  await page.getByLabel("Assign to driver").selectOption({ label: "Dora Driver" });
  await expect(page.getByTestId("assigned-driver")).toHaveText("Dora Driver");
  const rebook = page.getByTestId("rebook-status");
  await expect(rebook).toContainText("On, within 10 km.");
  const first = await detail(page, "Charger");
  const firstPoint = await detail(page, "Charge point");

  // The operator lets the request expire; the page follows it and then to its replacement, without a reload.
  const forced = await sandbox(`/_sandbox/petitmonde/bookings/${await providerIdOf(page)}/status`, {
    body: { status: "EXPIRED" },
  });
  expect(forced.ok).toBe(true);
  await expect(status).toHaveText("Expired", { timeout: 45_000 });
  await expect(rebook).toContainText("Replaced automatically by a booking at", { timeout: 90_000 });
  await rebook.getByRole("link", { name: "Open it" }).click();
  await page.waitForURL((url) => /\/bookings\/c[a-z0-9]{20,}$/.test(url.pathname) && !url.pathname.endsWith(bookingId));
  const replacementId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("rebook-status")).toContainText("Booked automatically in place of a booking at");
  await expect(page.getByTestId("assigned-driver")).toHaveText("Dora Driver");
  const second = await detail(page, "Charger");
  expect(second).not.toBe("");
  // Another charge point: at another charger, or another one at the same charger.
  expect(`${second} ${await detail(page, "Charge point")}`, "not the one that fell through").not.toBe(
    `${first} ${firstPoint}`,
  );
  await expect(status).toHaveText(/Requested|Pending|Confirmed/);

  // The dispatcher who made it is told in the bell, in words.
  await page.reload();
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const bell = page.getByRole("dialog", { name: "Notifications" });
  await expect(bell).toContainText(`Re-booked automatically: ${second}`);
  // Made good, the expiry raised no alert of its own: one word, not three.
  await expect(bell).not.toContainText(`Booking at ${first} expired`);

  // The driver finds the replacement among her bookings, and the word of it beside them.
  const driver = await browser.newPage();
  await signInAs(driver, "driver");
  await driver.goto("/my-bookings");
  await expect(driver.locator(`[data-booking-id="${replacementId}"]`)).toBeVisible();
  const words = driver.getByRole("list", { name: "Notifications" });
  await expect(words).toContainText(`Re-booked automatically: ${second}`);
  await expect(words).toContainText(`The booking at ${first} expired: the operator never confirmed it.`);
  await driver.close();
});
