// Fleet admins configure their depot chargers: empty state, add with errors beside the fields, edit, CSV
// import with row errors first, delete with confirmation; the demo fleet's chargers come from the sandbox.
import { test, expect, signInAs, signOut } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

test("an admin adds, edits, imports and deletes depot chargers", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/fleets/new");
  const name = `E2E Depot ${unique()}`;
  await page.getByLabel("Fleet name (optional)").fill(name);
  await expect(page.getByTestId("fleet-id-status")).toContainText("available");
  await page.getByRole("button", { name: "Create fleet" }).click();
  await page.waitForURL(/\/fleets\/(?!new)[^/]+$/);
  await page.getByRole("link", { name: "Manage depot chargers" }).click();
  await expect(page.getByRole("heading", { name: "No depot chargers yet" })).toBeVisible();
  await expect(page.getByText("DepotFinity does not publish a list")).toBeVisible();

  // Errors sit next to the fields, in plain words.
  await page.getByRole("button", { name: "Add charger" }).click();
  const form = page.getByRole("form", { name: "Add a depot charger" });
  await form.getByRole("button", { name: "Add charger" }).click();
  await expect(form.getByText("Enter the charger id")).toBeVisible();
  await expect(form.getByText("Enter a name")).toBeVisible();
  await expect(form.getByText("Enter the latitude")).toBeVisible();

  await form.getByLabel("Charger id at DepotFinity").fill("BER-CH02");
  await form.getByLabel("Name").fill("Tempelhof DC 2");
  await form.getByLabel("Latitude").fill("52.4669");
  await form.getByLabel("Longitude").fill("13.3952");
  await form.getByLabel("Standard").selectOption("IEC_62196_T2_COMBO");
  await form.getByLabel("Power (kW)").fill("150");
  await form.getByRole("button", { name: "Add charger" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added “Tempelhof DC 2”." })).toBeVisible();
  const row = page.getByTestId("depot-charger-BER-CH02");
  await expect(row).toContainText("150 kW");

  await row.getByRole("button", { name: "Edit BER-CH02" }).click();
  await page.getByLabel("Name").fill("Tempelhof fast");
  await page.getByRole("button", { name: "Save charger" }).click();
  await expect(page.getByTestId("depot-charger-BER-CH02")).toContainText("Tempelhof fast");

  // A file with a bad row shows the row's problem and imports nothing until it is fixed.
  await page.getByRole("button", { name: "Import CSV" }).click();
  const csv = page.getByLabel("…or paste the rows");
  const header = "charger_id,name,latitude,longitude,connectors";
  await csv.fill(
    `${header}\nBER-CH06,Tempelhof AC 6,52.4673,13.3954,1:IEC_62196_T2:22|2:IEC_62196_T2:22\nBER-CH07,,52.4674,13.3955,1:IEC_62196_T2:22`,
  );
  await expect(page.getByTestId("import-preview")).toContainText("Row 3 (BER-CH07): name: Enter a name");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await csv.fill(`${header}\nBER-CH06,Tempelhof AC 6,52.4673,13.3954,1:IEC_62196_T2:22|2:IEC_62196_T2:22`);
  await expect(page.getByTestId("import-preview")).toContainText("1 charger ready to import");
  await page.getByRole("button", { name: "Import 1 charger", exact: true }).click();
  await expect(page.getByText("Imported: 1 added, 0 updated, 0 unchanged.")).toBeVisible();
  await expect(page.getByTestId("depot-charger-BER-CH06")).toBeVisible();

  await page.getByTestId("depot-charger-BER-CH06").getByRole("button", { name: "Delete BER-CH06" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete Tempelhof AC 6 (BER-CH06)?" });
  await expect(confirm).toContainText("bookings already made stay");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("depot-charger-BER-CH06")).toHaveCount(0);
  await expect(page.getByTestId("depot-charger-BER-CH02")).toBeVisible();
});

test("the demo fleet's depot chargers are configured, and only admins see the page", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await page.getByRole("link", { name: "Manage depot chargers" }).click();
  await expect(page.getByTestId("depot-charger-BER-CH01")).toBeVisible();
  const url = page.url();
  await signOut(page);

  await signInAs(page, "dispatcher");
  const response = await page.goto(url);
  expect(page.url().includes("/forbidden") || response?.status() === 404).toBe(true);
});
