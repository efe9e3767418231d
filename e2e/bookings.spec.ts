// Bookings end to end against the sandbox: book from the map's link and watch it confirm live, dispatch
// it to a driver, follow it to COMPLETED, flag a no-show, run a batch of ten, recover from a 409, cancel.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

const DEPOT = { lat: 52.4731, lng: 13.4036 }; // Berlin depot Tempelhof (demo data)

interface WireLocation {
  location_id: string;
  name: string;
  supports_reservation: boolean;
  evses: Array<{ evse_uid: string; capabilities: string[]; connectors?: Array<{ id: string }> }>;
}

async function sandboxNow(): Promise<number> {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  return Math.max(clock.nowMs, Date.now());
}

/** A window `hoursAhead` from the sandbox's now, on whole minutes. */
async function windowAhead(hoursAhead: number, hours = 1) {
  const start = new Date((await sandboxNow()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + hours * 3_600_000).toISOString() };
}

/** Reservable Petit Monde charge points near the depot, free in the window, as the sandbox API lists them. */
async function reservableEvses(window: { start: string; end: string }) {
  const params = new URLSearchParams({
    lat: String(DEPOT.lat),
    lng: String(DEPOT.lng),
    radius: "10",
    limit: "50",
    start_time: window.start,
    end_time: window.end,
  });
  const response = await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/search?${params}`, {
    headers: { "X-API-Key": "sandbox-petitmonde-key" },
  });
  const body = (await response.json()) as { results: WireLocation[] };
  return body.results
    .filter((l) => l.supports_reservation)
    .flatMap((l) =>
      l.evses.filter((e) => e.capabilities.includes("RESERVABLE")).map((e) => ({ location: l, evse: e })),
    );
}

function bookHref(
  pick: { location: WireLocation; evse: WireLocation["evses"][number] },
  window: { start: string; end: string },
) {
  const params = new URLSearchParams({
    provider: "PETITMONDE",
    locationId: pick.location.location_id,
    evseUid: pick.evse.evse_uid,
    connectorId: pick.evse.connectors?.[0]?.id ?? "1",
    fleetId: "active",
    start: window.start,
    end: window.end,
  });
  return `/bookings/new?${params}`;
}

/** Walks the prefilled wizard to the end; returns the booking page's id (or null when the provider refused). */
async function confirmPrefilledWizard(page: Page): Promise<string | null> {
  await expect(page.getByLabel("Start")).not.toHaveValue("");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Who charges")).toHaveValue("GROUP_TOKEN");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Review")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  // Either the booking's page opens or the wizard shows why the provider refused.
  await expect(page.getByTestId("booking-failure").or(page.getByTestId("booking-status"))).toBeVisible({
    timeout: 30_000,
  });
  const match = /\/bookings\/(c[a-z0-9]{20,})$/.exec(new URL(page.url()).pathname);
  return match ? match[1] : null;
}

async function providerIdOf(page: Page): Promise<string> {
  const text = (await page.locator("dt:text('Provider') + dd").textContent()) ?? "";
  const id = /·\s*(\S+)/.exec(text)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

async function forceStatus(providerBookingId: string, status: string, extra: object = {}) {
  const response = await sandbox(`/_sandbox/petitmonde/bookings/${providerBookingId}/status`, {
    body: { status, ...extra },
  });
  expect(response.ok).toBe(true);
}

test.describe.configure({ mode: "serial" });

// The demo fleet group's monthly limit is sized for a demo day, not for ten-booking batches run again and again.
test.beforeAll(async () => {
  const response = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(response.ok).toBe(true);
});

test("a dispatcher books from the map link, watches it confirm, assigns it; the driver sees it; it completes", async ({
  page,
  browser,
}) => {
  const window = await windowAhead(3);
  const [pick] = await reservableEvses(window);
  expect(pick).toBeTruthy();

  await signInAs(page, "dispatcher");
  await page.goto(bookHref(pick, window));
  const bookingId = await confirmPrefilledWizard(page);
  expect(bookingId).not.toBeNull();
  const status = page.getByTestId("booking-status");
  await expect(status).toHaveText(/Requested|Pending|Confirmed/);

  // The operator confirms; the page follows without a reload.
  const providerId = await providerIdOf(page);
  await forceStatus(providerId, "CONFIRMED");
  await expect(status).toHaveText("Confirmed", { timeout: 30_000 });

  await page.getByLabel("Assign to driver").selectOption({ label: "Dora Driver" });
  await expect(page.getByTestId("assigned-driver")).toHaveText("Dora Driver");

  const driverPage = await browser.newPage();
  await signInAs(driverPage, "driver");
  await driverPage.goto("/my-bookings");
  const card = driverPage.locator(`[data-booking-id="${bookingId}"]`);
  await expect(card).toContainText(pick.location.name);
  await expect(card).toContainText("fleet's charging card");
  await expect(card.getByRole("link", { name: /^OpenStreetMap/ })).toHaveAttribute("href", /openstreetmap/);
  await expect(driverPage.getByRole("list", { name: "Notifications" })).toContainText(
    `Charging booked for you: ${pick.location.name}`,
  );
  await driverPage.close();

  // The provider completes it; the dispatcher's list shows it.
  await forceStatus(providerId, "COMPLETED");
  await page.goto("/bookings");
  await expect(page.locator(`tr[data-booking-id="${bookingId}"]`)).toContainText("Completed", { timeout: 45_000 });
});

test("a no-show is flagged with its fee under 'needs attention'", async ({ page }) => {
  const window = await windowAhead(5);
  const [pick] = await reservableEvses(window);
  await signInAs(page, "dispatcher");
  await page.goto(bookHref(pick, window));
  const bookingId = await confirmPrefilledWizard(page);
  expect(bookingId).not.toBeNull();
  await forceStatus(await providerIdOf(page), "NO_SHOW", { noShowFeeEur: 15 });

  await page.goto("/bookings?attention=1");
  const row = page.locator(`tr[data-booking-id="${bookingId}"]`);
  await expect(row).toContainText("No-show", { timeout: 45_000 });
  await expect(row).toContainText("Needs attention");
  await expect(row).toContainText(/Fee/);
});

test("a batch of ten shows live progress and every outcome; a 409 offers alternatives; cancel works and is refused in ATTENDING", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const window = await windowAhead(8);
  await signInAs(page, "dispatcher");
  await page.goto("/bookings/batches/new");
  const wall = (iso: string) =>
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
  await page.getByLabel("Start (at the chargers)").fill(wall(window.start));
  await page.getByLabel("End", { exact: true }).fill(wall(window.end));
  await page.getByRole("button", { name: "Find free charge points" }).click();
  // The ten nearest free charge points, for no vehicle in particular.
  const free = page.getByRole("list", { name: "Charge points" }).getByRole("checkbox");
  await expect(free.first()).toBeVisible();
  for (let i = 0; i < 10; i++) await free.nth(i).check();
  await page.getByRole("button", { name: "Book 10 charge points" }).click();
  await page.waitForURL(/\/bookings\/batches\/[a-z0-9]+$/);

  const bar = page.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuemax", "10");
  // Progress is reported while it runs, not only at the end.
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(bar).toHaveAttribute("aria-valuenow", "10", { timeout: 90_000 });
  const lines = page.getByRole("list", { name: "Batch lines" }).locator("li[data-position]");
  await expect(lines).toHaveCount(10);
  for (const line of await lines.all()) await expect(line).toHaveAttribute("data-status", /SUCCEEDED|FAILED/);

  // Booking a slot the batch already holds: 409, with free charge points offered instead.
  const firstBooked = page.getByRole("list", { name: "Batch lines" }).locator("li[data-status='SUCCEEDED']").first();
  await firstBooked.getByRole("link").click();
  await page.waitForURL(/\/bookings\/c[a-z0-9]{20,}$/);
  const takenProviderId = await providerIdOf(page);
  const taken = (await (
    await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/bookings/${takenProviderId}`, {
      headers: { "X-API-Key": "sandbox-petitmonde-key" },
    })
  ).json()) as { location_id: string; evse_uid: string };
  await page.goto(
    `/bookings/new?${new URLSearchParams({ provider: "PETITMONDE", locationId: taken.location_id, evseUid: taken.evse_uid, fleetId: "active", start: window.start, end: window.end })}`,
  );
  expect(await confirmPrefilledWizard(page)).toBeNull();
  const failure = page.getByTestId("booking-failure");
  await expect(failure).toContainText("not available");
  await failure.getByRole("button", { name: "Book this instead" }).first().click();
  await page.waitForURL(/\/bookings\/c[a-z0-9]{20,}$/);

  // Cancel the alternative (free or after confirming a possible fee).
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const anyway = page.getByRole("button", { name: "Cancel anyway" });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(page.getByTestId("booking-status")).toHaveText("Cancelled", { timeout: 30_000 });

  // In ATTENDING the provider refuses, and so does the page.
  await forceStatus(takenProviderId, "ATTENDING");
  await page.goto("/bookings");
  const takenRow = page.locator("tr", { has: page.getByText("Charging", { exact: true }) }).first();
  await expect(takenRow).toBeVisible({ timeout: 45_000 });
  await expect(takenRow.getByRole("button", { name: "Cancel" })).toHaveCount(0);
});
