// Drivers joining with an invitation code: sign-up and join in one step, and the refusals a code can meet.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, signOut } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

/** As the demo admin: issues a code for Berlin Vans, optionally revokes it, signs out. */
async function issueBerlinCode(page: Page, options: { revoke?: boolean } = {}): Promise<string> {
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await page.getByLabel("Maximum uses").fill("2");
  await page.getByRole("button", { name: "Issue code" }).click();
  const code = (await page.getByTestId("issued-code-value").textContent())!.trim();
  if (options.revoke) {
    await page.getByRole("button", { name: `Revoke code ${code.slice(0, 4)}` }).click();
    await expect(page.getByTestId(`code-${code.slice(0, 4)}`)).toContainText("Revoked");
  }
  await signOut(page);
  return code;
}

async function signUp(page: Page, code: string, email: string) {
  await page.getByLabel("Your name").fill("Jo Joiner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByLabel("Invitation code").fill(code);
  await page.getByRole("button", { name: "Create account and join" }).click();
}

test("a new driver signs up with the join link and lands in the fleet", async ({ page }) => {
  const code = await issueBerlinCode(page);
  await page.goto(`/join/${code}`);
  await expect(page.getByLabel("Invitation code")).toHaveValue(code);
  await page.getByLabel("Your name").fill("Jo Joiner");
  await page.getByLabel("Email").fill(`jo-${unique()}@test.local`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/my-bookings/);
  await expect(page.getByText("Berlin Vans").first()).toBeVisible();
});

test("an existing user joins with a code typed by hand", async ({ page }) => {
  const code = await issueBerlinCode(page);
  await page.goto("/join");
  await page.getByRole("tab", { name: "I have an account" }).click();
  await page.getByLabel("Email").fill("driver3@demo.fleet");
  await page.getByLabel("Password").fill("demo-fleet-2026");
  await page.getByLabel("Invitation code").fill(code.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Join fleet" }).click();
  await page.waitForURL(/\/my-bookings/);
  // The joined fleet is the active one.
  await expect(page.getByLabel("Fleet").locator("option:checked")).toHaveText(/Berlin Vans · Driver/);
});

test("wrong and revoked codes fail with clear, different messages", async ({ page }) => {
  const revoked = await issueBerlinCode(page, { revoke: true });
  await page.goto("/join");
  await signUp(page, "ABCD-EFGH-JKMN-PQRS-TVWX", `wrong-${unique()}@test.local`);
  await expect(
    page.getByText("That code is not valid. Check it for typos, or ask your fleet admin for the code."),
  ).toBeVisible();

  await page.getByLabel("Invitation code").fill(revoked);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByText("This code was withdrawn by the fleet admin. Ask them for a new one.")).toBeVisible();
  await expect(page).toHaveURL(/\/join$/);
});
