// An admin creates an API token on the fleet's page; a machine books near the depot with it and lists the
// booking; the audit log names the token as who booked; once revoked, the token is refused.
import { test, expect, sandbox, signInAs } from "./fixtures";

const DEPOT = { latitude: 52.4731, longitude: 13.4036 }; // Berlin depot Tempelhof (demo data)

async function windowAhead(hoursAhead: number): Promise<{ windowStart: string; windowEnd: string }> {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 3_600_000).toISOString() };
}

test("a token made in the UI books through the API, is audited as itself, and stops working when revoked", async ({
  page,
  request,
}) => {
  const name = `E2E robot ${Math.random().toString(36).slice(2, 8)}`;
  await signInAs(page, "admin");
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await page.getByRole("link", { name: "Manage API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens of Berlin Vans" })).toBeVisible();

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption("DISPATCHER");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("created-token-value").textContent())!.trim();
  expect(token).toMatch(/^fct_[0-9A-Za-z]{40}$/);
  const row = page.getByTestId(`api-token-${token.slice(0, 12)}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("Dispatcher");
  await expect(row).toContainText("Never");

  const auth = { Authorization: `Bearer ${token}` };
  const window = await windowAhead(30);
  const found = await request.get("/api/v1/chargers", {
    headers: auth,
    params: { provider: "PETITMONDE", ...DEPOT, radiusKm: 10, ...window },
  });
  expect(found.status()).toBe(200);
  const { locations } = (await found.json()) as {
    locations: Array<{ evses: Array<{ locationId: string; evseUid: string; connectorId?: string; charger: unknown }> }>;
  };
  const evse = locations.flatMap((l) => l.evses)[0];
  expect(evse, "a bookable charge point near the depot").toBeTruthy();

  const body = {
    provider: "PETITMONDE",
    locationId: evse.locationId,
    evseUid: evse.evseUid,
    ...(evse.connectorId ? { connectorId: evse.connectorId } : {}),
    charger: evse.charger,
    ...window,
    tokenStrategy: "GROUP_TOKEN",
  };
  const key = `e2e-${name.replaceAll(" ", "-")}`;
  const created = await request.post("/api/v1/bookings", { headers: { ...auth, "Idempotency-Key": key }, data: body });
  expect(created.status(), await created.text()).toBe(201);
  const { bookingId } = (await created.json()) as { bookingId: string };
  const repeated = await request.post("/api/v1/bookings", { headers: { ...auth, "Idempotency-Key": key }, data: body });
  expect(repeated.headers()["idempotent-replayed"]).toBe("true");
  expect(((await repeated.json()) as { bookingId: string }).bookingId).toBe(bookingId);

  const listed = await request.get("/api/v1/bookings", { headers: auth });
  expect(listed.status()).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain(bookingId);

  await page.goto("/audit");
  await expect(page.getByText(`API token «${name}» created booking`)).toBeVisible();

  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await page.getByRole("link", { name: "Manage API tokens" }).click();
  await expect(page.getByTestId(`api-token-${token.slice(0, 12)}`)).not.toContainText("Never");
  await page.getByRole("button", { name: `Revoke the token ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId(`api-token-${token.slice(0, 12)}`)).toContainText("Revoked");

  const refused = await request.get("/api/v1/bookings", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
});
