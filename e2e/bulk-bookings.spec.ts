// Bulk actions in the bookings list: a dispatcher selects three confirmed bookings (one by keyboard), cancels
// them in one go after the fee warning, and the list shows them cancelled — at Petit Monde too; selected again,
// the dialogs say that neither action applies to bookings that are over.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

const DEPOT = { lat: 52.4731, lng: 13.4036 }; // Berlin depot Tempelhof (demo data)
const PETIT_MONDE = { "X-API-Key": "sandbox-petitmonde-key" };

interface WireLocation {
  location_id: string;
  evses: Array<{ evse_uid: string; capabilities: string[]; connectors?: Array<{ id: string }> }>;
}

/**
 * A one-hour window three days and a few odd hours after the sandbox's now, on a whole minute: no other spec
 * books this far ahead, so none holds these charge points at that time.
 */
async function windowAhead() {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + (3 * 24 + 5) * 3_600_000 + 17 * 60_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** Reservable Petit Monde charge points near the depot that are free in the window, one per location. */
async function freeChargePoints(window: { start: string; end: string }, count: number) {
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
  const points = results.flatMap((location) => {
    const evse = location.evses.find((e) => e.capabilities.includes("RESERVABLE"));
    return evse ? [{ location, evse }] : [];
  });
  expect(points.length, "free reservable charge points near the depot").toBeGreaterThanOrEqual(count);
  return points.slice(0, count);
}

/** Books one charge point through the wizard; returns our booking's id and Petit Monde's. */
async function bookThroughWizard(
  page: Page,
  window: { start: string; end: string },
  { location, evse }: Awaited<ReturnType<typeof freeChargePoints>>[number],
) {
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
  const id = /\/bookings\/([^/?#]+)$/.exec(new URL(page.url()).pathname)![1];
  const text = (await page.locator("dt:text('Provider') + dd").textContent()) ?? "";
  return { id, providerId: /·\s*(\S+)/.exec(text)![1] };
}

/** Serious or critical WCAG 2.1 A/AA violations on the page as it stands (as e2e/a11y.spec.ts scans pages). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The booking as Petit Monde holds it: its status and the cancellation fee it charged, in euros. */
async function atPetitMonde(bookingId: string): Promise<{ status: string; cancellation_fee?: number }> {
  const response = await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/bookings/${bookingId}`, {
    headers: PETIT_MONDE,
  });
  return (await response.json()) as { status: string; cancellation_fee?: number };
}

test.beforeAll(async () => {
  const response = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(response.ok).toBe(true);
});

test("a dispatcher selects three confirmed bookings, cancels them at once after the fee warning, and sees them cancelled", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, "dispatcher");
  const window = await windowAhead();
  const booked = [];
  for (const point of await freeChargePoints(window, 3)) booked.push(await bookThroughWizard(page, window, point));
  // The operator confirms all three: cancelling them now may cost a fee.
  for (const { providerId } of booked) {
    const forced = await sandbox(`/_sandbox/petitmonde/bookings/${providerId}/status`, {
      body: { status: "CONFIRMED" },
    });
    expect(forced.ok).toBe(true);
  }

  await page.goto(`/bookings?date=${window.start.slice(0, 10)}`);
  const rows = booked.map(({ id }) => page.locator(`tr[data-booking-id="${id}"]`));
  for (const row of rows) await expect(row.getByText("Confirmed")).toBeVisible({ timeout: 30_000 });

  // Two by pointer, one by keyboard (Space on its box); the toolbar counts them.
  await rows[0].getByRole("checkbox").check();
  await rows[1].getByRole("checkbox").check();
  await rows[2].getByRole("checkbox").focus();
  await page.keyboard.press("Space");
  await expect(rows[2].getByRole("checkbox")).toBeChecked();
  const toolbar = page.getByRole("group", { name: "Selected bookings" });
  await expect(toolbar).toContainText("3 selected");
  await expect(toolbar.getByRole("link", { name: "Export selection as CSV" })).toHaveAttribute(
    "href",
    new RegExp(booked.map(({ id }) => `ids=${id}`).join("&")),
  );

  expect(await seriousViolations(page), "the list with its selection and toolbar").toEqual([]);
  await toolbar.getByRole("button", { name: "Cancel…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel 3 bookings?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("3 of the 3 selected bookings can be cancelled.");
  await expect(dialog).toContainText(
    "The operator has confirmed these 3 bookings. Cancelling now may cost a cancellation fee.",
  );
  await expect(
    dialog.getByRole("list", { name: "Bookings that may cost a cancellation fee" }).getByRole("listitem"),
  ).toHaveCount(3);
  await expect(dialog.getByRole("button", { name: "Keep bookings" })).toBeFocused();
  expect(await seriousViolations(page), "the bulk cancel dialog").toEqual([]);

  await dialog.getByRole("button", { name: "Cancel anyway" }).click();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("bulk-outcome")).toContainText("3 cancelled.");
  for (const row of rows) await expect(row.getByText("Cancelled")).toBeVisible({ timeout: 30_000 });
  await expect(toolbar).toHaveCount(0);
  // Cancelled at Petit Monde too, and the outcome adds up the fees it charged.
  let fees = 0;
  for (const { providerId } of booked) {
    const held = await atPetitMonde(providerId);
    expect(held.status).toBe("CANCELLED");
    fees += held.cancellation_fee ?? 0;
  }
  if (fees > 0) {
    await expect(page.getByTestId("bulk-outcome")).toContainText(`Cancellation fees reported: €${fees.toFixed(2)}.`);
  }

  // Selected again, they are over: neither action applies, and the dialogs say why.
  await page.getByRole("checkbox", { name: "Select every booking on this page" }).check();
  for (const row of rows) await expect(row.getByRole("checkbox")).toBeChecked();
  await toolbar.getByRole("button", { name: "Assign to driver…" }).click();
  const assign = page.getByRole("dialog", { name: "No booking to assign" });
  await expect(assign).toContainText("0 of the 3 selected bookings can be assigned.");
  await expect(assign).toContainText("3 bookings: already over");
  await expect(assign.getByRole("button", { name: "Remove the driver" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(toolbar.getByRole("button", { name: "Assign to driver…" })).toBeFocused();
  await toolbar.getByRole("button", { name: "Cancel…" }).click();
  const none = page.getByRole("alertdialog", { name: "No booking to cancel" });
  await expect(none).toContainText("3 bookings: This booking is already over.");
  await expect(none.getByRole("button", { name: "Cancel bookings" })).toBeDisabled();
});
