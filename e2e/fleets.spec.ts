// Fleet admins: create (id rules, duplicates), rename, members and the last admin, invitation codes,
// and fleet isolation between admins of different fleets.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, signOut } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

async function createFleet(page: Page, name: string): Promise<{ url: string; fleetId: string }> {
  await page.goto("/fleets/new");
  await page.getByLabel("Fleet name (optional)").fill(name);
  await expect(page.getByTestId("fleet-id-status")).toContainText("available");
  await page.getByRole("button", { name: "Create fleet" }).click();
  await page.waitForURL(/\/fleets\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const url = page.url();
  return { url, fleetId: url.split("/").pop()! };
}

test("an admin creates a fleet with a checked id, renames it and issues a code", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await expect(page.getByRole("link", { name: "Berlin Vans" })).toBeVisible();
  await page.getByRole("link", { name: "New fleet" }).first().click();
  await expect(page).toHaveURL(/\/fleets\/new$/);

  const id = page.getByLabel("Plugsurfing fleet id");
  // The rules are stated before submitting, and the id is suggested from the name.
  await expect(page.getByText("can never be changed")).toBeVisible();
  const suffix = unique();
  await page.getByLabel("Fleet name (optional)").fill(`E2E Vans ${suffix}`);
  await expect(id).toHaveValue(`e2e-vans-${suffix}`);

  await id.fill("x".repeat(101));
  await expect(page.getByText("Use at most 100 characters")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create fleet" })).toBeDisabled();

  await id.fill("Not Allowed!");
  await expect(page.getByText(/Use only lowercase letters/)).toBeVisible();

  await id.fill("demo-berlin-vans");
  await expect(page.getByText("Already used by another fleet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create fleet" })).toBeDisabled();

  await id.fill(`e2e-vans-${suffix}`);
  await expect(page.getByTestId("fleet-id-status")).toContainText("available");
  await page.getByRole("button", { name: "Create fleet" }).click();
  await page.waitForURL(/\/fleets\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `E2E Vans ${suffix}` })).toBeVisible();
  await expect(page.getByTestId("plugsurfing-fleet-id")).toHaveText(`e2e-vans-${suffix}`);
  await expect(page.getByTestId("member-counts")).toContainText("1 admin");

  // The same id again is refused.
  await page.goto("/fleets/new");
  await page.getByLabel("Plugsurfing fleet id").fill(`e2e-vans-${suffix}`);
  await expect(page.getByText("Already used by another fleet")).toBeVisible();
  await page.goBack();

  // Rename: the id stays read-only.
  await expect(page.getByRole("textbox", { name: "Plugsurfing fleet id" })).toHaveAttribute("readonly", "");
  await page.getByRole("textbox", { name: "Fleet name" }).fill(`E2E Renamed ${suffix}`);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText(`Renamed to “E2E Renamed ${suffix}”.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `E2E Renamed ${suffix}` })).toBeVisible();

  // A code is shown once, with a join link, and listed afterwards by its hint only.
  await page.getByRole("button", { name: "Issue code" }).click();
  const code = (await page.getByTestId("issued-code-value").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await expect(page.getByTestId("issued-code-link")).toHaveText(new RegExp(`/join/${code}$`));
  await expect(page.getByTestId(`code-${code.slice(0, 4)}`)).toContainText("Active");
  await page.reload();
  await expect(page.getByText(code)).toHaveCount(0);
  // Plugsurfing's own codes load separately; none is a message, not an error.
  await expect(
    page
      .getByText("No active codes at Plugsurfing")
      .or(page.getByRole("list", { name: "Plugsurfing invitation codes" })),
  ).toBeVisible();
});

test("the last admin can be neither removed nor demoted", async ({ page }) => {
  await signInAs(page, "admin");
  await createFleet(page, `Solo ${unique()}`);
  await page.getByRole("button", { name: "Remove admin@demo.fleet" }).click();
  const confirm = page.getByRole("alertdialog", { name: /^Remove .* from this fleet\?$/ });
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm.getByTestId("member-error")).toHaveText(
    "A fleet needs at least one admin. Make another member admin first.",
  );
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);

  await page.getByLabel("Role of admin@demo.fleet").selectOption("DRIVER");
  await expect(page.getByTestId("member-error")).toHaveText(
    "A fleet needs at least one admin. Make another member admin first.",
  );
  await page.reload();
  await expect(page.getByLabel("Role of admin@demo.fleet")).toHaveValue("ADMIN");
});

test("an admin of one fleet can neither see nor open another admin's fleet", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/fleets");
  const berlinUrl = (await page.getByRole("link", { name: "Berlin Vans" }).getAttribute("href"))!;
  const fleetA = await createFleet(page, `Isolated ${unique()}`);

  // A second admin, invited by email into the new fleet only: she has no account yet.
  const email = `admin-b-${unique()}@test.local`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("invite-result")).toHaveText(
    `Invitation sent to ${email}. Nothing changes until they accept it.`,
  );
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("Invited as Admin");
  // She signs up with a code of yet another fleet (as its driver), and finds the invitation waiting.
  await createFleet(page, `Codes ${unique()}`);
  await page.getByRole("button", { name: "Issue code" }).click();
  const code = (await page.getByTestId("issued-code-value").textContent())!.trim();
  await signOut(page);

  await page.goto(`/join/${code}`);
  await page.getByLabel("Your name").fill("Bea Admin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/my-bookings/);
  await page.goto("/invitations");
  await page.getByRole("button", { name: /^Accept the invitation to Isolated / }).click();
  await page.waitForURL(/\/map/);

  await page.goto("/fleets");
  await expect(page.getByRole("list", { name: "Your fleets" }).getByRole("link")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Berlin Vans" })).toHaveCount(0);
  await page.goto(berlinUrl);
  await expect(page.getByText(/could not be found|404/i).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Berlin Vans" })).toHaveCount(0);
  // Their own fleet opens.
  await page.goto(fleetA.url);
  await expect(page.getByRole("heading", { level: 2, name: "Members" })).toBeVisible();
});

test("a driver cannot open the fleets pages", async ({ page }) => {
  await signInAs(page, "driver");
  await page.goto("/fleets");
  await expect(page).toHaveURL(/\/forbidden/);
});
