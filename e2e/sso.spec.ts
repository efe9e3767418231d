// Single sign-on in the browser against a real OpenID Connect provider started here: a person the identity provider
// knows lands in her fleet with the role her group maps to, and the audit log says how she came in; someone whom no
// group gives a role is told so on the sign-in page, in words.
import { test, expect, signInAs, runtime } from "./fixtures";
import { OIDC_NAME, oidcPort, startOidcProvider } from "./support/oidc";

let idp: { close(): Promise<void> } | undefined;

test.beforeAll(async () => {
  const { appUrl } = runtime();
  idp = await startOidcProvider(appUrl, oidcPort(Number(new URL(appUrl).port)));
});

test.afterAll(async () => {
  await idp?.close();
});

async function signInAtIdp(page: import("@playwright/test").Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("not checked by the development login");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The first time, the identity provider asks to share the claims with the dashboard.
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test("a person signs in with single sign-on and lands in her fleet with the role her group maps to", async ({
  page,
  browser,
}) => {
  await signInAtIdp(page, "sso-dispatcher");
  // A dispatcher's landing page, in the fleet her group names.
  await expect(page).toHaveURL(/\/map/, { timeout: 30_000 });
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await expect(nav.getByRole("link", { name: "Bookings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Fleets" })).toHaveCount(0); // not an admin
  await page.goto("/settings");
  await expect(page.getByText("Nora Single").first()).toBeVisible();
  await expect(page.getByText("nora.sso@demo.fleet").first()).toBeVisible();

  // The admin sees her in the fleet's members as a dispatcher, and the audit log says how she came in.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto("/fleets");
  await admin.getByRole("link", { name: "Berlin Vans" }).click();
  const row = admin.getByRole("row").filter({ hasText: "nora.sso@demo.fleet" });
  await expect(row).toContainText("Dispatcher");
  await admin.goto("/audit");
  await expect(admin.getByText("Nora Single got their role here from their single sign-on groups")).toBeVisible();
  await admin.context().close();
});

test("someone whom no group gives a role is told so, and not let in", async ({ page }) => {
  await signInAtIdp(page, "sso-visitor");
  await expect(page).toHaveURL(/\/login\?error=sso-no-role/, { timeout: 30_000 });
  await expect(page.getByTestId("sso-error")).toHaveText(
    `${OIDC_NAME} let you in, but none of your groups there gives you a role in a fleet here. Ask your administrator to add you to the right group.`,
  );
  await page.goto("/bookings");
  await expect(page).toHaveURL(/\/login/);
});
