// Prices say what they are: a Plugsurfing tariff reads as a rate ("Fleet rate: €0.44 per kWh"), a Petit
// Monde quote as the cost of a booking with its rate ("Estimated cost: €5.85 for this booking, at €0.49 per
// kWh") — on the map panel, in the booking wizard and in the alternatives offered after a 409.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";

const DEPOT = { lat: 52.4731, lng: 13.4036 }; // Berlin depot Tempelhof (demo data)
const PETIT_MONDE = { "X-API-Key": "sandbox-petitmonde-key" };
const PLUGSURFING = { "X-API-Key": "sandbox-plugsurfing-key" };
const BERLIN_VANS_AT_PLUGSURFING = "demo-berlin-vans";

const MONEY = String.raw`€\d+\.\d{2}`;
const RATE = new RegExp(`^Fleet rate: (${MONEY}) per kWh( \\+ ${MONEY} per (min|session))*$`);
const MAP_ESTIMATE = new RegExp(`^Estimated cost: ${MONEY} for a booking, at ${MONEY} per kWh$`);
const BOOKING_ESTIMATE = new RegExp(`Estimated cost: ${MONEY} for this booking, at ${MONEY} per kWh`);
const POWER = /\d+(\.\d+)? kW (AC|DC)/;

interface WireLocation {
  location_id: string;
  evses: Array<{ evse_uid: string; capabilities: string[]; connectors?: Array<{ id: string }> }>;
  pricing: { estimated_price: number; price_per_kwh: number };
}

test.use({ locale: "en-GB" });

