// The dispatch board: a dispatcher drags a van's booking onto another van, whose regular driver is told and
// sees it on My bookings; the same move by keyboard from the bar's dialog, onto a van already charging elsewhere
// in that hour, which the board flags; the moves survive a reload.
import { test, expect, sandbox, signInAs } from "./fixtures";

test("a dispatcher drags a booking to another vehicle on the board and that van's driver sees it", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  // A window of its own, 52 hours ahead of the sandbox's clock, so no other spec holds its charge points.
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + 52 * 3_600_000 + 41 * 60_000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 3_600_000);
  await signInAs(page, "dispatcher");
  /** Books the first free charge point that fits the van, in the window; the booking's id. */
  const bookFor = async (van: string) => {
    await page.goto(`/bookings/new?${new URLSearchParams({ start: start.toISOString(), end: end.toISOString() })}`);
    await page.getByLabel("Provider").selectOption({ label: "Petit Monde" });
    await page.getByLabel("For vehicle").selectOption({ label: van });
    await page.getByRole("button", { name: "Search chargers" }).click();
    await page.getByRole("list", { name: "Chargers" }).getByRole("button", { disabled: false }).first().click();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByLabel("Start")).not.toHaveValue("");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByTestId("booking-vehicle")).toHaveText(van, { timeout: 30_000 });
    return page.url().split("/").pop()!;
  };
  const bookingId = await bookFor("B-BV 101 · Van 1");
  // Van 3 charges elsewhere in the same hour: moving the first booking onto it will put it in two places at once.
  const van3BookingId = await bookFor("B-BV 103 · Van 3");

  // The board of that day (the browser reads UTC here), rows by vehicle: the booking sits in Van 1's row.
  const day = start.toISOString().slice(0, 10);
  await page.goto(`/bookings/board?from=${day}&span=day&group=vehicle`);
  await expect(page.getByRole("heading", { name: "Dispatch board", level: 1 })).toBeVisible();
  const row = (plate: string) => page.getByRole("listitem", { name: new RegExp(`^${plate}:`) });
  const bar = page.locator(`[data-booking-id="${bookingId}"]`);
  await expect(row("B-BV 101").locator(`[data-booking-id="${bookingId}"]`)).toBeVisible();
  await expect(page.getByTestId("double-bookings")).toHaveCount(0);

  // Dragged onto Van 2: it moves at once, and Van 2's regular driver is told.
  await bar.dragTo(row("B-BV 102"));
  await expect(row("B-BV 102").locator(`[data-booking-id="${bookingId}"]`)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Moved. Dirk Driver has been told." })).toBeVisible();
  await page.reload();
  await expect(row("B-BV 102").locator(`[data-booking-id="${bookingId}"]`)).toBeVisible();
  await expect(row("B-BV 101").locator(`[data-booking-id="${bookingId}"]`)).toHaveCount(0);

  const driverPage = await browser.newPage();
  await signInAs(driverPage, "driver2");
  await driverPage.goto("/my-bookings");
  await expect(driverPage.locator(`[data-booking-id="${bookingId}"]`).getByTestId("booking-vehicle")).toHaveText(
    "Vehicle: B-BV 102 · Van 2",
  );
  await driverPage.close();

  // The keyboard's way: Enter on the bar opens its dialog; Van 3 is chosen from the list and the booking moves.
  await bar.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Dirk Driver");
  await dialog.getByLabel("Move to vehicle").selectOption({ label: "B-BV 103 · Van 3" });
  await dialog.getByRole("button", { name: "Move" }).click();
  await expect(dialog).toBeHidden();
  await expect(row("B-BV 103").locator(`[data-booking-id="${bookingId}"]`)).toBeVisible();
  // Both of Van 3's bookings are flagged: it cannot be at two charge points in the same hour.
  await expect(page.getByTestId("double-bookings")).toHaveText(
    "2 bookings put a vehicle or driver in two places at once (marked in red).",
  );
  for (const id of [bookingId, van3BookingId]) {
    await expect(row("B-BV 103").locator(`[data-booking-id="${id}"]`)).toHaveAttribute("data-clashing", "true");
  }
  // Van 3 has no regular driver: the booking stays with Dirk.
  await page.reload();
  await bar.click();
  await expect(page.getByRole("dialog")).toContainText("Dirk Driver");
  await expect(page.getByRole("dialog")).toContainText("B-BV 103");
});
