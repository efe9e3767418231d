// The audit log in words: after an admin creates and disables a charging key, the log says so in sentences;
// filtering by action narrows it, the filter is in the URL and survives a reload, and a filter that matches
// nothing says so plainly.
import { readFileSync } from "node:fs";
import { test, expect, signInAs } from "./fixtures";

test.use({ locale: "en-GB" });

test("an admin's change reads as a sentence, and the action filter narrows the log and survives a reload", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/keys");
  const uid = `04${Date.now().toString(16).slice(-8).toUpperCase()}`;
  const label = `DE-AUD-${uid}`;
  await page.getByRole("button", { name: "New fleet key" }).click();
  await page.getByRole("textbox", { name: "Key identifier (UID, hex)" }).fill(uid);
  await page.getByRole("textbox", { name: "Visual number" }).fill(label);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Key created.")).toBeVisible();
  await page.getByLabel("Search").fill(uid);
  await page.getByLabel("Search").press("Enter");
  const row = page.getByRole("table", { name: "Charging keys" }).locator("tbody tr", { hasText: uid });
  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable key" }).click();
  await expect(page.getByText("Key disabled.")).toBeVisible();

  await page.goto("/audit");
  const entries = page.getByTestId("audit-entry");
  const disabled = entries.filter({ hasText: `Ada Admin disabled charging key '${label}'` });
  const created = entries.filter({ hasText: `Ada Admin created charging key '${label}'` });
  await expect(disabled).toHaveCount(1);
  await expect(created).toHaveCount(1);
  // When, in the app's one date style: the sentence, a dash, then the date and time.
  const at = await disabled.locator("time").getAttribute("datetime");
  const when = await page.evaluate(
    (iso) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)),
    at!,
  );
  await expect(disabled.locator("p").first()).toHaveText(`Ada Admin disabled charging key '${label}' — ${when}`);
  // No action code anywhere on the page, the filter menus included.
  await expect(page.locator("main")).not.toContainText(/\b(keys|auth|sessions|fleets)\.[a-z]/);
  expect((await page.getByLabel("Action").locator("option").allTextContents()).join(" ")).not.toMatch(/\w\.\w/);

  // Filtering by the action, in words, leaves only that kind of entry.
  await page.getByLabel("Action").selectOption({ label: "Disabled a charging key" });
  await expect(page).toHaveURL(/action=keys\.disable/);
  await expect(created).toHaveCount(0);
  await expect(disabled).toHaveCount(1);
  for (const text of await entries.allTextContents()) expect(text).toMatch(/ disabled charging key /);

  // The filter is in the URL: a reload (or a shared link) shows the same narrowed log.
  await page.reload();
  await expect(page.getByLabel("Action").locator("option:checked")).toHaveText("Disabled a charging key");
  await expect(disabled).toHaveCount(1);
  await expect(created).toHaveCount(0);

  // Who and which days narrow it further; a filter that matches nothing says so plainly.
  await page.getByLabel("Who").selectOption({ label: "Ada Admin" });
  await expect(page).toHaveURL(/actor=/);
  await expect(disabled).toHaveCount(1);
  await page.getByLabel("From", { exact: true }).fill("2001-01-01");
  await page.getByLabel("To", { exact: true }).fill("2001-01-31");
  await expect(page).toHaveURL(/to=2001-01-31/);
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  await expect(entries).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/action=/);
  await expect(created).toHaveCount(1);
});

test("the audit log is for admins only", async ({ page }) => {
  await signInAs(page, "dispatcher");
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByTestId("audit-entry")).toHaveCount(0);
});

test("an admin reads failed sign-ins and refusals on the security log, and downloads what the filters show", async ({
  page,
  browser,
}) => {
  // Dirk mistypes his password once; then a dispatcher tries an admin-only page.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto("/login");
  await visitor.getByLabel("Email").fill("driver2@demo.fleet");
  await visitor.getByLabel("Password").fill("not-his-password");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  // The form's own answer (the page's route announcer is an alert too): the failure is recorded by then.
  await expect(visitor.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await other.close();

  await signInAs(page, "admin");
  await page.goto("/audit");
  await page.getByRole("navigation", { name: "Audit views" }).getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/audit\/security/);
  await expect(page.getByRole("heading", { name: "Security log", level: 1 })).toBeVisible();
  const entries = page.getByTestId("audit-entry");
  await expect(entries.filter({ hasText: "Dirk Driver failed to sign in" }).first()).toBeVisible();
  await expect(entries.filter({ hasText: "Ada Admin signed in" }).first()).toBeVisible();
  // Fleet changes stay in the fleet's log.
  await expect(entries.filter({ hasText: /created charging key/ })).toHaveCount(0);

  await page.getByLabel("Action").selectOption({ label: "Failed to sign in" });
  await expect(page).toHaveURL(/action=auth\.sign-in-failed/);
  await expect(entries.filter({ hasText: "signed in" }).filter({ hasNotText: "failed" })).toHaveCount(0);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^security-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const rows = csv.trim().split("\r\n");
  expect(rows[0]).toContain('"What happened"');
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows.slice(1)) expect(row).toContain('"Failed to sign in"');
  expect(csv).toContain("Dirk Driver failed to sign in");
});
