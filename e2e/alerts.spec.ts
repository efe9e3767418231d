// Alerts: the dispatcher sees one alert of each kind on the alerts page, in plain words, and acts on them —
// stops a running session, books a nearby charger instead of an expired booking, messages the driver (who finds
// it in her bell) and dismisses an alert with a note. The watchdog that raises them is proven against the
// sandbox's scenarios in lib/alerts/watchdog.integration.test.ts; here they are written as it writes them.
import pg from "pg";
import { test, expect, runtime, signInAs } from "./fixtures";
import { bookNearDepot } from "./page-records";

const RUN = Math.random().toString(36).slice(2, 8);
test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

let client: pg.Client;
let fleetId = "";
let driverId = "";

async function raise(kind: string, facts: object, links: { sessionId?: string; bookingId?: string } = {}) {
  await client.query(
    `INSERT INTO "Alert" (id, "fleetId", kind, "causeKey", facts, "sessionId", "bookingId", "driverId")
     VALUES ($1, $2, $3, $1, $4, $5, $6, $7)`,
    [
      `e2e-${RUN}-${kind}`,
      fleetId,
      kind,
      JSON.stringify(facts),
      links.sessionId ?? null,
      links.bookingId ?? null,
      driverId,
    ],
  );
}

const charger = (name: string) => ({ name: `${name} ${RUN}`, timeZone: "Europe/Berlin" });
const window = { windowStart: "2026-12-04T09:00:00Z", windowEnd: "2026-12-04T10:00:00Z" };

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  fleetId = (await client.query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`)).rows[0].id;
  driverId = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'driver@demo.fleet'`)).rows[0].id;
  const at = "2026-12-03T08:00:00Z";
  await raise("session.too_long", { charger: charger("Too long"), startedAt: at, limitHours: 12 });
  await raise("session.stop_failed", { charger: charger("Stop failed"), startedAt: at });
  await raise("session.start_failed", { charger: charger("Start failed"), at, reason: "occupied" });
  await raise("booking.unconfirmed", { charger: charger("Unconfirmed"), ...window });
  await raise("booking.no_show", {
    charger: charger("No show"),
    ...window,
    fee: { amountMinor: 500, currency: "EUR" },
  });
  await raise("session.cost_above_estimate", {
    charger: charger("Dear"),
    estimate: { amountMinor: 1200, currency: "EUR" },
    cost: { amountMinor: 3100, currency: "EUR" },
  });
  await raise("policy.breach", {
    charger: charger("Policy"),
    rule: "sessionCap",
    policy: { scope: "fleet", name: "Berlin Vans" },
    figure: "€31.00",
    limit: "€25.00",
  });
});

test.afterAll(async () => {
  await client.query(`DELETE FROM "Alert" WHERE id LIKE $1`, [`e2e-${RUN}-%`]);
  await client.end();
});

