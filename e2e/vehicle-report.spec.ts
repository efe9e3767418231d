// The report by vehicle: a manager reads a van's month (a session just after midnight on the 1st counted in the
// reader's month), with no cost per 100 km while the van has one odometer reading; an admin enters a second
// reading on a session's page (one that runs backwards is refused beside the field), and the cost per 100 km shows.
import pg from "pg";
import { test, expect, signInAs, signOut, runtime } from "./fixtures";

const RUN = Math.random().toString(36).slice(2, 8);
const PREFIX = `e2e-vreport-${RUN}-`;
const PLATE = `B-VR ${RUN.toUpperCase()}`;
const PERIOD = { from: "2004-06-01", to: "2004-06-30" };
test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

let client: pg.Client;
let vehicleId = "";

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const berlin = await client.query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`);
  const fleetId = berlin.rows[0].id;
  vehicleId = `${PREFIX}van`;
  await client.query(
    `INSERT INTO "Vehicle" (id, "fleetId", plate, "plateKey", name, "batteryKwh", "connectorStandards", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Report van', 90, ARRAY['IEC_62196_T2'], now())`,
    [vehicleId, fleetId, PLATE, PLATE.replace(/\W/g, "")],
  );
  const sessions: Array<[string, string, number, number, number | null]> = [
    // 00:30 on 1 June in Berlin, still 31 May in UTC: June for this reader.
    ["1", "2004-05-31T22:30:00Z", 10_000, 1000, 20_000],
    ["2", "2004-06-10T09:00:00Z", 20_000, 2000, null],
    ["3", "2004-06-20T09:00:00Z", 30_000, 3000, null],
  ];
  for (const [n, at, energyWh, inclMinor, odometerKm] of sessions) {
    await client.query(
      `INSERT INTO "ChargingSession" (id, source, "providerSessionId", "fleetId", "vehicleId", status, "startTime",
         "energyWh", "priceInclVatMinor", currency, "odometerKm", "chargerName", "updatedAt")
       VALUES ($1, 'PLUGSURFING_SESSION', $1, $2, $3, 'COMPLETE', $4, $5, $6, 'EUR', $7, 'E2E vehicle charger', now())`,
      [PREFIX + n, fleetId, vehicleId, new Date(at), energyWh, inclMinor, odometerKm],
    );
  }
});

test.afterAll(async () => {
  await client.query(`DELETE FROM "ChargingSession" WHERE id LIKE $1`, [`${PREFIX}%`]);
  await client.query(`DELETE FROM "Vehicle" WHERE id = $1`, [vehicleId]);
  await client.end();
});

const vanRow = (page: import("@playwright/test").Page) =>
  page.getByTestId("report-vehicle").locator(`tbody tr[data-vehicle='${vehicleId}'][data-currency='EUR']`);

test("a manager reads a van's month by vehicle; an odometer reading entered by an admin gives its cost per 100 km", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
  const section = page.getByRole("region", { name: "By vehicle" });
  await expect(section.getByRole("heading", { name: "By vehicle" })).toBeVisible();
  const row = vanRow(page);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-month", "2004-06");
  await expect(row.locator("td").nth(1)).toHaveText(PLATE);
  await expect(row.locator("td[data-column='sessions']")).toHaveText("3");
  await expect(row.locator("td[data-column='energy']")).toContainText("60");
  await expect(row.locator("td[data-column='energy']")).toContainText("kWh");
  // One reading: no distance, and the cell says why.
  const per100 = row.locator("td[data-column='per100Km']");
  await expect(per100).toHaveText("—");
  await expect(per100).toHaveAttribute("title", /only one odometer reading/);
  await expect(section).toContainText("fewer than two readings");
  await signOut(page);

  // An admin enters the van's reading on its last session: first one lower than June's first, refused.
  await signInAs(page, "admin");
  await page.goto(`/sessions/${PREFIX}3`);
  const detail = page.getByTestId("session-detail");
  await expect(detail.locator("dd[data-label='Vehicle']")).toHaveText(`${PLATE} · Report van`);
  const field = detail.getByLabel("Odometer (km)");
  await field.fill("-3");
  await detail.getByRole("button", { name: "Save reading" }).click();
  await expect(detail.getByText("Enter an odometer reading from 0 to 2,000,000 km.")).toBeVisible();
  await field.fill("19000");
  await detail.getByRole("button", { name: "Save reading" }).click();
  await expect(
    detail.getByText("An earlier session of this vehicle already reads 20,000 km: enter at least that much."),
  ).toBeVisible();
  await field.fill("20250");
  await detail.getByRole("button", { name: "Save reading" }).click();
  await expect(detail.getByRole("status")).toHaveText("Reading saved: 20,250 km.");
  await expect(detail.locator("dd[data-label='Odometer']")).toHaveText("20,250 km");

  // 250 km, and the charging after the first reading cost €20.00 + €30.00: €20.00 per 100 km.
  await page.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
  await expect(vanRow(page).locator("td[data-column='distance']")).toHaveText("250 km");
  await expect(vanRow(page).locator("td[data-column='per100Km']")).toHaveText("€20.00");
  await expect(vanRow(page).locator("td[data-column='per100Km']")).toHaveAttribute("data-minor", "2000");
});
