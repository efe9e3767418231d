// One way to show dates, amounts and codes, page after page, in a German browser in Berlin: sessions, a session's
// details, reports, the audit log and the map's charger panel show instants in the browser's medium date and short
// time, calendar days as medium dates, amounts with their currency symbol, and never a raw code. The pages speak
// German to this browser: the words expected are the German messages.
import pg from "pg";
import type { Locator, Page } from "@playwright/test";
import { messagesOf, translatorOf, type Tree } from "./support/messages";
import { minorToDecimalString, minorUnitDigits } from "../lib/money/money";
import { previousPeriod } from "../lib/reports/period";
import { test, expect, signInAs, runtime } from "./fixtures";

test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

const PREFIX = "e2e-formats-";
const PERIOD = { from: "2002-05-01", to: "2002-05-31" };
const STARTED = "2002-05-14T08:38:00.000Z";
const AUDITED = "2002-05-15T06:05:00.000Z";
/** Codes that must never reach a screen: session and EVSE statuses, connector standards, action names. */
const RAW_CODES =
  /\b(COMPLETE|FAILED|STARTED|WAITING_TO_START|STOP_FAILED|NO_SHOW|OUTOFORDER|INOPERATIVE|AVAILABLE|CHARGING|IEC_\w+|CHADEMO|DOMESTIC_\w+)\b|\b(keys|auth|sessions|fleets|depot-chargers)\.[a-z]/;

let client: pg.Client;
let sessionId: string;

const de = translatorOf("de");

/** How the browser itself writes an instant, a calendar day and an amount: what every page must match. */
function browser(page: Page) {
  return {
    dateTime: (iso: string) =>
      page.evaluate(
        (v) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(v)),
        iso,
      ),
    day: (isoDay: string) =>
      page.evaluate(
        (v) =>
          new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
            new Date(`${v}T00:00:00Z`),
          ),
        isoDay,
      ),
    money: (amountMinor: number, currency: string) => {
      const digits = minorUnitDigits(currency);
      return page.evaluate(
        ([value, c, d]) =>
          new Intl.NumberFormat(undefined, {
            style: "currency",
            currency: c,
            minimumFractionDigits: d,
            maximumFractionDigits: d,
          }).format(value as unknown as number),
        [minorToDecimalString(amountMinor, digits), currency, digits] as const,
      );
    },
  };
}

async function expectNoRawCodes(region: Locator) {
  const text = await region.innerText();
  expect(text.match(RAW_CODES)?.[0] ?? null, "a raw code on the page").toBeNull();
}

/** Every <time> shows its instant in the browser's one date style. */
async function expectTimesInOneStyle(page: Page, region: Locator) {
  const times = region.locator("time[datetime]");
  expect(await times.count()).toBeGreaterThan(0);
  for (const time of await times.all()) {
    await expect(time).toHaveText(await browser(page).dateTime((await time.getAttribute("datetime"))!));
  }
}

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const fleets = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Fleet"`);
  const berlinId = fleets.rows.find((f) => f.name === "Berlin Vans")!.id;
  const users = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User"`);
  const dora = users.rows.find((u) => u.email === "driver@demo.fleet")!.id;
  const ada = users.rows.find((u) => u.email === "admin@demo.fleet")!.id;
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  sessionId = `${PREFIX}complete`;
  await client.query(
    `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "driverId", status, "startTime",
       "endTime", "durationSeconds", "energyWh", "priceExclVatMinor", "priceInclVatMinor", "vatRateBasisPoints",
       currency, "chargerName", "operatorName", "updatedAt")
     VALUES ($1, 'PLUGSURFING_SESSION', $1, $2, $3, 'COMPLETE', $4, $5, 3900, 20000, 2000, 2380, 1900, 'EUR',
       'E2E formats charger', 'DE*E2E', now()),
            ($6, 'PLUGSURFING_SESSION', $6, $2, $3, 'FAILED', $4, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'E2E formats charger', 'DE*E2E', now())`,
    [sessionId, berlinId, dora, new Date(STARTED), new Date(Date.parse(STARTED) + 3_900_000), `${PREFIX}failed`],
  );
  await client.query(
    `INSERT INTO "AuditLog" (id, at, "actorId", action, "fleetId", "objectType", "objectId", before)
     VALUES ($1, $2, $3, 'depot-chargers.delete', $4, 'DepotCharger', 'gone', '{"name": "E2E formats yard"}')`,
    [`${PREFIX}audit-${Date.now()}`, new Date(AUDITED), ada, berlinId],
  );
});