/** A one-hour window this many hours after the sandbox's now, on a whole minute. */
async function windowAhead(hoursAhead: number) {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** The first reservable Petit Monde charge point near the depot free in the window, priced for it. */
async function freeChargePoint(window: { start: string; end: string }) {
  const params = new URLSearchParams({
    lat: String(DEPOT.lat),
    lng: String(DEPOT.lng),
    radius: "10",
    start_time: window.start,
    end_time: window.end,
  });
  const response = await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/search?${params}`, {
    headers: PETIT_MONDE,
  });
  const { results } = (await response.json()) as { results: WireLocation[] };
  const location = results.find((l) => l.evses.some((e) => e.capabilities.includes("RESERVABLE")))!;
  return { location, evse: location.evses.find((e) => e.capabilities.includes("RESERVABLE"))! };
}

type ChargePoint = Awaited<ReturnType<typeof freeChargePoint>>;

async function openPrefilledReview(page: Page, pick: ChargePoint, window: { start: string; end: string }) {
  const params = new URLSearchParams({
    provider: "PETITMONDE",
    locationId: pick.location.location_id,
    evseUid: pick.evse.evse_uid,
    connectorId: pick.evse.connectors?.[0]?.id ?? "1",
    fleetId: "active",
    start: window.start,
    end: window.end,
  });
  await page.goto(`/bookings/new?${params}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Review")).toBeVisible();
}

/** Opens the first charger of one provider on the map; returns its id at that provider. */
async function openFirstCharger(page: Page, provider: "PLUGSURFING" | "PETITMONDE"): Promise<string> {
  const searched = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/chargers");
  await page.goto(`/map?lat=52.52&lng=13.405&z=13&providers=${provider}`);
  const { chargers } = (await (await searched).json()) as {
    chargers: Array<{ name: string; sources: Array<{ provider: string; locationId: string }> }>;
  };
  const charger = chargers.find((c) => c.sources.some((s) => s.provider === provider))!;
  await page
    .getByRole("listbox", { name: "Chargers" })
    .getByRole("option")
    .filter({ hasText: charger.name })
    .first()
    .click();
  await expect(page.getByTestId("charger-panel")).toBeVisible();
  return charger.sources.find((s) => s.provider === provider)!.locationId;
}

/** The price one provider gives in the open charger panel. */
function priceOf(page: Page, providerLabel: string) {
  return page
    .getByTestId("charger-panel")
    .getByTestId("price-line")
    .filter({ hasText: providerLabel })
    .getByTestId("price");
}

test.beforeAll(async () => {
  const response = await sandbox("/_sandbox/petitmonde/fleet-groups/group_berlin_vans", {
    method: "PUT",
    body: { monthlyLimitEur: 1_000_000, perSessionLimitEur: 10_000 },
  });
  expect(response.ok).toBe(true);
});

test("on the map, Plugsurfing's fleet tariff reads as a rate and Petit Monde's quote as the cost of a booking", async ({
  page,
}) => {
  await signInAs(page, "dispatcher");

  const locationId = await openFirstCharger(page, "PLUGSURFING");
  const { tariff } = (await (
    await fetch(
      `${runtime().sandboxUrl}/plugsurfing/drive/v1/locations/${locationId}?fleetId=${BERLIN_VANS_AT_PLUGSURFING}`,
      { headers: PLUGSURFING },
    )
  ).json()) as { tariff: { perKwhMinorInclVat: number } };
  const line = priceOf(page, "Plugsurfing");
  await expect(line).toContainText("Fleet rate:");
  const text = (await line.textContent())!;
  const [, perKwh] = RATE.exec(text) ?? [];
  expect(perKwh, `"${text}" reads as a rate per kWh`).toBeTruthy();
  // "€0.44" is 44 cents: the digits of a two-decimal amount are its minor units.
  expect(Number(perKwh.replace(/\D/g, ""))).toBe(tariff.perKwhMinorInclVat);

  await openFirstCharger(page, "PETITMONDE");
  await expect(priceOf(page, "Petit Monde")).toHaveText(MAP_ESTIMATE);
});

test("in the wizard, chargers show power and price, and the review prices this very booking", async ({ page }) => {
  await signInAs(page, "dispatcher");
  await page.goto("/bookings/new");
  await page.getByLabel("Provider").selectOption({ label: "Petit Monde" });
  await page.getByRole("button", { name: "Search chargers" }).click();
  const first = page.getByRole("list", { name: "Chargers" }).getByRole("listitem").first();
  await expect(first.getByTestId("charger-price")).toHaveText(MAP_ESTIMATE);
  await expect(first.getByRole("button").first()).toContainText(POWER);

  // The review asks Petit Monde for the chosen window: its estimate and rate, word for word.
  const window = await windowAhead(23);
  const pick = await freeChargePoint(window);
  await openPrefilledReview(page, pick, window);
  const { estimated_price: estimate, price_per_kwh: perKwh } = pick.location.pricing;
  await expect(page.getByTestId("review-price")).toHaveText(
    `Estimated cost: €${estimate.toFixed(2)} for this booking, at €${perKwh.toFixed(2)} per kWh`,
  );
});

test("a taken charge point offers alternatives, each with its power and its price for this booking", async ({
  page,
}) => {
  const window = await windowAhead(26);
  const pick = await freeChargePoint(window);
  // Someone else books it at Petit Monde first.
  const taken = await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/bookings`, {
    method: "POST",
    headers: { ...PETIT_MONDE, "Content-Type": "application/json" },
    body: JSON.stringify({
      location_id: pick.location.location_id,
      evse_uid: pick.evse.evse_uid,
      reservation_start: window.start,
      reservation_end: window.end,
      external_id: `e2e-prices-${Date.now()}`,
      token_strategy: "ad_hoc",
    }),
  });
  expect(taken.status).toBe(202);

  await signInAs(page, "dispatcher");
  await openPrefilledReview(page, pick, window);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  const alternatives = page
    .getByTestId("booking-failure")
    .getByRole("list", { name: "Alternatives" })
    .getByRole("listitem");
  await expect(alternatives.first()).toBeVisible({ timeout: 30_000 });
  for (const alternative of await alternatives.all()) {
    await expect(alternative).toContainText(POWER);
    await expect(alternative).toContainText(BOOKING_ESTIMATE);
  }
});
