// The app frame: the header menus, the refusal page inside the shell, the fleet switcher following the page, the icon.
import type { Page } from "@playwright/test";
import { test, expect, signInAs } from "./fixtures";

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });
const notifications = (page: Page) => page.getByRole("dialog", { name: "Notifications" });
const userMenuButton = (page: Page) => page.getByRole("button", { name: "User menu" });
const userMenu = (page: Page) => page.getByRole("menu");
const switcher = (page: Page) => page.getByRole("combobox", { name: "Fleet", exact: true });
/** A click on nothing in particular: the page's heading. */
const clickOutside = (page: Page) => page.getByRole("heading", { level: 1 }).click();

test("the notifications close on Escape and on an outside click", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await bell(page).click();
  await expect(notifications(page)).toBeVisible();
  await expect(
    notifications(page)
      .getByRole("list", { name: "Notifications" })
      .or(notifications(page).getByText("No notifications.")),
  ).toBeVisible();
  // The focus moved into the panel.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(notifications(page)).toBeHidden();
  await expect(bell(page)).toBeFocused();

  await bell(page).click();
  await expect(notifications(page)).toBeVisible();
  await clickOutside(page);
  await expect(notifications(page)).toBeHidden();
});

test("the user menu takes the focus, closes on Escape and on an outside click", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  // Keys pressed before the page has hydrated reach no menu: wait until it is interactive.
  await page.waitForLoadState("networkidle");
  await userMenuButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(userMenu(page).getByRole("menuitem", { name: "Settings" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(userMenu(page)).toBeHidden();
  await expect(userMenuButton(page)).toBeFocused();

  await userMenuButton(page).click();
  await expect(userMenu(page)).toBeVisible();
  await clickOutside(page);
  await expect(userMenu(page)).toBeHidden();
});

test("opening one header menu closes the other, so Sign out is never covered", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await bell(page).click();
  await expect(notifications(page)).toBeVisible();
  await userMenuButton(page).click();
  await expect(notifications(page)).toBeHidden();
  await expect(userMenu(page)).toBeVisible();

  await bell(page).click();
  await expect(userMenu(page)).toBeHidden();
  await expect(notifications(page)).toBeVisible();

  await userMenuButton(page).click();
  await expect(notifications(page)).toBeHidden();
  // Playwright clicks only what receives the pointer: nothing lies over the item.
  await userMenu(page).getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
});

test("a dispatcher refused an admin page keeps the navigation", async ({ page }) => {
  await signInAs(page, "dispatcher");
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: "You don't have access to Audit log" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await expect(nav.getByRole("link", { name: "Map" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Bookings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(userMenuButton(page)).toBeVisible();
});

test("the fleet switcher shows the fleet whose page is open", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(switcher(page).locator("option:checked")).toHaveText(/Berlin Vans/);
  await page.goto("/fleets");
  const munichId = (await page.getByRole("link", { name: "Munich Service" }).getAttribute("href"))!.split("/").pop();
  await page.getByRole("link", { name: "Munich Service" }).click();
  await expect(page.getByRole("heading", { name: "Munich Service", level: 1 })).toBeVisible();
  await expect(switcher(page).locator("option:checked")).toHaveText(/Munich Service/);
  // Opening the other fleet's page made it the active fleet.
  const activeFleet = async () => (await page.context().cookies()).find((c) => c.name === "active-fleet")?.value;
  await expect.poll(activeFleet).toBe(munichId);

  // The pages after it work in that fleet too.
  await page.goto("/bookings");
  await expect(switcher(page).locator("option:checked")).toHaveText(/Munich Service/);

  // On a fleet's page, choosing another fleet opens that fleet's page.
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Munich Service" }).click();
  await expect(page.getByRole("heading", { name: "Munich Service", level: 1 })).toBeVisible();
  await switcher(page).selectOption({ label: "Berlin Vans · Admin" });
  await expect(page.getByRole("heading", { name: "Berlin Vans", level: 1 })).toBeVisible();
  await expect(switcher(page).locator("option:checked")).toHaveText(/Berlin Vans/);
  await expect.poll(activeFleet).not.toBe(munichId);
});

test("the app has an icon", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});
