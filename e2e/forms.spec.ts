// Forms explain a bad value in plain words beside its field as soon as the field is left, before anything is
// sent, and put what only the server can tell (a taken id, a wrong password, a wrong code) beside the field
// it is about. The validator's own wording ("Too big: expected string…") never shows.
import type { Page } from "@playwright/test";
import { test, expect, signInAs } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

/** Counts the server actions the page sends from now on (they are POSTs with a Next-Action header). */
function countActions(page: Page): { readonly sent: number } {
  const counter = { sent: 0 };
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) counter.sent += 1;
  });
  return counter;
}

async function expectNoValidatorWording(page: Page) {
  await expect(page.getByText(/too big|too small|expected string|invalid input/i)).toHaveCount(0);
}

async function openBerlinVans(page: Page) {
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Members" })).toBeVisible();
}

test("creating a fleet: each bad value is explained at its field first, a taken id by the server", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/fleets/new");
  const name = page.getByLabel("Fleet name (optional)");
  const id = page.getByLabel("Plugsurfing fleet id");

  await name.fill("n".repeat(101));
  await expect(name).toHaveAccessibleDescription(/Use at most 100 characters/);
  await page.getByText("Link a Petit Monde fleet group (optional)").click();
  const monthly = page.getByLabel("Monthly spending limit (EUR)");
  await monthly.fill("12.345");
  await monthly.press("Tab");
  await expect(monthly).toHaveAccessibleDescription(/Enter an amount in euros, e\.g\. 250 or 49\.90/);
  await expect(page.getByTestId("fleet-id-status")).toContainText("available");

  const actions = countActions(page);
  await page.getByRole("button", { name: "Create fleet" }).click();
  await page.waitForTimeout(500);
  expect(actions.sent).toBe(0);
  await expect(page).toHaveURL(/\/fleets\/new$/);
  await expectNoValidatorWording(page);

  // Sent before the availability check has answered: the server refuses the id, beside the id.
  await name.fill(`Forms ${unique()}`);
  await monthly.fill("250");
  await id.fill("demo-berlin-vans");
  await id.press("Enter");
  await expect(id).toHaveAccessibleDescription(/This fleet id is already used by another fleet/);
  await expect(page).toHaveURL(/\/fleets\/new$/);
});

test("renaming a fleet: an empty or too long name is refused at the field, nothing is sent", async ({ page }) => {
  await signInAs(page, "admin");
  await openBerlinVans(page);
  const field = page.getByRole("textbox", { name: "Fleet name" });
  await field.fill("");
  await field.press("Tab");
  await expect(field).toHaveAccessibleDescription(/Enter a name/);
  await field.fill("r".repeat(101));
  await expect(field).toHaveAccessibleDescription(/Use at most 100 characters/);

  const actions = countActions(page);
  await page.getByRole("button", { name: "Rename" }).click();
  await page.waitForTimeout(500);
  expect(actions.sent).toBe(0);
  await expect(page.getByRole("heading", { level: 1, name: "Berlin Vans" })).toBeVisible();
  await expectNoValidatorWording(page);
});

test("inviting: a malformed or too long email at the field, an existing member from the server", async ({ page }) => {
  await signInAs(page, "admin");
  await openBerlinVans(page);
  const email = page.getByLabel("Email");
  await email.fill("not-an-email");
  await email.press("Tab");
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
  await email.fill(`${"a".repeat(190)}@example.com`);
  await expect(email).toHaveAccessibleDescription("Use at most 200 characters.");
  await expectNoValidatorWording(page);

  await email.fill("driver@demo.fleet");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(email).toHaveAccessibleDescription("Already a member of this fleet");
  await expect(page.getByText("driver@demo.fleet is already a member of this fleet.")).toBeVisible();
});

test("invitation codes: days and uses are checked at their fields before a code is issued", async ({ page }) => {
  await signInAs(page, "admin");
  await openBerlinVans(page);
  const days = page.getByLabel("Valid for (days)");
  const uses = page.getByLabel("Maximum uses");
  await days.fill("0");
  await days.press("Tab");
  await expect(days).toHaveAccessibleDescription("At least 1 day");
  await uses.fill("1.5");
  await uses.press("Tab");
  await expect(uses).toHaveAccessibleDescription("Enter a whole number");

  const actions = countActions(page);
  await page.getByRole("button", { name: "Issue code" }).click();
  await page.waitForTimeout(500);
  expect(actions.sent).toBe(0);
  await expect(page.getByTestId("issued-code")).toHaveCount(0);
});

test("joining: missing fields at once, a wrong code from the server beside the code", async ({ page }) => {
  await page.goto("/join");
  const code = page.getByLabel("Invitation code");
  const email = page.getByLabel("Email");
  await email.fill("jo@");
  await email.press("Tab");
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
  await code.focus();
  await code.press("Tab");
  await expect(code).toHaveAccessibleDescription(/Enter your invitation code/);

  await page.getByLabel("Your name").fill("Jo Forms");
  await email.fill(`jo-forms-${unique()}@test.local`);
  await page.getByLabel("Password").fill("a-long-password-1");
  await code.fill("ABCD-EFGH-JKMN-PQRS-TVWX");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(code).toHaveAccessibleDescription(/That code is not valid\. Check it for typos/);
  await expect(page).toHaveURL(/\/join$/);
});

test("changing the password: a short one at the field, a wrong current one from the server", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password");
  await next.fill("short");
  await next.press("Tab");
  await expect(next).toHaveAccessibleDescription(/Use at least 10 characters/);

  await current.fill("not-my-password");
  await next.fill("a-long-enough-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(current).toHaveAccessibleDescription("That is not your current password");
  await expectNoValidatorWording(page);
});