test.afterAll(async () => {
  // The audit entry stays: the log is append-only.
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  await client.end();
});

test("sessions and a session's details: one date style, amounts with their symbol, statuses in words", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto(`/sessions?from=${PERIOD.from}&to=${PERIOD.to}`);
  const table = page.getByRole("table", { name: de("sessions.history.tableLabel") });
  const row = table.locator("tbody tr", { has: page.locator(`a[href="/sessions/${sessionId}"]`) });
  const started = await browser(page).dateTime(STARTED);
  const price = await browser(page).money(2380, "EUR");
  expect(price).toContain("€");
  await expect(row.getByRole("link")).toHaveText(started);
  await expect(row).toContainText(de("common.sessionStatus.COMPLETE"));
  await expect(row).toContainText(price);
  await expect(table.locator("tbody tr", { hasText: de("common.sessionStatus.FAILED") })).toHaveCount(1);
  await expect(page.getByTestId("session-totals")).toContainText(price);
  await expectNoRawCodes(page.locator("main"));
  // The status filter speaks words too.
  expect(
    (await page.getByLabel(de("sessions.filters.status")).locator("option").allTextContents()).join(" "),
  ).not.toMatch(RAW_CODES);

  await row.getByRole("link").click();
  const detail = page.getByTestId("session-detail");
  await expect(detail.locator(`[data-label="${de("sessions.detail.started")}"]`)).toHaveText(started);
  await expect(detail.locator(`[data-label="${de("sessions.detail.ended")}"]`)).toHaveText(
    await browser(page).dateTime(new Date(Date.parse(STARTED) + 3_900_000).toISOString()),
  );
  await expect(detail.locator(`[data-label="${de("sessions.detail.priceInclVat")}"]`)).toHaveText(price);
  await expect(detail.locator(`[data-label="${de("sessions.detail.priceExclVat")}"]`)).toHaveText(
    await browser(page).money(2000, "EUR"),
  );
  await expect(detail.getByTestId("detail-status")).toHaveText(de("common.sessionStatus.COMPLETE"));
  await expectNoRawCodes(page.locator("main"));
});

test("reports: calendar days as medium dates, totals with their currency symbol", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
  const totals = page.getByRole("region", { name: de("reports.totals.title") });
  const before = previousPeriod(PERIOD);
  await expect(totals.getByTestId("comparison-period")).toHaveText(
    de("reports.totals.comparedWith", {
      period: `${await browser(page).day(before.from)} – ${await browser(page).day(before.to)}`,
    }),
  );
  await expect(totals.getByTestId("total-EUR").getByTestId("total-incl")).toHaveText(
    await browser(page).money(2380, "EUR"),
  );
  await expectNoRawCodes(page.locator("main"));
});

test("the audit log: entries in words, every instant in the one date style", async ({ page }) => {
  await signInAs(page, "admin");
  // The entry's own days: the first page holds the newest entries, and other tests keep adding some.
  await page.goto("/audit?from=2002-05-14&to=2002-05-16");
  const entry = page.getByTestId("audit-entry").filter({ hasText: "E2E formats yard" });
  await expect(entry.locator("p").first()).toHaveText(
    `${de("audit.actions.depot-chargers.delete.sentence", {
      actor: "Ada Admin",
      object: de("audit.objects.DepotCharger.named", { name: "E2E formats yard" }),
    })} — ${await browser(page).dateTime(AUDITED)}`,
  );
  await expectTimesInOneStyle(page, page.locator("main"));
  await expectNoRawCodes(page.locator("main"));
});

test("the map's charger panel: connectors and statuses in words", async ({ page }) => {
  await signInAs(page, "dispatcher");
  await page.goto("/map?lat=52.52&lng=13.405&z=13");
  const results = page.getByRole("listbox", { name: de("map.list.label") });
  await expect(results.getByRole("option").first()).toBeVisible({ timeout: 30_000 });
  await expectNoRawCodes(results);
  await results.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("charger-panel");
  await expect(panel.getByTestId("evse").first()).toBeVisible();
  await expectNoRawCodes(panel);
  const words = new Set<string>(Object.values((messagesOf("de").common as Tree).evseStatus as Tree) as string[]);
  for (const evse of await panel.getByTestId("evse").all()) {
    const status = (await evse.getByTestId("evse-status").textContent())!;
    expect(words, `EVSE status "${status}"`).toContain(status);
  }
  // Power in the browser's own number style, e.g. "22 kW" or "7,4 kW".
  await expect(panel).toContainText(/\d+(,\d)? kW/);
});
