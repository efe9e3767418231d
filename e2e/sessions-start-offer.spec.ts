// Remote start is offered only where it can work: an EVSE in use offers no start on the map or the start page
// and says why; a start that fails anyway says why in plain words and what to do next.
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

interface WireEvse {
  uid: string;
  evse_id: string;
  status: string;
  capabilities: string[];
  connectors: Array<{ id: string }>;
}
interface WireLocation {
  id: string;
  name: string;
  coordinates: { latitude: string; longitude: string };
  evses: WireEvse[];
}

async function plugsurfing(pathname: string, body?: unknown): Promise<Response> {
  return fetch(`${runtime().sandboxUrl}/plugsurfing/drive${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "X-API-Key": "sandbox-plugsurfing-key", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A free, remote-start capable EVSE near the point, at a charger with more than one EVSE. */
async function freeEvseNear(latitude: number, longitude: number): Promise<{ location: WireLocation; evse: WireEvse }> {
  const search = await plugsurfing(
    `/v1/geosearch/radius?latitude=${latitude}&longitude=${longitude}&distance=5000&limit=300`,
    { filters: { locationStatuses: ["AVAILABLE"] } },
  );
  const { locations } = (await search.json()) as { locations: WireLocation[] };
  const free = (e: WireEvse) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE");
  const location = locations.find((l) => l.evses.length > 1 && l.evses.some(free));
  expect(location, "a remote-start capable charger with a free EVSE").toBeTruthy();
  return { location: location!, evse: location!.evses.find(free)! };
}

/** Someone else starts charging on the connector, straight at the provider, so the EVSE is in use. */
async function occupy(connectorId: string): Promise<void> {
  const userId = `e2e-occupier-${Date.now()}`;
  expect((await plugsurfing("/v1/users", { id: userId })).status).toBe(201);
  const start = await plugsurfing(`/v1/users/${userId}/sessions/start`, { connectorId });
  const { sessionId } = (await start.json()) as { sessionId: string };
  await sandbox("/_sandbox/clock", { body: { timeScale: 60 } });
  try {
    await expect
      .poll(
        async () =>
          ((await (await plugsurfing(`/v1/users/${userId}/sessions/${sessionId}`)).json()) as { sessionStatus: string })
            .sessionStatus,
        { timeout: 30_000 },
      )
      .toBe("STARTED");
  } finally {
    // Past the provider's one-minute guard on the connector, so a later start is not refused outright.
    await sandbox("/_sandbox/clock", { body: { timeScale: 1, advanceMs: 61_000 } });
  }
}

test("an EVSE in use offers no start on the map or the start page, and says why", async ({ page }) => {
  test.setTimeout(120_000);
  const { location, evse } = await freeEvseNear(52.45, 13.3);
  await occupy(evse.connectors[0].id);

  await signInAs(page, "dispatcher");
  const searched = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/chargers");
  await page.goto(`/map?lat=${location.coordinates.latitude}&lng=${location.coordinates.longitude}&z=17`);
  await searched;
  await page
    .getByRole("listbox", { name: "Chargers" })
    .getByRole("option")
    .filter({ hasText: location.name })
    .first()
    .click();
  const panel = page.getByTestId("charger-panel");
  const occupied = panel.getByTestId("evse").filter({ hasText: evse.evse_id });
  await expect(occupied.getByTestId("evse-status")).toHaveText("In use");
  await expect(occupied.getByTestId("start-not-offered")).toHaveText("In use — start is offered when it is free.");
  await expect(occupied.getByRole("link", { name: "Start session" })).toHaveCount(0);
  // Every EVSE offering a start is free.
  for (const block of await panel.getByTestId("evse").all()) {
    if (await block.getByRole("link", { name: "Start session" }).count())
      await expect(block.getByTestId("start-not-offered")).toHaveCount(0);
  }

  // The start page opened for that EVSE (an old link, or a second tab) refuses too, and points elsewhere.
  await page.goto(
    `/sessions/start?provider=PLUGSURFING&locationId=${encodeURIComponent(location.id)}&evseUid=${encodeURIComponent(evse.uid)}&connectorId=${encodeURIComponent(evse.connectors[0].id)}`,
  );
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await expect(page.getByTestId("start-not-offered")).toContainText("In use — start is offered when it is free.");
  await expect(page.getByRole("button", { name: "Start charging" })).toBeDisabled();
  await page.getByRole("link", { name: "See the other charge points at this charger" }).click();
  await expect(page.getByLabel("Connector")).toBeVisible();
  await expect(page.getByLabel("Connector").locator("option", { hasText: evse.evse_id }).first()).toBeDisabled();
});

test("a start that fails says why in plain words and what to do next", async ({ page }) => {
  test.setTimeout(150_000);
  const { evse } = await freeEvseNear(52.55, 13.5);
  await occupy(evse.connectors[0].id);

  // Typed in by hand, the connector id cannot be checked first: the provider takes the start and fails it later.
  await signInAs(page, "dispatcher");
  await page.goto("/sessions/start?provider=PLUGSURFING");
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await page.getByLabel("Connector id").fill(evse.connectors[0].id);
  await page.getByRole("button", { name: "Start charging" }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 30_000 });
  const card = page.getByTestId("live-session");
  await expect(card.getByTestId("live-status")).toHaveText("waiting to start");

  await sandbox("/_sandbox/clock", { body: { timeScale: 60 } });
  try {
    await expect(card.getByTestId("live-status")).toHaveText("did not start", { timeout: 60_000 });
  } finally {
    await sandbox("/_sandbox/clock", { body: { timeScale: 1 } });
  }
  const failure = card.getByTestId("start-failure");
  await expect(failure).toContainText("The charger did not start charging");
  await expect(failure).toContainText("try another connector");
  await expect(failure).toContainText("wait a minute");
  await expect(card.getByRole("button", { name: "Stop" })).toHaveCount(0);
  await expect(card.getByTestId("live-cost-label")).toHaveText("Cost");
  await expect(page.getByTestId("detail-status")).toHaveText("did not start");
  await expect(page.locator("main")).not.toContainText(/WAITING_TO_START|FAILED/);
});

test("a start page left open while someone else plugs in refuses the start and says why", async ({ page }) => {
  test.setTimeout(120_000);
  const { location, evse } = await freeEvseNear(52.4, 13.55);
  await signInAs(page, "dispatcher");
  await page.goto(
    `/sessions/start?provider=PLUGSURFING&locationId=${encodeURIComponent(location.id)}&evseUid=${encodeURIComponent(evse.uid)}`,
  );
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  const startButton = page.getByRole("button", { name: "Start charging" });
  await expect(startButton).toBeEnabled();

  await occupy(evse.connectors[0].id);
  await startButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Not started." })).toContainText(
    "In use — start is offered when it is free. Choose another connector.",
  );
  await expect(page).toHaveURL(/\/sessions\/start\?/);
  // The connectors are read again: the one in use can no longer be chosen.
  await expect(startButton).toBeDisabled();
});
