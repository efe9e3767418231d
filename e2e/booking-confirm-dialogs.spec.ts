// Cancelling a booking the operator has confirmed may cost a fee, so the page asks first, in a real dialog:
// named, with the focus inside it; Escape or a click outside leave the booking as it was; confirming cancels
// it at Petit Monde.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

const DEPOT = { lat: 52.4731, lng: 13.4036 }; // Berlin depot Tempelhof (demo data)
const PETIT_MONDE = { "X-API-Key": "sandbox-petitmonde-key" };

interface WireLocation {
  location_id: string;
  evses: Array<{ evse_uid: string; capabilities: string[]; connectors?: Array<{ id: string }> }>;
}

/** A one-hour window this many hours after the sandbox's now, on a whole minute. */
async function windowAhead(hoursAhead: number) {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** The first reservable Petit Monde charge point near the depot that is free in the window. */
async function freeChargePoint(window: { start: string; end: string }) {
  const params = new URLSearchParams({
    lat: String(DEPOT.lat),
    lng: String(DEPOT.lng),
    radius: "10",
    start_time: window.start,
    end_time: window.end,
  });
  const response = await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/search?${params}`, {
    headers: PETIT_MONDE,
  });
  const { results } = (await response.json()) as { results: WireLocation[] };
  const location = results.find((l) => l.evses.some((e) => e.capabilities.includes("RESERVABLE")))!;
  return { location, evse: location.evses.find((e) => e.capabilities.includes("RESERVABLE"))! };
}

/** Books through the wizard from a map-style link; returns Petit Monde's id for the booking. */
async function bookThroughWizard(page: Page, window: { start: string; end: string }): Promise<string> {
  const { location, evse } = await freeChargePoint(window);
  const params = new URLSearchParams({
    provider: "PETITMONDE",
    locationId: location.location_id,
    evseUid: evse.evse_uid,
    connectorId: evse.connectors?.[0]?.id ?? "1",
    fleetId: "active",
    start: window.start,
    end: window.end,
  });
  await page.goto(`/bookings/new?${params}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByTestId("booking-status")).toBeVisible({ timeout: 30_000 });
  const text = (await page.locator("dt:text('Provider') + dd").textContent()) ?? "";
  return /·\s*(\S+)/.exec(text)![1];
}

async function statusAtPetitMonde(bookingId: string): Promise<string> {
  const response = await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/bookings/${bookingId}`, {
    headers: PETIT_MONDE,
  });
  return ((await response.json()) as { status: string }).status;
}

test.beforeAll(async () => {
  const response = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(response.ok).toBe(true);
});

test("cancelling a confirmed booking asks in a dialog; Escape keeps the booking, confirming cancels it", async ({
  page,
}) => {
  await signInAs(page, "dispatcher");
  const providerId = await bookThroughWizard(page, await windowAhead(17));
  const forced = await sandbox(`/_sandbox/petitmonde/bookings/${providerId}/status`, { body: { status: "CONFIRMED" } });
  expect(forced.ok).toBe(true);
  const status = page.getByTestId("booking-status");
  await expect(status).toHaveText("Confirmed", { timeout: 30_000 });

  const cancel = page.getByRole("button", { name: "Cancel", exact: true });
  const dialog = page.getByRole("alertdialog", { name: "Cancel this booking?" });
  await cancel.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("may cost a cancellation fee");
  // The safe choice has the focus, and Tab keeps it inside the dialog.
  await expect(dialog.getByRole("button", { name: "Keep booking" })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(cancel).toBeFocused();
  await expect(status).toHaveText("Confirmed");
  expect(await statusAtPetitMonde(providerId)).toBe("CONFIRMED");

  // A click beside the dialog leaves the booking alone too.
  await cancel.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toHaveCount(0);
  expect(await statusAtPetitMonde(providerId)).toBe("CONFIRMED");

  await cancel.click();
  await dialog.getByRole("button", { name: "Cancel anyway" }).click();
  await expect(status).toHaveText("Cancelled", { timeout: 30_000 });
  await expect(dialog).toHaveCount(0);
  expect(await statusAtPetitMonde(providerId)).toBe("CANCELLED");
});
