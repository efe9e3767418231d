// Spending policies: an admin allows the fleet only DepotFinity's chargers, and a dispatcher's Petit Monde booking
// is refused before anything is sent, with the policy and the figure named; removing the policy lifts it. A driver's
// override holds only the bookings for her, and names her.
import pg from "pg";
import { test, expect, runtime, signInAs } from "./fixtures";
import { wizardNearDepot } from "./page-records";

test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

let client: pg.Client;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
});

test.afterAll(async () => {
  // However the tests ended, the demo fleet is left without their policies.
  await client.query(
    `DELETE FROM "SpendingPolicy" WHERE "fleetId" = (SELECT id FROM "Fleet" WHERE name = 'Berlin Vans')
       AND ("userId" IS NULL OR "userId" = (SELECT id FROM "User" WHERE email = 'driver@demo.fleet'))
       AND "vehicleId" IS NULL`,
  );
  await client.end();
});

test("a booking the fleet's policy does not allow is refused with the policy named", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  const form = page.getByRole("form", { name: "Spending policy" });
  await expect(form.getByLabel("Policy for")).toHaveValue("fleet");
  // A cap without its currency is refused beside the field, in plain words.
  await form.getByLabel("Currency").fill("");
  await form.getByLabel("Cap per session").fill("25");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText("Enter a currency code, e.g. EUR")).toBeVisible();
  await form.getByLabel("Currency").fill("EUR");
  await form.getByLabel("Cap per session").fill("");
  await form.getByLabel("DepotFinity").check();
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByRole("status")).toHaveText("The policy is saved.");
  await expect(page.getByTestId("spending-policies")).toContainText("through DepotFinity");

  const dispatcher = await browser.newPage();
  await signInAs(dispatcher, "dispatcher");
  await wizardNearDepot(dispatcher, 40);
  await dispatcher.getByRole("button", { name: "Confirm booking" }).click();
  await expect(
    dispatcher.getByText("Booking through Petit Monde is not allowed in the fleet's policy (allowed: DepotFinity)."),
  ).toBeVisible({ timeout: 30_000 });
  await expect(dispatcher).toHaveURL(/\/bookings\/new/);

  await form.getByRole("button", { name: "Remove the fleet's policy" }).click();
  await expect(form.getByRole("status")).toHaveText("The policy is removed.");
  await expect(page.getByText("No spending policy: bookings and starts are not limited here.")).toBeVisible();
  await dispatcher.close();
});

test("a driver's override holds the bookings for her to its own rules, and names her", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  const form = page.getByRole("form", { name: "Spending policy" });
  await form.getByLabel("Policy for").selectOption({ label: "Dora Driver" });
  await expect(form.getByText("An override replaces the fleet's rules where a field is set here")).toBeVisible();
  await form.getByLabel("DepotFinity").check();
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByRole("status")).toHaveText("The policy is saved.");
  await expect(page.getByTestId("spending-policies")).toContainText("Override for Dora Driver");

  const dispatcher = await browser.newPage();
  await signInAs(dispatcher, "dispatcher");
  await wizardNearDepot(dispatcher, 42);
  // Back to the driver's step: the booking is for Dora.
  await dispatcher.getByRole("button", { name: "Back" }).click();
  const driver = dispatcher.getByLabel("Assign to driver (optional)");
  await driver.selectOption({ label: "Dora Driver" });
  await dispatcher.getByRole("button", { name: "Next" }).click();
  await dispatcher.getByRole("button", { name: "Confirm booking" }).click();
  await expect(
    dispatcher.getByText(
      "Booking through Petit Monde is not allowed in the policy for Dora Driver (allowed: DepotFinity).",
    ),
  ).toBeVisible({ timeout: 30_000 });
  await expect(dispatcher).toHaveURL(/\/bookings\/new/);

  // The same booking for nobody yet is held to the fleet's rules only: there are none, so it is booked.
  await dispatcher.getByRole("button", { name: "Back" }).click();
  await driver.selectOption({ label: "Nobody yet" });
  await dispatcher.getByRole("button", { name: "Next" }).click();
  await dispatcher.getByRole("button", { name: "Confirm booking" }).click();
  await expect(dispatcher.getByTestId("booking-status")).toBeVisible({ timeout: 30_000 });
  await dispatcher.close();

  await form.getByLabel("Policy for").selectOption({ label: "Dora Driver" });
  await form.getByRole("button", { name: "Remove this override" }).click();
  await expect(form.getByRole("status")).toHaveText("The policy is removed.");
  await expect(page.getByText("No spending policy: bookings and starts are not limited here.")).toBeVisible();
});
