// Makes the records that the detail pages of e2e/pages.ts open: a booking, a batch, synced sessions.
import { expect, type Browser, type Page } from "@playwright/test";
import { runtime, sandbox, signInAs } from "./fixtures";
import type { PageRecords } from "./pages";

const DEPOT = { lat: 52.4731, lng: 13.4036 }; // Berlin depot Tempelhof (demo data)

/** A window `hoursAhead` from the sandbox's now, on whole minutes. */
async function windowAhead(hoursAhead: number): Promise<{ start: string; end: string }> {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** What a datetime-local input at a Berlin charger holds for an instant. */
const wallTime = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(iso))
    .replace(" ", "T");

/** The id of the first session in the open history's table. */
async function firstSessionId(page: Page): Promise<string> {
  const link = page.getByRole("table", { name: "Sessions" }).locator('a[href^="/sessions/"]').first();
  await expect(link, "a session in the history").toBeAttached({ timeout: 30_000 });
  return (await link.getAttribute("href"))!.split("/").pop()!;
}

/**
 * Opens the booking wizard on a reservable Petit Monde charge point near the depot, at its last step;
 * `onWindowStep` fills in more of the window's step (the re-booking opt-in) before going on.
 */
export async function wizardNearDepot(page: Page, hoursAhead = 6, onWindowStep?: () => Promise<void>): Promise<void> {
  const window = await windowAhead(hoursAhead);
  const search = new URLSearchParams({
    lat: String(DEPOT.lat),
    lng: String(DEPOT.lng),
    radius: "10",
    limit: "50",
    start_time: window.start,
    end_time: window.end,
  });
  const found = (await (
    await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/search?${search}`, {
      headers: { "X-API-Key": "sandbox-petitmonde-key" },
    })
  ).json()) as {
    results: Array<{
      location_id: string;
      supports_reservation: boolean;
      evses: Array<{ evse_uid: string; capabilities: string[]; connectors?: Array<{ id: string }> }>;
    }>;
  };
  const location = found.results.find(
    (l) => l.supports_reservation && l.evses.some((e) => e.capabilities.includes("RESERVABLE")),
  );
  expect(location, "a reservable charger near the depot").toBeTruthy();
  const evse = location!.evses.find((e) => e.capabilities.includes("RESERVABLE"))!;
  await page.goto(
    `/bookings/new?${new URLSearchParams({
      provider: "PETITMONDE",
      locationId: location!.location_id,
      evseUid: evse.evse_uid,
      connectorId: evse.connectors?.[0]?.id ?? "1",
      fleetId: "active",
      ...window,
    })}`,
  );
  await expect(page.getByLabel("Start")).not.toHaveValue("");
  await onWindowStep?.();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
}

/** Books a reservable Petit Monde charge point near the depot and gives it to Dora Driver; its id. */
export async function bookNearDepot(page: Page, hoursAhead = 6): Promise<string> {
  await wizardNearDepot(page, hoursAhead);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByTestId("booking-status")).toBeVisible({ timeout: 30_000 });
  const bookingId = /\/bookings\/(c[a-z0-9]{20,})$/.exec(new URL(page.url()).pathname)![1];
  const assign = page.getByLabel("Assign to driver");
  await assign.selectOption({ label: "Dora Driver" });
  await expect(assign).toBeEnabled();
  return bookingId;
}

/** Starts a batch of two charge points a day ahead; it carries on while the other pages are opened. */
async function bookBatch(page: Page): Promise<string> {
  const window = await windowAhead(24);
  await page.goto("/bookings/batches/new");
  await page.getByLabel("Start (at the chargers)").fill(wallTime(window.start));
  await page.getByLabel("End", { exact: true }).fill(wallTime(window.end));
  await page.getByRole("button", { name: "Find free charge points" }).click();
  const chargePoints = page.getByRole("list", { name: "Charge points" }).getByRole("checkbox");
  await chargePoints.nth(0).check();
  await chargePoints.nth(1).check();
  await page.getByRole("button", { name: "Book 2 charge points" }).click();
  await page.waitForURL(/\/bookings\/batches\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function syncSessions(page: Page): Promise<string> {
  await page.goto("/sessions");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Synced \d+ drivers/)).toBeVisible({ timeout: 60_000 });
  await page.reload();
  return firstSessionId(page);
}

/** Makes the records as the admin of Berlin Vans, and finds one of Dora Driver's sessions. */
export async function makePageRecords(browser: Browser): Promise<PageRecords> {
  // Room in the fleet group's spending limit, so the batch's bookings are accepted.
  const limit = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(limit.ok).toBe(true);

  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/fleets");
  const fleetHref = await admin.getByRole("link", { name: "Berlin Vans" }).getAttribute("href");
  const fleetId = fleetHref!.split("/").pop()!;
  const bookingId = await bookNearDepot(admin);
  const batchId = await bookBatch(admin);
  const sessionId = await syncSessions(admin);
  await admin.context().close();

  const driver = await browser.newPage();
  await signInAs(driver, "driver");
  await driver.goto("/sessions");
  const driverSessionId = await firstSessionId(driver);
  await driver.context().close();

  return { fleetId, bookingId, batchId, sessionId, driverSessionId };
}
