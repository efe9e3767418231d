// Settings → Providers: the demo admin sees the three providers' health; a dispatcher is refused page and data.
import { test, expect, signInAs } from "./fixtures";

test("an admin opens Settings → Providers and sees the three providers", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Provider health" }).click();
  await expect(page).toHaveURL(/\/settings\/providers$/);
  await expect(page.getByRole("heading", { name: "Provider health" })).toBeVisible();
  await expect(page.getByText(/this server process's view of the last hour/)).toBeVisible();
  for (const name of ["Plugsurfing Drive", "Petit Monde", "DepotFinity"]) {
    const card = page.getByRole("region", { name });
    await expect(card).toBeVisible();
    await expect(card.getByText("Sandbox", { exact: true })).toBeVisible();
    for (const label of ["Last success", "Last error", "Requests, last hour", "Rate limit", "Quota"])
      await expect(card.getByText(label, { exact: true })).toBeVisible();
  }
  // Nothing secret reaches the page.
  const html = await page.content();
  for (const secret of ["sandbox-plugsurfing-key", "sandbox-petitmonde-key", "sandbox-depot-secret"])
    expect(html).not.toContain(secret);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("region", { name: "Petit Monde" })).toBeVisible();
  await page.getByRole("button", { name: "Refresh" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "DepotFinity" })).toBeVisible();
});

test("a dispatcher is refused the page and its data", async ({ page }) => {
  await signInAs(page, "dispatcher");
  await page.goto("/settings");
  await expect(page.getByRole("link", { name: "Provider health" })).toHaveCount(0);
  await page.goto("/settings/providers");
  await expect(page).toHaveURL(/\/forbidden/);
  const response = await page.request.get("/api/health/providers");
  expect(response.status()).toBe(403);
});
