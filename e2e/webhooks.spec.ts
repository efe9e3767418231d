// An admin registers a webhook in the UI and sends it a test event; a machine books with an API token; the
// receiver here gets the booking's confirmation, signed with the secret the page showed once; a delivery is
// replayed from the log with the same body; the audit log names the token as who booked; the webhook is deleted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "../lib/webhooks/signature";
import { test, expect, sandbox, signInAs } from "./fixtures";

const DEPOT = { latitude: 52.4731, longitude: 13.4036 }; // Berlin depot Tempelhof (demo data)

interface Delivery {
  path: string;
  signature: string;
  body: string;
  envelope: { id: string; type: string; data: { bookingId?: string; status?: string } };
}

/** A receiver on this machine that keeps every POST and answers 204. */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      deliveries.push({
        path: request.url ?? "",
        signature: String(request.headers[SIGNATURE_HEADER.toLowerCase()] ?? ""),
        body,
        envelope: JSON.parse(body) as Delivery["envelope"],
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { deliveries, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

async function windowAhead(hoursAhead: number): Promise<{ windowStart: string; windowEnd: string }> {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 3_600_000).toISOString() };
}

async function openFleetPage(page: Page, link: string) {
  await page.goto("/fleets");
  await page.getByRole("link", { name: "Berlin Vans" }).click();
  await page.getByRole("link", { name: link }).click();
}

test("a webhook registered in the UI receives a token's booking confirmation, signed, and a replay", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const run = Math.random().toString(36).slice(2, 8);
  const hookUrl = `${receiver.url}/fleet-events-${run}`;
  const mine = () => receiver.deliveries.filter((d) => d.path === `/fleet-events-${run}`);
  try {
    await signInAs(page, "admin");
    await openFleetPage(page, "Manage webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks of Berlin Vans" })).toBeVisible();

    // A form error in words, next to the field.
    const form = page.getByRole("form", { name: "Register a webhook" });
    await form.getByLabel("Address (URL)").fill("http://10.0.0.8/hook");
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(form.getByText("This address is on a private network", { exact: false })).toBeVisible();

    await form.getByLabel("Address (URL)").fill(hookUrl);
    await form.getByLabel("Description (optional)").fill(`E2E receiver ${run}`);
    await expect(form.getByLabel("A booking's status changed")).toBeChecked();
    await form.getByRole("button", { name: "Register webhook" }).click();
    const secret = (await page.getByTestId("created-secret-value").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const hooks = page.getByRole("table", { name: "Webhooks" });
    await expect(hooks).toContainText(hookUrl);
    await expect(hooks).toContainText("Active");

    // A test event arrives signed, and the log says it was delivered.
    await page.getByRole("button", { name: `Send a test event to ${hookUrl}` }).click();
    await expect
      .poll(() => mine().filter((d) => d.envelope.type === "webhook.test").length, { timeout: 20_000 })
      .toBe(1);
    const [testEvent] = mine();
    expect(verifyWebhookSignature(secret, testEvent.signature, testEvent.body)).toEqual({ valid: true });
    const log = page.getByRole("table", { name: "Webhook deliveries" });
    const testRow = log.getByRole("row").filter({ hasText: "Test event" }).filter({ hasText: hookUrl });
    await expect(testRow).toContainText("Delivered", { timeout: 20_000 });
    await expect(testRow).toContainText("Answered HTTP 204");

    // A machine books with a token made on the API tokens page.
    const name = `E2E hook robot ${run}`;
    await openFleetPage(page, "Manage API tokens");
    const tokenForm = page.getByRole("form", { name: "Create an API token" });
    await tokenForm.getByLabel("Name").fill(name);
    await tokenForm.getByLabel("Role").selectOption("DISPATCHER");
    await tokenForm.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("created-token-value").textContent())!.trim();
    const auth = { Authorization: `Bearer ${token}` };
    const window = await windowAhead(31);
    const found = await request.get("/api/v1/chargers", {
      headers: auth,
      params: { provider: "PETITMONDE", ...DEPOT, radiusKm: 10, ...window },
    });
    expect(found.status()).toBe(200);
    const { locations } = (await found.json()) as {
      locations: Array<{
        evses: Array<{ locationId: string; evseUid: string; connectorId?: string; charger: unknown }>;
      }>;
    };
    const evse = locations.flatMap((l) => l.evses).at(-1);
    expect(evse, "a bookable charge point near the depot").toBeTruthy();
    const created = await request.post("/api/v1/bookings", {
      headers: { ...auth, "Idempotency-Key": `e2e-hook-${run}` },
      data: {
        provider: "PETITMONDE",
        locationId: evse!.locationId,
        evseUid: evse!.evseUid,
        ...(evse!.connectorId ? { connectorId: evse!.connectorId } : {}),
        charger: evse!.charger,
        ...window,
        tokenStrategy: "GROUP_TOKEN",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { bookingId } = (await created.json()) as { bookingId: string };

    // The operator confirms; reading the booking brings the change in, and the webhook tells of it.
    const detail = async () =>
      (await (await request.get(`/api/v1/bookings/${bookingId}`, { headers: auth })).json()) as {
        booking: { status: string; providerBookingId: string | null };
      };
    await expect.poll(async () => (await detail()).booking.providerBookingId, { timeout: 20_000 }).toBeTruthy();
    const providerBookingId = (await detail()).booking.providerBookingId!;
    const forced = await sandbox(`/_sandbox/petitmonde/bookings/${providerBookingId}/status`, {
      body: { status: "CONFIRMED" },
    });
    expect(forced.ok).toBe(true);
    await expect.poll(async () => (await detail()).booking.status, { timeout: 30_000 }).toBe("CONFIRMED");
    const confirmation = () =>
      mine().find(
        (d) =>
          d.envelope.type === "booking.status_changed" &&
          d.envelope.data.bookingId === bookingId &&
          d.envelope.data.status === "CONFIRMED",
      );
    await expect.poll(() => confirmation() !== undefined, { timeout: 30_000 }).toBe(true);
    expect(verifyWebhookSignature(secret, confirmation()!.signature, confirmation()!.body)).toEqual({ valid: true });
    expect(verifyWebhookSignature("whsec_not-this-one", confirmation()!.signature, confirmation()!.body).valid).toBe(
      false,
    );

    // A replay from the log sends the same event, byte for byte.
    await openFleetPage(page, "Manage webhooks");
    await page
      .getByRole("button", { name: `Replay the delivery of Test event to ${hookUrl}` })
      .first()
      .click();
    await expect(page.getByText("Replayed: a new delivery of the same event is on its way.")).toBeVisible();
    await expect
      .poll(() => mine().filter((d) => d.envelope.type === "webhook.test").length, { timeout: 20_000 })
      .toBe(2);
    const tests = mine().filter((d) => d.envelope.type === "webhook.test");
    expect(tests[1].body).toBe(tests[0].body);

    await page.goto("/audit");
    await expect(page.getByText(`API token «${name}» created booking`)).toBeVisible();
    await expect(page.getByText(`registered the webhook ${hookUrl}`).first()).toBeVisible();

    // Deleted, it is gone from the list.
    await openFleetPage(page, "Manage webhooks");
    await page.getByRole("button", { name: `Delete the webhook ${hookUrl}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("table", { name: "Webhooks" })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
