// Charging keys: an admin creates a fleet key and disables it; the table and its filters show it.
import { test, expect, signInAs } from "./fixtures";

test("an admin creates a fleet key, disables it, and the table shows it disabled", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/keys");
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByText(/Keys refreshed/)).toBeVisible({ timeout: 30_000 });

  const uid = `04${Date.now().toString(16).slice(-8).toUpperCase()}`;
  await page.getByRole("button", { name: "New fleet key" }).click();
  await page.getByRole("textbox", { name: "Key identifier (UID, hex)" }).fill(uid);
  await page.getByRole("textbox", { name: "Visual number" }).fill(`DE-E2E-${uid}`);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Key created.")).toBeVisible();

  await page.getByLabel("Search").fill(uid);
  await page.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${uid}`));
  const table = page.getByRole("table", { name: "Charging keys" });
  const row = table.locator("tbody tr", { hasText: uid });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Enabled")).toBeVisible();

  await row.getByRole("button", { name: "Disable" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("some operators keep a cached list");
  await confirm.getByRole("button", { name: "Disable key" }).click();
  await expect(page.getByText("Key disabled.")).toBeVisible();
  await expect(row.getByText("Disabled")).toBeVisible();

  // The status filter agrees, and survives a reload.
  await page.getByRole("combobox", { name: "Status" }).selectOption("disabled");
  await expect(page).toHaveURL(/status=disabled/);
  await page.reload();
  await expect(table.locator("tbody tr", { hasText: uid })).toHaveCount(1);

  // The CSV export carries the same key, disabled.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = (await import("node:fs")).readFileSync(file!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const line = csv.split("\r\n").find((l) => l.includes(uid));
  expect(line).toContain('"false"');
});

test("a manager sees the keys but no key actions", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/keys");
  await expect(page.getByRole("table", { name: "Charging keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New fleet key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disable" })).toHaveCount(0);
});
