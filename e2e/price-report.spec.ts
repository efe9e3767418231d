// The price check on the report page: a manager reads an operator's sessions that cost more than the estimate
// they were booked at, over a percentage and then over an amount (the threshold kept in the URL), and downloads
// the sessions over it as CSV.
import { readFileSync } from "node:fs";
import pg from "pg";
import { test, expect, signInAs, runtime } from "./fixtures";

const RUN = Math.random().toString(36).slice(2, 8);
const PREFIX = `e2e-prices-${RUN}-`;
const OPERATOR = `E2E Price Operator ${RUN}`;
const PERIOD = { from: "2004-07-01", to: "2004-07-31" };
test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

let client: pg.Client;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const berlin = await client.query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`);
  const fleetId = berlin.rows[0].id;
  // Booked at €10.00: charged €13.00 (30 % more) and €10.60 (6 % more); one session without a booking.
  const sessions: Array<[string, number | null, number]> = [
    ["1", 1000, 1300],
    ["2", 1000, 1060],
    ["3", null, 900],
  ];
  for (const [n, estimate, final] of sessions) {
    const at = new Date(`2004-07-1${n}T09:00:00Z`);
    if (estimate !== null)
      await client.query(
        `INSERT INTO "Booking" (id, "fleetId", provider, "externalId", status, "locationId", "evseUid",
           "locationSnapshot", "windowStart", "windowEnd", "tokenStrategy", "createdById", "priceMinor", currency,
           "updatedAt")
         VALUES ($1, $2, 'PETITMONDE', $1, 'COMPLETED', $1, 'evse-1', $3, $4, $4, 'DRIVER_TOKEN', 'e2e', $5, 'EUR',
           now())`,
        // The snapshot keeps the estimate shown; priceMinor holds the final price, as a completed booking does.
        [
          PREFIX + n,
          fleetId,
          JSON.stringify({
            name: "E2E price charger",
            operatorName: OPERATOR,
            estimateMinor: estimate,
            currency: "EUR",
          }),
          at,
          final,
        ],
      );
    await client.query(
      `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "bookingId", status, "startTime",
         "energyWh", "priceInclVatMinor", currency, "chargerName", "operatorName", "updatedAt")
       VALUES ($1, 'PETITMONDE_BOOKING', $1, $2, $3, 'COMPLETED', $4, 20000, $5, 'EUR', 'E2E price charger',
         $6, now())`,
      [PREFIX + n, fleetId, estimate === null ? null : PREFIX + n, at, final, OPERATOR],
    );
  }
});

test.afterAll(async () => {
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  await client.query(`DELETE FROM "Booking" WHERE id LIKE $1`, [`${PREFIX}%`]);
  await client.end();
});

test("a manager reads the price differences over a percentage, then an amount, and downloads them", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
  const section = page.getByRole("region", { name: "Price differences" });
  const row = section.locator(`tr[data-operator='${OPERATOR}']`);
  // The default threshold, 10 % of the estimate: only the session 30 % dearer.
  await expect(row.locator("td[data-column='compared']")).toHaveText("2");
  await expect(row.locator("td[data-column='over']")).toHaveText("1");
  await expect(row.locator("td[data-column='withoutEstimate']")).toHaveText("1");
  await expect(row).toContainText("€10.00 estimated, €13.00 charged (€3.00)");
  const largest = section.getByRole("table", { name: "Largest price differences" });
  await expect(largest.locator(`tr[data-session='${PREFIX}1'] td[data-column='difference']`)).toHaveText(
    "€3.00 (+30%)",
  );

  // Over €0.50: both sessions, and the link says so.
  await section.getByLabel("Difference measured by").selectOption("amount");
  await section.getByLabel("More than (amount)").fill("0.5");
  await expect(page).toHaveURL(/diffBy=amount/);
  await expect(page).toHaveURL(/over=0\.5/);
  await expect(row.locator("td[data-column='over']")).toHaveText("2");

  const download = page.waitForEvent("download");
  await section.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`price-differences-${PERIOD.from}-to-${PERIOD.to}.csv`);
  const csv = readFileSync((await file.path())!, "utf8");
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    '"Operator","Started","Charger","Currency","Estimate when booked","Final price incl. VAT","Difference",' +
      '"Difference (% of estimate)","Energy (kWh)","Session id","Booking id"',
  );
  expect(lines.slice(1)).toEqual([
    `"${OPERATOR}","2004-07-11T09:00:00.000Z","E2E price charger","EUR","10.00","13.00","3.00","30.0","20.000","${PREFIX}1","${PREFIX}1"`,
    `"${OPERATOR}","2004-07-12T09:00:00.000Z","E2E price charger","EUR","10.00","10.60","0.60","6.0","20.000","${PREFIX}2","${PREFIX}2"`,
  ]);
});
