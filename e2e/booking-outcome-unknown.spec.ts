// A DepotFinity booking whose answer was lost waits for the dispatcher's choice: keep it, or remove it at
// DepotFinity — which frees the slot, or says plainly that DepotFinity holds it and how to free it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

interface DepotCharger {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  connectors: string[];
}

const HOUR = 3_600_000;

async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A slot of its own: a depot connector and a window days ahead, clear of every other spec. */
async function freeSlot(n: number) {
  const { chargers } = (await (await sandbox("/_sandbox/depotfinity/chargers")).json()) as { chargers: DepotCharger[] };
  const charger = chargers[n % chargers.length];
  const start = new Date(
    Math.ceil((Date.now() + (20 * 24 + n * 5 + Math.floor(Math.random() * 400)) * HOUR) / HOUR) * HOUR,
  );
  return { charger, connectorId: charger.connectors[0], start, end: new Date(start.getTime() + HOUR) };
}

/** What the reconciler leaves behind when DepotFinity's answer to a reservation was lost. */
async function unconfirmedBooking(slot: Awaited<ReturnType<typeof freeSlot>>): Promise<string> {
  const [fleet] = await query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`);
  const [dispatcher] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'dispatcher@demo.fleet'`);
  const id = `e2e-${randomUUID()}`;
  const snapshot = {
    name: slot.charger.name,
    latitude: slot.charger.latitude,
    longitude: slot.charger.longitude,
    timeZone: slot.charger.timeZone,
    reservable: true,
  };
  await query(
    `INSERT INTO "Booking" (id, "fleetId", provider, "externalId", status, "locationId", "evseUid", "connectorId",
       "locationSnapshot", "windowStart", "windowEnd", "tokenStrategy", "rfidValue", "createdById", "submitAttempts",
       "answerLost", "submittedAt", "lastError", "updatedAt")
     VALUES ($1, $2, 'DEPOTFINITY', $3, 'OUTCOME_UNKNOWN', $4, $5, $5, $6, $7, $8, 'RFID', '89C4704A', $9, 1, true,
       now(), 'DepotFinity did not confirm the reservation and offers no way to look it up.', now())`,
    [
      id,
      fleet.id,
      `fleet-${randomUUID()}`,
      slot.charger.id,
      slot.connectorId,
      snapshot,
      slot.start,
      slot.end,
      dispatcher.id,
    ],
  );
  return id;
}

async function reservationsAt(slot: Awaited<ReturnType<typeof freeSlot>>) {
  const { reservations } = (await (await sandbox("/_sandbox/depotfinity/reservations")).json()) as {
    reservations: Array<{ chargerId: string; connectorId: string; start: string }>;
  };
  return reservations.filter(
    (r) =>
      r.chargerId === slot.charger.id &&
      r.connectorId === slot.connectorId &&
      Date.parse(r.start) === slot.start.getTime(),
  );
}

/** A reservation made at DepotFinity directly, as if the lost answer's request had gone through. */
async function reserveDirectly(slot: Awaited<ReturnType<typeof freeSlot>>) {
  const base = runtime().sandboxUrl;
  const token = (await (
    await fetch(`${base}/depotfinity-auth/oauth2/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from("sandbox-depot-client:sandbox-depot-secret").toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    })
  ).json()) as { access_token: string };
  const response = await fetch(
    `${base}/depotfinity/v1/reservations/chargers/${slot.charger.id}/connectors/${slot.connectorId}`,
    {
      method: "POST",
      headers: { Authorization: `Bearer ${token.access_token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        ReservationStart: slot.start.toISOString(),
        ReservationEnd: slot.end.toISOString(),
        AuthorizationType: "RFID",
        AuthorizationValue: "89C4704A",
      }),
    },
  );
  expect(response.status).toBe(201);
}

test.describe("a booking whose outcome is unknown", () => {
  test("the dispatcher removes it at DepotFinity and the slot is free", async ({ page }) => {
    const slot = await freeSlot(1);
    const bookingId = await unconfirmedBooking(slot);
    await signInAs(page, "dispatcher");
    await page.goto(`/bookings/${bookingId}`);
    await expect(page.getByTestId("booking-status")).toHaveText("Outcome unknown");
    await expect(page.getByRole("heading", { name: "Did DepotFinity make this booking?" })).toBeVisible();
    await page.getByRole("button", { name: "Remove it at DepotFinity" }).click();
    await expect(page.getByTestId("unknown-outcome-message")).toHaveText("Removed at the provider.");
    await expect(page.getByTestId("booking-status")).toHaveText("Cancelled");
    expect(await reservationsAt(slot)).toHaveLength(0);
  });

  test("when DepotFinity holds the slot, the page says so and how to free it", async ({ page }) => {
    const slot = await freeSlot(2);
    await reserveDirectly(slot);
    const bookingId = await unconfirmedBooking(slot);
    await signInAs(page, "dispatcher");
    await page.goto(`/bookings/${bookingId}`);
    await page.getByRole("button", { name: "Remove it at DepotFinity" }).click();
    await expect(page.getByTestId("unknown-outcome-message")).toContainText("DepotFinity's portal");
    await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
    expect(await reservationsAt(slot)).toHaveLength(1);
  });

  test("the dispatcher keeps it, and it counts as confirmed", async ({ page }) => {
    const slot = await freeSlot(3);
    const bookingId = await unconfirmedBooking(slot);
    await signInAs(page, "dispatcher");
    await page.goto(`/bookings/${bookingId}`);
    await page.getByRole("button", { name: "Keep it" }).click();
    await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
    await expect(page.getByRole("button", { name: "Keep it" })).toHaveCount(0);
  });
});
