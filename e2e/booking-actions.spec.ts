// What a dispatcher does with bookings besides booking: export the filtered list as CSV (drivers may not),
// and start charging from a confirmed booking whose window has begun — or read why a start is not offered.
import { readFileSync } from "node:fs";
import { test, expect, signInAs, runtime } from "./fixtures";
import { MINUTE, freeCharger, insertBooking, query, removeBookings, windowUnderWay } from "./booking-rows";

const inserted: string[] = [];
test.afterAll(() => removeBookings(inserted));

/** "2026-12-02T07:00:00+01:00": the instant on the wall clock of the zone, with the zone's offset. */
function isoAt(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "Z" : parts.timeZoneName.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

test("the bookings CSV holds the bookings matching the filters, and only staff may download it", async ({
  page,
  browser,
}) => {
  const charger = await freeCharger(52.5, 13.35);
  const start = new Date(Math.ceil((Date.now() + 26 * 60 * MINUTE) / (60 * MINUTE)) * 60 * MINUTE);
  const end = new Date(start.getTime() + 90 * MINUTE);
  const confirmed = await insertBooking({ charger, start, end, priceMinor: 1250, currency: "EUR" });
  const cancelled = await insertBooking({ charger, start, end, status: "CANCELLED", driverEmail: null });
  inserted.push(confirmed.id, cancelled.id);

  await signInAs(page, "dispatcher");
  await page.goto("/bookings");
  await page.getByLabel("Status").selectOption({ label: "Confirmed" });
  await expect(page).toHaveURL(/status=CONFIRMED/);
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", /^\/api\/bookings\/export\?.*status=CONFIRMED/);
  const download = page.waitForEvent("download");
  await link.click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    '"Reference","Provider reference","Status","Provider","Location","Address","EVSE","Window start","Window end",' +
      '"Time zone","Driver","Vehicle","Price","Price currency","Fee","Fee currency","Created at (UTC)"',
  );
  const row = lines.find((l) => l.startsWith(`"${confirmed.externalId}"`));
  expect(row, "the confirmed booking's row").toBeTruthy();
  const address = [charger.address, [charger.postalCode, charger.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  expect(row).toContain(
    [
      confirmed.externalId,
      confirmed.providerBookingId,
      "Confirmed",
      "Petit Monde",
      charger.name,
      address,
      charger.evseId,
      isoAt(start, charger.timeZone),
      isoAt(end, charger.timeZone),
      charger.timeZone,
      "Dora Driver",
      "",
      "12.50",
      "EUR",
      "",
      "",
    ]
      .map((cell) => `"${cell}"`)
      .join(","),
  );
  expect(csv).not.toContain(cancelled.externalId);

  // Drivers see only their own bookings: the fleet's export is refused.
  const [fleet] = await query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`);
  const driver = await browser.newPage();
  await signInAs(driver, "driver");
  const refused = await driver.request.get(`${runtime().appUrl}/api/bookings/export?fleetId=${fleet.id}`);
  expect(refused.status()).toBe(403);
  await driver.close();
});

test("a confirmed booking in its window starts charging from its page and leads to the session", async ({ page }) => {
  test.setTimeout(120_000);
  const charger = await freeCharger(52.53, 13.42);
  const booking = await insertBooking({ charger, ...windowUnderWay() });
  inserted.push(booking.id);

  await signInAs(page, "dispatcher");
  await page.goto(`/bookings/${booking.id}`);
  const start = page.getByTestId("booking-start");
  await expect(start.getByRole("heading", { name: "Start charging" })).toBeVisible();
  // The booking's driver charges: nobody else can be chosen.
  await expect(start.getByLabel("Driver").locator("option:checked")).toHaveText("Dora Driver");
  await expect(start.getByLabel("Connector").locator("option:checked")).toContainText(charger.evseId);
  await start.getByRole("button", { name: "Start charging" }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("live-session")).toBeVisible();
  const [session] = await query<{ email: string; evseId: string }>(
    `SELECT u.email, s."evseId" FROM "ChargingSession" s JOIN "User" u ON u.id = s."driverId" WHERE s.id = $1`,
    [new URL(page.url()).pathname.split("/").pop()],
  );
  expect(session).toEqual({ email: "driver@demo.fleet", evseId: charger.evseId });
});

test("where a start cannot work, the booking says why instead of offering it", async ({ page }) => {
  const charger = await freeCharger(52.47, 13.3);
  const later = await insertBooking({
    charger,
    start: new Date(Date.now() + 3 * 60 * MINUTE),
    end: new Date(Date.now() + 4 * 60 * MINUTE),
  });
  // A charge point no remote-start provider lists (a depot's own, say), at the same place.
  const unlisted = await insertBooking({ charger: { ...charger, evseId: "DE*E2E*E0000001*1" }, ...windowUnderWay() });
  inserted.push(later.id, unlisted.id);

  await signInAs(page, "dispatcher");
  await page.goto(`/bookings/${later.id}`);
  await expect(page.getByTestId("booking-start-unavailable")).toHaveText(
    "Start charging is offered from 15 minutes before the window begins.",
  );
  await expect(page.getByRole("button", { name: "Start charging" })).toHaveCount(0);

  await page.goto(`/bookings/${unlisted.id}`);
  await expect(page.getByTestId("booking-start-unavailable")).toContainText(
    "This charge point cannot be started from the dashboard. At the charger: Use the fleet's charging card",
  );
  await expect(page.getByRole("button", { name: "Start charging" })).toHaveCount(0);
});
