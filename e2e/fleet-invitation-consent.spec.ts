// Nobody joins a fleet without saying yes: an admin invites an existing user of another fleet by email and
// sees the same confirmation as for an address without an account; the invited user finds the invitation
// in her notifications, accepts it, and lands in the fleet.
import { test, expect, signInAs, signOut, DEMO } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

test("an invited user of another fleet accepts the invitation herself and lands in the fleet", async ({ page }) => {
  // A fleet of the admin's own, so that the demo fleets stay as they are.
  const fleetName = `Consent ${unique()}`;
  await signInAs(page, "admin");
  await page.goto("/fleets/new");
  await page.getByLabel("Fleet name (optional)").fill(fleetName);
  await expect(page.getByTestId("fleet-id-status")).toContainText("available");
  await page.getByRole("button", { name: "Create fleet" }).click();
  await page.waitForURL(/\/fleets\/(?!new)[^/]+$/);

  // Dana drives for Munich Service; she is invited here as a driver.
  const invite = async (email: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("DRIVER");
    await page.getByRole("button", { name: "Invite" }).click();
    return (await page.getByTestId("invite-result").textContent())!.trim();
  };
  const unknown = `nobody-${unique()}@test.local`;
  const forExisting = await invite(DEMO.munichDriver);
  expect(forExisting).toBe(`Invitation sent to ${DEMO.munichDriver}. Nothing changes until they accept it.`);
  await expect(page.getByTestId("invite-result")).toHaveText(forExisting);
  const forUnknown = await invite(unknown);
  // The very same words, whether or not the address has an account.
  await expect(page.getByTestId("invite-result")).toHaveText(forExisting.replace(DEMO.munichDriver, unknown));
  expect(forUnknown.replace(unknown, "ADDRESS")).toBe(forExisting.replace(DEMO.munichDriver, "ADDRESS"));

  // Neither is a member: both wait for an answer, and can be withdrawn.
  await expect(page.getByTestId(`member-${DEMO.munichDriver}`)).toHaveCount(0);
  await expect(page.getByTestId(`invitation-${DEMO.munichDriver}`)).toContainText("Invited as Driver");
  await expect(page.getByTestId(`invitation-${unknown}`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Withdraw the invitation for ${unknown}` })).toBeVisible();
  const fleetUrl = page.url();
  await signOut(page);

  // Dana signs in: the bell tells her, and leads to the invitation.
  await signInAs(page, "munichDriver");
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  const notice = page
    .getByRole("dialog", { name: "Notifications" })
    .getByRole("listitem")
    .filter({ hasText: `Ada Admin invited you to join ${fleetName}` });
  await expect(notice).toBeVisible();
  await notice.getByRole("link", { name: "Open" }).click();
  await page.waitForURL(/\/invitations$/);
  const invitation = page.getByTestId(`invitation-${fleetName}`);
  await expect(invitation).toContainText(`Ada Admin invited you to join ${fleetName} as Driver`);

  await invitation.getByRole("button", { name: `Accept the invitation to ${fleetName}` }).click();
  // She lands in the fleet, as its driver, with her other fleet still hers.
  await page.waitForURL(/\/my-bookings/);
  await expect(page.getByLabel("Fleet").locator("option:checked")).toHaveText(`${fleetName} · Driver`);
  await expect(page.getByLabel("Fleet").locator("option", { hasText: "Munich Service" })).toHaveCount(1);
  await page.goto("/invitations");
  await expect(page.getByText("No invitations are waiting for your answer.")).toBeVisible();
  await signOut(page);

  // The admin sees her among the members; the other invitation still waits.
  await signInAs(page, "admin");
  await page.goto(fleetUrl);
  await expect(page.getByTestId(`member-${DEMO.munichDriver}`)).toBeVisible();
  await expect(page.getByTestId(`invitation-${DEMO.munichDriver}`)).toHaveCount(0);
  await expect(page.getByTestId(`invitation-${unknown}`)).toBeVisible();
});
