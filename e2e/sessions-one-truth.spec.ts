// The session page tells one story: after Stop, the live card and the details show the same status, energy
// and price, in plain words, and the cost is no longer "so far".
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

test("after Stop, the live card and the details agree on status, energy and price", async ({ page }) => {
  test.setTimeout(240_000);
  const search = await fetch(
    `${runtime().sandboxUrl}/plugsurfing/drive/v1/geosearch/radius?latitude=52.48&longitude=13.45&distance=5000&limit=300`,
    {
      method: "POST",
      headers: { "X-API-Key": "sandbox-plugsurfing-key", "Content-Type": "application/json" },
      body: JSON.stringify({ filters: { locationStatuses: ["AVAILABLE"] } }),
    },
  );
  const { locations } = (await search.json()) as {
    locations: Array<{ id: string; evses: Array<{ uid: string; status: string; capabilities: string[] }> }>;
  };
  const free = (e: { status: string; capabilities: string[] }) =>
    e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE");
  const location = locations.find((l) => l.evses.some(free));
  expect(location, "a remote-start capable charger with a free EVSE").toBeTruthy();
  const evse = location!.evses.find(free)!;

  await signInAs(page, "dispatcher");
  await page.goto(
    `/sessions/start?provider=PLUGSURFING&locationId=${encodeURIComponent(location!.id)}&evseUid=${encodeURIComponent(evse.uid)}`,
  );
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await page.getByRole("button", { name: "Start charging" }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 30_000 });
  const card = page.getByTestId("live-session");
  const detail = page.getByTestId("session-detail");
  await expect(detail.getByTestId("detail-status")).toHaveText(/waiting to start|started/);

  await sandbox("/_sandbox/clock", { body: { timeScale: 60 } });
  try {
    // The details follow the live card while it charges.
    await expect(card.getByTestId("live-status")).toHaveText("started", { timeout: 90_000 });
    await expect(detail.getByTestId("detail-status")).toHaveText("started");
    await expect(card.getByTestId("live-cost")).not.toHaveText("—", { timeout: 60_000 });
    await expect(card.getByTestId("live-cost-label")).toHaveText("Cost so far");

    await card.getByRole("button", { name: "Stop" }).click();
    await expect(card.getByTestId("live-status")).toHaveText(/^(complete|stop not confirmed)$/, { timeout: 60_000 });
    // A few stops are not confirmed the first time; stopping again completes them.
    if ((await card.getByTestId("live-status").textContent()) === "stop not confirmed")
      await card.getByRole("button", { name: "Stop" }).click();
    await expect(card.getByTestId("live-status")).toHaveText("complete", { timeout: 60_000 });
  } finally {
    await sandbox("/_sandbox/clock", { body: { timeScale: 1 } });
  }

  await expect(card.getByTestId("live-cost-label")).toHaveText("Cost");
  await expect(detail.getByTestId("detail-status")).toHaveText("complete");
  const energy = (await card.getByTestId("live-energy").textContent())!;
  const cost = (await card.getByTestId("live-cost").textContent())!;
  expect(energy).not.toBe("—");
  expect(cost).not.toBe("—");
  await expect(detail.locator('dd[data-label="Energy"]')).toHaveText(energy);
  await expect(detail.locator('dd[data-label="Price incl. VAT"]')).toHaveText(cost);
  await expect(detail.locator('dd[data-label="Ended"]')).not.toHaveText("—");
  await expect(page.locator("main")).not.toContainText(/WAITING_TO_START|Cost so far/);

  // A reload tells the same story.
  await page.reload();
  await expect(page.getByTestId("detail-status")).toHaveText("complete");
  await expect(page.getByTestId("session-detail").locator('dd[data-label="Energy"]')).toHaveText(energy);
});
