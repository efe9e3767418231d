// Sign-in, landing pages per role, refusals, sign-out, and the sign-in rate limit.
import pg from "pg";
import { test, expect, signInAs, signOut, runtime, DEMO_PASSWORD } from "./fixtures";

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/fleets");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Fleet Charging" })).toBeVisible();
});

test("an admin signs in, sees the shell, and signs out", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(page).toHaveURL(/\/map/);
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  for (const label of ["Map", "Bookings", "Fleets", "Charging keys", "Sessions", "Reports", "Audit log", "Settings"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  // Two fleets: the switcher is there
  await expect(page.getByLabel("Fleet")).toBeVisible();
  await signOut(page);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login$/);
});

test("wrong credentials never say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.fleet");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await page.getByLabel("Email").fill("nobody@demo.fleet");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
});

test("malformed fields get a message beside the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("repeated failures on one account are rate-limited with a wait time", async ({ page }) => {
  await page.goto("/login");
  const email = "dispatcher@demo.fleet";
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
  }
  await expect(page.getByTestId("sign-in-error")).toHaveText(/Too many attempts\. Try again in \d+ s\./);
  // Even the right password is refused while blocked.
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(/Too many attempts/);
});

test.afterAll(async () => {
  // Lift the lock-out so the specs that follow can sign in as the dispatcher.
  const client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  await client.query(`DELETE FROM rate_limits WHERE key LIKE 'signIn%'`);
  await client.end();
});

// Pages may add their view to the query string (the map keeps its centre and zoom there).
const LANDINGS = [
  ["admin", /\/map(\?.*)?$/],
  ["manager", /\/reports(\?.*)?$/],
  ["driver", /\/my-bookings(\?.*)?$/],
] as const;

for (const [who, landing] of LANDINGS) {
  test(`the ${who} lands on their start page`, async ({ page }) => {
    await signInAs(page, who);
    await expect(page).toHaveURL(landing);
  });
}

test("a driver is refused admin pages and sees no admin links", async ({ page }) => {
  await signInAs(page, "driver");
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await expect(nav.getByRole("link", { name: "My bookings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Fleets" })).toHaveCount(0);
  for (const path of ["/fleets", "/audit", "/map", "/bookings", "/reports"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: /don't have access/ })).toBeVisible();
  }
});

test("a manager is refused admin-only pages", async ({ page }) => {
  await signInAs(page, "manager");
  for (const path of ["/fleets", "/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
  }
});

test("a tampered server-action payload gets a clean validation error", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  // Rewrite the action's arguments on the wire, past the browser-side validation.
  let tampered = false;
  await page.route("**/settings", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      tampered = true;
      await route.continue({ postData: JSON.stringify([{ currentPassword: 42, newPassword: { $ne: null } }]) });
    } else {
      await route.continue();
    }
  });
  await page.getByLabel("Current password").fill("whatever-it-is");
  await page.getByLabel("New password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Change password" }).click();
  // Plain words beside each field, never the validator's own ("Invalid input: expected string…").
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("Enter a valid value.");
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/Enter a valid value\./);
  await expect(page.getByText(/expected string|invalid input/i)).toHaveCount(0);
  expect(tampered).toBe(true);
  await expect(page.getByText(/at .*\.js|TypeError|stack/i)).toHaveCount(0);
});

test("the app shell works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signInAs(page, "admin");
  await page.getByRole("button", { name: "Open menu" }).click();
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await drawer.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});
