// A driver's bookings: the window at the charger's own clock, labelled with its zone; directions in three map
// apps (by position, else by address); "Start charging" once the window is near — on a laptop and on a phone.
import { createFormatter } from "@/lib/format";
import { test, expect, signInAs } from "./fixtures";
import { MINUTE, freeCharger, insertBooking, removeBookings, windowUnderWay } from "./booking-rows";

// The driver's browser is on New York time; the charger is in Berlin: the window must read as Berlin's.
test.use({ locale: "en-GB", timezoneId: "America/New_York" });

const inserted: string[] = [];
test.afterAll(() => removeBookings(inserted));

test("a driver sees where and when to charge, navigates there and starts charging from My bookings", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const charger = await freeCharger(52.51, 13.45);
  const window = windowUnderWay();
  const booking = await insertBooking({ charger, ...window });
  inserted.push(booking.id);

  await signInAs(page, "driver");
  await page.goto("/my-bookings");
  const card = page.locator(`[data-booking-id="${booking.id}"]`);
  await expect(card).toContainText(charger.name);
  const when = createFormatter({ locale: "en-GB" }).window(window.start, window.end, charger.timeZone);
  await expect(card.getByTestId("booking-window")).toHaveText(when);
  await expect(card.getByTestId("booking-window")).toContainText(`(${charger.timeZone})`);

  const point = `${charger.latitude}%2C${charger.longitude}`;
  const expected = {
    "Google Maps": `https://www.google.com/maps/dir/?api=1&destination=${point}`,
    "Apple Maps": `https://maps.apple.com/?daddr=${point}`,
    OpenStreetMap: `https://www.openstreetmap.org/?mlat=${charger.latitude}&mlon=${charger.longitude}#map=17/${charger.latitude}/${charger.longitude}`,
  };
  for (const [app, href] of Object.entries(expected)) {
    const link = card.getByRole("link", { name: new RegExp(`^${app}`) });
    await expect(link).toHaveAttribute("href", href);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", /\bnoopener\b/);
  }

  // On a phone nothing is cut off: the card, its links and the start button fit the screen's width.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const startButton = card.getByRole("button", { name: "Start charging" });
  for (const part of [card.getByTestId("navigation-links"), startButton]) {
    await part.scrollIntoViewIfNeeded();
    const box = await part.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }

  await expect(card.getByLabel("Driver").locator("option:checked")).toHaveText("Dora Driver");
  await startButton.click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("live-session")).toBeVisible();
});

test("without a known position the links look up the address, or the driver is told it is not known", async ({
  page,
}) => {
  const charger = await freeCharger(52.49, 13.5);
  const tomorrow = { start: new Date(Date.now() + 24 * 60 * MINUTE), end: new Date(Date.now() + 25 * 60 * MINUTE) };
  const byAddress = await insertBooking({ charger: { ...charger, positionKnown: false }, ...tomorrow });
  const nowhere = await insertBooking({
    charger: { ...charger, positionKnown: false, address: undefined, postalCode: undefined },
    ...tomorrow,
  });
  inserted.push(byAddress.id, nowhere.id);

  await signInAs(page, "driver");
  await page.goto("/my-bookings");
  const card = page.locator(`[data-booking-id="${byAddress.id}"]`);
  const query = encodeURIComponent(
    [charger.name, charger.address, charger.postalCode, charger.city].filter(Boolean).join(", "),
  );
  await expect(card.getByRole("link", { name: /^Google Maps/ })).toHaveAttribute(
    "href",
    `https://www.google.com/maps/dir/?api=1&destination=${query}`,
  );
  await expect(card.getByRole("link", { name: /^Apple Maps/ })).toHaveAttribute(
    "href",
    `https://maps.apple.com/?daddr=${query}`,
  );
  await expect(card.getByRole("link", { name: /^OpenStreetMap/ })).toHaveAttribute(
    "href",
    `https://www.openstreetmap.org/search?query=${query}`,
  );
  // Tomorrow's booking: no start yet, and the driver is told when it comes.
  await expect(card.getByTestId("booking-start-unavailable")).toHaveText(
    "Start charging is offered from 15 minutes before the window begins.",
  );

  const lost = page.locator(`[data-booking-id="${nowhere.id}"]`);
  await expect(lost.getByTestId("position-unknown")).toContainText("position and street address are not known");
  await expect(lost.getByRole("link", { name: /Google Maps|Apple Maps|OpenStreetMap/ })).toHaveCount(0);
});
