// German and English: the sign-in page and the shell speak the browser's language; the user's own choice in
// Settings → Language wins, applies at once and stays; a German reader's dates and amounts read German. Times
// read in the browser's zone unless the user chose one in Settings → Time zone.
import pg from "pg";
import type { Locator } from "@playwright/test";
import { test, expect, signInAs, runtime } from "./fixtures";

const RUN = Math.random().toString(36).slice(2, 8);
const EMAIL = `e2e-language-${RUN}@demo.fleet`;
const SESSION_ID = `e2e-language-${RUN}`;
const STARTED = "2003-05-14T08:38:00.000Z"; // 10:38 in Berlin (summer time)

let client: pg.Client;
let userId: string;

/** A manager of Berlin Vans of our own, with the demo password, so no other spec sees her language. */
test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const demo = await client.query<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [
    "manager@demo.fleet",
  ]);
  const fleet = await client.query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`);
  const driver = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'driver@demo.fleet'`);
  userId = `e2e-language-user-${RUN}`;
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Lena Lang', $3, now())`,
    [userId, EMAIL, demo.rows[0]!.passwordHash],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "userId", "fleetId", role, "updatedAt") VALUES ($1, $2, $3, 'MANAGER', now())`,
    [`e2e-language-m-${RUN}`, userId, fleet.rows[0]!.id],
  );
  await client.query(
    `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "driverId", status, "startTime",
       "endTime", "durationSeconds", "energyWh", "priceExclVatMinor", "priceInclVatMinor", "vatRateBasisPoints",
       currency, "chargerName", "operatorName", "updatedAt")
     VALUES ($1, 'PLUGSURFING_SESSION', $1, $2, $3, 'COMPLETE', $4, $5, 3900, 20000, 2000, 2380, 1900, 'EUR',
       'E2E language charger', 'DE*E2E', now())`,
    [SESSION_ID, fleet.rows[0]!.id, driver.rows[0]!.id, new Date(STARTED), new Date(Date.parse(STARTED) + 3_900_000)],
  );
});

test.afterAll(async () => {
  await client.query(`DELETE FROM "ChargingSession" WHERE id = $1`, [SESSION_ID]);
  // The user stays: her audit entries (sign-in, language) belong to the append-only log.
  await client.query(`UPDATE "User" SET locale = NULL, "timeZone" = NULL WHERE id = $1`, [userId]);
  await client.end();
});

test.describe("a German browser", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

  test("the sign-in page is German", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByText("Melden Sie sich an, um das Laden Ihrer Flotte zu verwalten.")).toBeVisible();
    await expect(page.getByLabel("E-Mail")).toBeVisible();
    await expect(page.getByLabel("Passwort")).toBeVisible();
    await expect(page.getByRole("link", { name: "Einer Flotte beitreten" })).toBeVisible();
    // Checked in the browser, in German: the plain messages and the schema's own.
    await page.getByLabel("E-Mail").fill("keine-adresse");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByText("Geben Sie eine gültige E-Mail-Adresse ein")).toBeVisible();
    await expect(page.getByText("Geben Sie Ihr Passwort ein")).toBeVisible();
    await page.getByLabel("E-Mail").fill(EMAIL);
    await page.getByLabel("Passwort").fill("not-the-password");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("E-Mail oder Passwort ist falsch.");
  });

  test("signed in, the shell is German; English in Settings applies at once and stays", async ({ page }) => {
    await signInAs(page, EMAIL);
    const nav = page.getByRole("navigation", { name: "Hauptmenü" });
    await expect(nav.getByRole("link", { name: "Ladevorgänge" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Ladekarten" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Berichte" })).toBeVisible();
    await page.getByRole("button", { name: "Lena Lang (Manager), Benutzermenü" }).click();
    await expect(page.getByRole("menuitem", { name: "Abmelden" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Einstellungen" }).click();

    await expect(page.getByRole("heading", { name: "Einstellungen", level: 1 })).toBeVisible();
    await page.getByLabel("Sprache").selectOption("en");
    // At once: no reload, the page and the shell re-render in English.
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.reload();
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Language")).toHaveValue("en");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Charging keys" }),
    ).toBeVisible();

    // Back to the browser's language: German again.
    await page.getByLabel("Language").selectOption("browser");
    await expect(page.getByRole("heading", { name: "Einstellungen", level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Sprache")).toHaveValue("browser");
  });
});

test.describe("an English browser, a user who chose German", () => {
  test.use({ locale: "en-US", timezoneId: "Europe/Berlin" });

  test("dates and amounts on the Sessions page read German", async ({ page }) => {
    await client.query(`UPDATE "User" SET locale = 'de' WHERE id = $1`, [userId]);
    await signInAs(page, EMAIL);
    await page.goto("/sessions?from=2003-05-01&to=2003-05-31");
    await expect(
      page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Ladevorgänge" }),
    ).toBeVisible();
    const row = page.locator("tbody tr", { has: page.locator(`a[href="/sessions/${SESSION_ID}"]`) });
    await expect(row.getByRole("link")).toHaveText("14.05.2003, 10:38");
    await expect(row).toContainText("23,80 €");
  });
});

test.describe("a browser in Berlin, a user who chose Tokyo time", () => {
  test.use({ locale: "en-GB", timezoneId: "Europe/Berlin" });

  test("times read in the chosen zone at once and stay so; the browser default brings Berlin back", async ({
    page,
  }) => {
    await client.query(`UPDATE "User" SET locale = 'en', "timeZone" = NULL WHERE id = $1`, [userId]);
    await signInAs(page, EMAIL);
    const startOf = () =>
      page.locator("tbody tr", { has: page.locator(`a[href="/sessions/${SESSION_ID}"]`) }).getByRole("link");
    await page.goto("/sessions?from=2003-05-01&to=2003-05-31");
    await expect(startOf()).toHaveText("14 May 2003, 10:38");

    await page.goto("/settings");
    const zone = page.getByLabel("Time zone");
    await expect(zone).toHaveValue("browser");
    await expect(zone.locator("option[value=browser]")).toHaveText("Browser default (Europe/Berlin)");
    await zone.selectOption("Asia/Tokyo");
    // At once: the line under the list reads Tokyo's clock, not Berlin's.
    await expectClock(page.getByTestId("time-zone-now"), "Asia/Tokyo");
    await page.reload();
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");

    // 08:38 UTC is 17:38 in Tokyo; the browser still reports Berlin, and the setting wins.
    await page.goto("/sessions?from=2003-05-01&to=2003-05-31");
    await expect(startOf()).toHaveText("14 May 2003, 17:38");

    await page.goto("/settings");
    await page.getByLabel("Time zone").selectOption("browser");
    await expectClock(page.getByTestId("time-zone-now"), "Europe/Berlin");
    await page.goto("/sessions?from=2003-05-01&to=2003-05-31");
    await expect(startOf()).toHaveText("14 May 2003, 10:38");
  });
});

/** The line reads the clock of `timeZone` now, to the minute (the minute may turn while it is read). */
async function expectClock(line: Locator, timeZone: string) {
  const clock = (at: number) =>
    `It is ${new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at)} there now.`;
  await expect
    .poll(async () => {
      const now = Date.now();
      return [clock(now - 60_000), clock(now), clock(now + 60_000)].includes((await line.textContent()) ?? "");
    })
    .toBe(true);
}
