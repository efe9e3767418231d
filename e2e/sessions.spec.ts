// Sessions: history filters kept in the URL, a driver sees only their own, a dispatcher starts and stops a session.
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

async function syncNow(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Synced \d+ drivers/)).toBeVisible({ timeout: 60_000 });
}

test("a manager filters the session history and the URL keeps the filters", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/sessions");
  await syncNow(page);
  await page.reload();
  const total = page.getByTestId("session-total");
  await expect(total).toHaveText(/^[1-9]\d* sessions$/);
  const all = Number((await total.textContent())!.split(" ")[0]);

  const driver = page.getByLabel("Driver", { exact: true });
  await driver.selectOption({ label: "Dora Driver" });
  await expect(page).toHaveURL(/driverId=/);
  await page.getByLabel("From").fill("2000-01-01");
  await expect(page).toHaveURL(/from=2000-01-01/);
  // The list keeps the previous answer on screen until the filtered one arrives.
  await expect(total).not.toHaveText(`${all} sessions`);
  await expect(total).toHaveText(/^[1-9]\d* sessions$/);
  const doras = Number((await total.textContent())!.split(" ")[0]);
  expect(doras).toBeLessThan(all);
  for (const cell of await page
    .getByRole("table", { name: "Sessions" })
    .locator("tbody tr td:nth-child(3)")
    .allTextContents()) {
    expect(cell).toBe("Dora Driver");
  }

  // The filters survive a reload and a shared link.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel("Driver", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("From")).toHaveValue("2000-01-01");
  await expect(total).toHaveText(`${doras} sessions`);
});

test("a driver sees only their own sessions and cannot open another driver's", async ({ page, browser }) => {
  // A manager syncs first so there is history for both Berlin drivers.
  const manager = await browser.newPage();
  await signInAs(manager, "manager");
  await manager.goto("/sessions");
  await syncNow(manager);
  await manager.getByLabel("Driver", { exact: true }).selectOption({ label: "Dirk Driver" });
  const rows = manager.getByRole("table", { name: "Sessions" }).locator("tbody tr");
  // Wait until the filtered page has replaced the previous one.
  await expect(rows.locator("td:nth-child(3)").filter({ hasNotText: "Dirk Driver" })).toHaveCount(0);
  await expect(rows.first()).toContainText("Dirk Driver");
  const dirksLink = rows.first().locator("a");
  const dirksSession = await dirksLink.getAttribute("href");
  await manager.close();

  await signInAs(page, "driver");
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { name: "My sessions" })).toBeVisible();
  await expect(page.getByLabel("Driver", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("session-total")).toHaveText(/^[1-9]\d* sessions$/);
  // Another fleet's data is refused by the route itself, not only hidden by the page.
  const status = await page.evaluate(async () => (await fetch("/api/sessions?fleetId=another-fleet")).status);
  expect(status).toBe(403);
  await page.goto(dirksSession!);
  await expect(page.getByText(/could not be found|not found/i).first()).toBeVisible();
});

test("a dispatcher starts a session on the sandbox, watches energy and cost accrue, and stops it", async ({ page }) => {
  test.setTimeout(240_000);
  // A Plugsurfing charger near Berlin that can be started remotely and is free now.
  const { sandboxUrl } = runtime();
  const search = await fetch(
    `${sandboxUrl}/plugsurfing/drive/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=30000&limit=300`,
    {
      method: "POST",
      headers: { "X-API-Key": "sandbox-plugsurfing-key", "Content-Type": "application/json" },
      body: JSON.stringify({ filters: { locationStatuses: ["AVAILABLE"] } }),
    },
  );
  const { locations } = (await search.json()) as {
    locations: Array<{
      id: string;
      evses: Array<{ uid: string; status: string; capabilities: string[]; connectors: Array<{ id: string }> }>;
    }>;
  };
  const location = locations.find((l) =>
    l.evses.some((e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE")),
  );
  expect(location, "a remote-start capable charger near Berlin").toBeTruthy();
  const evse = location!.evses.find(
    (e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE"),
  )!;

  await signInAs(page, "dispatcher");
  await page.goto(
    `/sessions/start?provider=PLUGSURFING&locationId=${encodeURIComponent(location!.id)}&evseUid=${encodeURIComponent(evse.uid)}`,
  );
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await page.getByRole("button", { name: "Start charging" }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 30_000 });
  const card = page.getByTestId("live-session");
  await expect(card).toBeVisible();
  await expect(card.getByTestId("live-status")).toHaveText(/waiting to start|started/);

  // Let the sandbox's clock run fast so the charge progresses within the test.
  await sandbox("/_sandbox/clock", { body: { timeScale: 60 } });
  try {
    await expect(card.getByTestId("live-status")).toHaveText("started", { timeout: 90_000 });
    await expect(card.getByTestId("live-energy")).not.toHaveText(/^(—|0[.,]00 kWh)$/, { timeout: 60_000 });
    // Charging now: back to real time, so that the session cannot reach its end by itself before it is stopped.
    await sandbox("/_sandbox/clock", { body: { timeScale: 1 } });
    const firstEnergy = await card.getByTestId("live-energy").textContent();
    await expect(card.getByTestId("live-energy")).not.toHaveText(firstEnergy!, { timeout: 60_000 });
    await expect(card.getByTestId("live-cost")).not.toHaveText("—", { timeout: 60_000 });

    await card.getByRole("button", { name: "Stop" }).click();
    // One first stop in twenty fails at the sandbox's chargers, as a real one may: the card says so, and a second
    // Stop ends it.
    const status = card.getByTestId("live-status");
    await expect(status).toHaveText(/^(complete|stop not confirmed)$/, { timeout: 90_000 });
    if ((await status.textContent()) === "stop not confirmed") {
      await expect(card.getByText("The charger did not confirm the stop. Try Stop again")).toBeVisible();
      await card.getByRole("button", { name: "Stop" }).click();
    }
    await expect(status).toHaveText("complete", { timeout: 90_000 });
  } finally {
    await sandbox("/_sandbox/clock", { body: { timeScale: 1 } });
  }
});
