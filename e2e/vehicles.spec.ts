// Fleet admins keep the fleet's vehicles: a CSV import refused line by line until the file is right, then
// imported whole; add with errors beside the fields, edit, retire and reinstate; a dispatcher reads the list.
import { test, expect, sandbox, signInAs, signOut } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 6).toUpperCase();
const HEADER = "plate,name,make,model,battery_kwh,connectors,max_ac_kw,max_dc_kw,home_depot,default_driver";

function fleetFile(prefix: string, badLine?: number): string {
  const lines = Array.from({ length: 20 }, (_, i) => {
    const n = i + 1;
    const battery = n + 1 === badLine ? "lots" : "90";
    return `${prefix} ${n},Van ${n},Mercedes-Benz,eVito,${battery},Type 2|CCS,11,80,Berlin depot Tempelhof,${n === 1 ? "driver@demo.fleet" : ""}`;
  });
  return [HEADER, ...lines].join("\n");
}

test("an admin imports 20 vehicles from a CSV with one bad line, fixes it and imports all 20", async ({ page }) => {
  const prefix = `B-${unique()}`;
  await signInAs(page, "admin");
  await page.goto("/vehicles");
  await expect(page.getByRole("heading", { name: "Vehicles", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Import CSV" }).click();
  const region = page.getByRole("region", { name: "Vehicle import" });
  // The file is checked as soon as it is chosen: line 8 (the header is line 1) has no battery figure.
  await region.getByLabel("CSV file").setInputFiles({
    name: "vehicles.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(fleetFile(prefix, 8)),
  });
  const preview = page.getByTestId("vehicle-import-preview");
  await expect(preview).toContainText("Nothing will be imported until this line is fixed");
  const problems = preview.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row")).toHaveCount(2);
  const problem = problems.getByRole("row").nth(1);
  await expect(problem.getByRole("cell").nth(0)).toHaveText("8");
  await expect(problem.getByRole("cell").nth(1)).toHaveText(`${prefix} 7`);
  await expect(problem.getByRole("cell").nth(2)).toHaveText("battery_kwh");
  await expect(problem.getByRole("cell").nth(3)).toContainText("as a number of kWh");
  await expect(region.getByRole("button", { name: "Import", exact: true })).toBeDisabled();

  // Fixed in place: the text must be checked again before it can be imported.
  await region.getByLabel("Or paste its text").fill(fleetFile(prefix));
  await expect(preview).toContainText("The text changed since it was checked");
  await region.getByRole("button", { name: "Check file" }).click();
  await expect(preview).toContainText("The file is ready: 20 new, 0 changed, 0 unchanged.");
  await expect(preview.getByRole("table", { name: "What the import will do" }).getByRole("row")).toHaveCount(21);
  await region.getByRole("button", { name: "Import 20 vehicles" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported: 20 new, 0 changed, 0 unchanged." })).toBeVisible();

  // All twenty are in the list, found by their plates; the first with its driver and depot.
  await page.getByLabel("Search").fill(prefix);
  await page.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(page.getByText("1–20 of 20")).toBeVisible();
  const first = page.getByTestId(`vehicle-${prefix} 1`);
  await expect(first).toContainText("Berlin depot Tempelhof");
  await expect(first).toContainText("CCS (Type 2)");
  await expect(first).toContainText("DC 80 kW");

  // The same file again changes nothing.
  await page.getByRole("button", { name: "Import CSV" }).click();
  await region.getByLabel("Or paste its text").fill(fleetFile(prefix));
  await region.getByRole("button", { name: "Check file" }).click();
  await expect(preview).toContainText("0 new, 0 changed, 20 unchanged");
  await expect(region.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
});

test("an admin adds, edits, retires and reinstates a vehicle; a dispatcher only reads", async ({ page }) => {
  const plate = `B-${unique()} 99`;
  await signInAs(page, "admin");
  await page.goto("/vehicles");
  await page.getByRole("button", { name: "Add vehicle" }).click();
  const form = page.getByRole("form", { name: "New vehicle" });
  await form.getByRole("checkbox", { name: "CCS (Type 2)" }).uncheck();
  await form.getByRole("checkbox", { name: "CHAdeMO" }).check();
  await form.getByLabel("Max. AC power (kW)").fill("");
  await form.getByRole("button", { name: "Add vehicle" }).click();
  // Each problem beside its field, in plain words.
  await expect(form.getByText("Enter the number plate.")).toBeVisible();
  await expect(form.getByText("Enter the battery capacity in kWh.")).toBeVisible();
  await expect(form.getByText("Enter the most AC power the vehicle takes, in kW.")).toBeVisible();
  await expect(form.getByText("Enter the most DC power the vehicle takes, in kW.")).toBeVisible();

  await form.getByLabel("Number plate").fill(plate.toLowerCase());
  await form.getByLabel("Name").fill("Leaf 1");
  await form.getByLabel("Battery capacity (kWh)").fill("39,5");
  await form.getByLabel("Max. AC power (kW)").fill("6.6");
  await form.getByLabel("Max. DC power (kW)").fill("46");
  await form.getByLabel("Default driver").selectOption({ label: "Dora Driver (driver@demo.fleet)" });
  await form.getByRole("button", { name: "Add vehicle" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${plate} was added.` })).toBeVisible();

  await page.getByLabel("Search").fill(plate);
  await page.getByLabel("Search").press("Enter");
  const row = page.getByTestId(`vehicle-${plate}`);
  await expect(row).toContainText("39.5 kWh");
  await expect(row).toContainText("Dora Driver");
  await row.getByRole("button", { name: `Edit ${plate}` }).click();
  await page.getByLabel("Name").fill("Leaf one");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId(`vehicle-${plate}`)).toContainText("Leaf one");

  await page.getByRole("button", { name: `Retire ${plate}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${plate} is retired` })).toBeVisible();
  await expect(page.getByTestId(`vehicle-${plate}`)).toHaveCount(0);
  await page.getByLabel("Status").selectOption("retired");
  await page.getByRole("button", { name: `Reinstate ${plate}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${plate} is back in service.` })).toBeVisible();

  await signOut(page);
  await signInAs(page, "dispatcher");
  await page.goto(`/vehicles?q=${encodeURIComponent(plate)}`);
  await expect(page.getByTestId(`vehicle-${plate}`)).toContainText("Leaf one");
  await expect(page.getByRole("button", { name: "Add vehicle" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Edit ${plate}` })).toHaveCount(0);
});

test("a dispatcher booking for a vehicle is offered only charge points whose connector fits it, with its charging time", async ({
  page,
}) => {
  await signInAs(page, "dispatcher");
  await page.goto("/bookings/new");
  await page.getByLabel("Provider").selectOption({ label: "Petit Monde" });
  const chargePoints = page.getByRole("list", { name: "Chargers" }).getByRole("listitem").getByRole("button");

  // Without a vehicle: every connector the provider has around the depot.
  await page.getByRole("button", { name: "Search chargers" }).click();
  await expect(chargePoints.first()).toBeVisible();
  const all = await chargePoints.allInnerTexts();

  // The demo's CCS van: no CHAdeMO charge point, and a top-up time on each.
  await page.getByLabel("For vehicle").selectOption({ label: "B-BV 101 · Van 1" });
  await expect(chargePoints.first()).toContainText("10–80 % in about");
  const forCcs = await chargePoints.allInnerTexts();
  expect(forCcs.length).toBeGreaterThan(0);
  expect(forCcs.every((label) => /Type 2|CCS/.test(label) && !label.includes("CHAdeMO"))).toBe(true);

  // The Nissan (Type 2 and CHAdeMO): no CCS.
  await page.getByLabel("For vehicle").selectOption({ label: "B-BV 105 · Van 5" });
  await expect(chargePoints.first()).toBeVisible();
  const forChademo = await chargePoints.allInnerTexts();
  expect(forChademo.some((label) => label.includes("CCS"))).toBe(false);
  // What is left out is said, and it is what the vehicle cannot use.
  const leftOut = all.filter((label) => label.includes("CCS")).length;
  if (leftOut > 0) await expect(page.getByTestId("charger-hidden")).toContainText(/not fit B-BV 105/);
  expect(forChademo.length + leftOut).toBeLessThanOrEqual(all.length);
});

test("on the map, a dispatcher filtering for a CCS van sees no charger without a connector it takes", async ({
  page,
}) => {
  await signInAs(page, "dispatcher");
  await page.goto("/map?lat=52.51&lng=13.39&z=13");
  const answer = page.waitForResponse(
    (r) => r.url().includes("/api/chargers?") && r.url().includes("connectors=IEC_62196_T2%2CIEC_62196_T2_COMBO"),
  );
  await page.getByLabel("For vehicle").selectOption({ label: "B-BV 101 · Van 1" });
  await expect(page).toHaveURL(/connectors=IEC_62196_T2(,|%2C)IEC_62196_T2_COMBO/);
  const { chargers } = (await (await answer).json()) as {
    chargers: Array<{ name: string; evses: Array<{ connectors: Array<{ standard: string }> }> }>;
  };
  expect(chargers.length).toBeGreaterThan(0);
  for (const charger of chargers) {
    const standards = charger.evses.flatMap((e) => e.connectors.map((c) => c.standard));
    expect(
      standards.some((s) => s === "IEC_62196_T2" || s === "IEC_62196_T2_COMBO"),
      charger.name,
    ).toBe(true);
  }
  // A reload keeps the choice: it is the connectors in the link.
  await page.reload();
  await expect(page.getByLabel("For vehicle")).toHaveValue(/.+/);
});

test("a booking made for a vehicle names it on its page and on the driver's bookings", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A window of its own, 30 hours ahead of the sandbox's clock: the search then lists only charge points free in it.
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + 30 * 3_600_000 + 17 * 60_000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 3_600_000);
  await signInAs(page, "dispatcher");
  await page.goto(`/bookings/new?${new URLSearchParams({ start: start.toISOString(), end: end.toISOString() })}`);
  await page.getByLabel("Provider").selectOption({ label: "Petit Monde" });
  await page.getByLabel("For vehicle").selectOption({ label: "B-BV 101 · Van 1" });
  await page.getByRole("button", { name: "Search chargers" }).click();
  await page.getByRole("list", { name: "Chargers" }).getByRole("button", { disabled: false }).first().click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Start")).not.toHaveValue("");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Review")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByTestId("booking-vehicle")).toHaveText("B-BV 101 · Van 1", { timeout: 30_000 });
  const bookingId = page.url().split("/").pop();

  // The van's regular driver was proposed and charges: she sees which van.
  await expect(page.getByTestId("assigned-driver")).toHaveText("Dora Driver");
  const driverPage = await browser.newPage();
  await signInAs(driverPage, "driver");
  await driverPage.goto("/my-bookings");
  await expect(driverPage.locator(`[data-booking-id="${bookingId}"]`).getByTestId("booking-vehicle")).toHaveText(
    "Vehicle: B-BV 101 · Van 1",
  );
  await driverPage.close();
});
