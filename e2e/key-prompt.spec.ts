// A driver who joins without a charging key is not forgotten: the fleet's admin is notified, the members page
// asks for a key beside the driver, and its link opens the key table ready to give them one.
import { test, expect, signInAs, signOut } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

test("an admin is prompted to give a newly joined driver a key, and does", async ({ page }) => {
  // The admin issues a code for Berlin Vans.
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await page.getByRole("button", { name: "Issue code" }).click();
  const code = (await page.getByTestId("issued-code-value").textContent())!.trim();
  await signOut(page);

  // A new driver joins with it.
  const suffix = unique();
  const name = `Kim Keyless ${suffix}`;
  const email = `kim-${suffix}@test.local`;
  await page.goto(`/join/${code}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/my-bookings/);
  await signOut(page);

  // The admin's notifications say so.
  await signInAs(page, "admin");
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(
    page.getByText(`${name} joined Berlin Vans and has no charging key — assign one`, { exact: true }),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // The members page asks for a key beside the driver, and only beside drivers without one.
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  const member = page.getByTestId(`member-${email}`);
  await expect(member.getByTestId("no-key-prompt")).toContainText("No charging key");
  await expect(page.getByTestId("member-admin@demo.fleet").getByTestId("no-key-prompt")).toHaveCount(0);
  await member.getByRole("link", { name: `Assign key to ${name}` }).click();

  // The key table opens for that driver: the fleet's unassigned keys, each offering itself.
  await expect(page).toHaveURL(/\/keys\?.*assignTo=/);
  // The link names its fleet: should another one still be active, the page offers to switch.
  const switchFleet = page.getByRole("button", { name: "Switch to Berlin Vans" });
  const prompt = page.getByTestId("assign-prompt");
  await expect(prompt.or(switchFleet)).toBeVisible();
  if (await switchFleet.isVisible()) await switchFleet.click();
  await expect(page.getByRole("combobox", { name: "Driver", exact: true })).toHaveValue("none");
  await expect(prompt).toContainText(`${name} has no charging key yet`);

  const uid = `04${Date.now().toString(16).slice(-8).toUpperCase()}`;
  await page.getByRole("button", { name: "New fleet key" }).click();
  await page.getByRole("textbox", { name: "Key identifier (UID, hex)" }).fill(uid);
  await page.getByRole("textbox", { name: "Visual number" }).fill(`DE-KIM-${uid}`);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Key created.")).toBeVisible();
  await page.getByLabel("Search").fill(uid);
  await page.getByLabel("Search").press("Enter");
  const row = page.getByRole("table", { name: "Charging keys" }).locator("tbody tr", { hasText: uid });
  await row.getByRole("button", { name: `Assign to ${name}` }).click();

  await expect(page.getByText(`Key assigned to ${name}.`)).toBeVisible();
  await expect(prompt).toHaveCount(0);
  await expect(page).not.toHaveURL(/assignTo=/);
  await expect(page.getByRole("combobox", { name: "Driver", exact: true })).not.toHaveValue("none");
  await expect(row.getByRole("combobox", { name: `Driver for key DE-KIM-${uid}` })).toHaveValue(/.+/);

  // With a key, the driver is no longer flagged.
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await expect(member).toBeVisible();
  await expect(member.getByTestId("no-key-prompt")).toHaveCount(0);
});