test("a dispatcher reads one alert of each kind and acts on them", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signInAs(page, "dispatcher");

  // A running session the alert stops: started at a free remote-capable charger near Berlin.
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
    locations: Array<{ id: string; evses: Array<{ uid: string; status: string; capabilities: string[] }> }>;
  };
  const startable = (e: { status: string; capabilities: string[] }) =>
    e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE");
  const location = locations.filter((l) => l.evses.some(startable)).at(-1);
  expect(location, "a remote-start capable charger near Berlin").toBeTruthy();
  await page.goto(
    `/sessions/start?provider=PLUGSURFING&locationId=${encodeURIComponent(location!.id)}&evseUid=${encodeURIComponent(location!.evses.find(startable)!.uid)}`,
  );
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await page.getByRole("button", { name: "Start charging" }).click();
  await expect(page).toHaveURL(/\/sessions\/(?!start)[^/?]+$/, { timeout: 30_000 });
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await raise(
    "session.no_energy",
    { charger: charger("No energy"), startedAt: new Date().toISOString(), minutes: 10 },
    { sessionId },
  );

  // A booking that expired: booked for tomorrow, then marked expired as the provider would report it.
  const bookingId = await bookNearDepot(page, 30);
  await client.query(`UPDATE "Booking" SET status = 'EXPIRED' WHERE id = $1`, [bookingId]);
  const booked = await client.query<{ windowStart: Date; windowEnd: Date }>(
    `SELECT "windowStart", "windowEnd" FROM "Booking" WHERE id = $1`,
    [bookingId],
  );
  await raise(
    "booking.expired",
    {
      charger: charger("Expired"),
      windowStart: booked.rows[0].windowStart.toISOString(),
      windowEnd: booked.rows[0].windowEnd.toISOString(),
    },
    { bookingId },
  );

  await page.goto("/alerts");
  const alerts = page.getByRole("list", { name: "Alerts" });
  const titles = [
    `No energy at No energy ${RUN}`,
    `Session at Too long ${RUN} is still running`,
    `Stop failed at Stop failed ${RUN}`,
    `Start failed at Start failed ${RUN}`,
    `Booking at Unconfirmed ${RUN} not confirmed yet`,
    `Booking at Expired ${RUN} expired`,
    `No-show at No show ${RUN}`,
    `Session at Dear ${RUN} cost more than estimated`,
    `Spending policy broken at Policy ${RUN}`,
  ];
  for (const title of titles) await expect(alerts.getByRole("heading", { name: title })).toBeVisible();
  const item = (title: string) =>
    alerts.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(item(`Session at Dear ${RUN} cost more than estimated`)).toContainText(
    "It cost €31.00; the estimate shown when it was booked was €12.00.",
  );
  await expect(item(`Start failed at Start failed ${RUN}`)).toContainText("the charger was in use by someone else");

  // The filter by kind, kept in the URL.
  await page.getByLabel("Kind").selectOption({ label: "No-show" });
  await expect(page).toHaveURL(/kind=booking.no_show/);
  await expect(alerts.getByRole("heading")).toHaveText([`No-show at No show ${RUN}`]);
  await page.goto("/alerts");

  // Stop the session from its alert.
  await item(`No energy at No energy ${RUN}`).getByRole("button", { name: "Stop session" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Stop session" }).click();
  await expect(page.getByRole("status")).toHaveText("The session was stopped and the alert closed.", {
    timeout: 30_000,
  });
  await expect(item(`No energy at No energy ${RUN}`)).toHaveCount(0);

  // Book a nearby charger for the expired booking.
  await item(`Booking at Expired ${RUN} expired`).getByRole("button", { name: "Book nearby charger" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Book nearby charger" }).click();
  await expect(page.getByRole("status")).toContainText("instead; the alert is closed.", { timeout: 60_000 });
  const replacement = await client.query<{ status: string }>(
    `SELECT status FROM "Booking" WHERE "fleetId" = $1 AND id <> $2 AND "assignedDriverId" = $3
       AND "windowEnd" = (SELECT "windowEnd" FROM "Booking" WHERE id = $2) ORDER BY "createdAt" DESC LIMIT 1`,
    [fleetId, bookingId, driverId],
  );
  expect(replacement.rows[0]?.status).toMatch(/^(CONFIRMED|PENDING|REQUESTED|SUBMITTING)$/);

  // Message the driver about the too-long session.
  await item(`Session at Too long ${RUN} is still running`).getByRole("button", { name: "Message driver" }).click();
  const messageDialog = page.getByRole("dialog", { name: "Message the driver" });
  await messageDialog.getByRole("button", { name: "Message driver" }).click();
  await expect(
    messageDialog.getByText("Fill in this field.").or(messageDialog.locator("#message-error")),
  ).toBeVisible();
  await messageDialog.getByLabel("Message (up to 500 characters)").fill(`Please unplug the van ${RUN}`);
  await messageDialog.getByRole("button", { name: "Message driver" }).click();
  await expect(page.getByRole("status")).toHaveText("The driver was told.");

  // Dismiss the cost alert with a note: without one it says what is missing beside the field.
  await item(`Session at Dear ${RUN} cost more than estimated`).getByRole("button", { name: "Dismiss" }).click();
  const dismissDialog = page.getByRole("dialog", { name: "Dismiss this alert" });
  await dismissDialog.getByRole("button", { name: "Dismiss" }).click();
  await expect(dismissDialog.locator("#note-error")).toBeVisible();
  await dismissDialog.getByLabel(/^Note/).fill("Tariff changed at the operator; agreed with finance");
  await dismissDialog.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("status")).toHaveText("The alert was dismissed.");
  await expect(item(`Session at Dear ${RUN} cost more than estimated`)).toHaveCount(0);

  await page.getByRole("link", { name: "Closed" }).click();
  await expect(item(`Session at Dear ${RUN} cost more than estimated`)).toContainText(
    "Tariff changed at the operator; agreed with finance",
  );
  await expect(item(`No energy at No energy ${RUN}`)).toContainText("Session stopped by");

  // The driver finds the message in her bell, and reads it whole beside her bookings.
  const driver = await browser.newPage();
  await signInAs(driver, "driver");
  await driver.getByRole("button", { name: /^Notifications/ }).click();
  await expect(driver.getByRole("dialog", { name: "Notifications" })).toContainText(
    `Dan Dispatcher about your charge at Too long ${RUN}`,
  );
  await driver.goto("/my-bookings");
  await expect(driver.getByRole("list", { name: "Notifications" })).toContainText(`Please unplug the van ${RUN}`);
  await driver.close();
});
