// Tables at a laptop's and a phone's width: every column of a known row can be read, in the row, by scrolling
// the table sideways with its first column kept in view, or in the row's details.
import type { Page } from "@playwright/test";
import type { BookingView } from "@/lib/bookings/records";
import type { KeyRow } from "@/lib/keys/list-keys";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { createFormatter } from "@/lib/format";
import { minorToDecimalString, minorUnitDigits } from "@/lib/money";
import { sessionStatusLabel } from "@/lib/sessions/session-status";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";
import { ResponsiveTable, type Reach } from "./table-reach";

const SIZES = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** Key types as people say them. */
const TYPE_WORDS: Record<string, string> = { RFID_CARD: "RFID card", RFID_TAG: "RFID tag", VIRTUAL: "Virtual key" };

/** Formats as the page does, in the browser's own locale. */
function inBrowser(page: Page) {
  return {
    date: (iso: string | null, options: Intl.DateTimeFormatOptions) =>
      page.evaluate(([v, o]) => (v ? new Intl.DateTimeFormat(undefined, o).format(new Date(v)) : "—"), [
        iso,
        options,
      ] as const),
    number: (value: number, options: Intl.NumberFormatOptions) =>
      page.evaluate(([v, o]) => new Intl.NumberFormat(undefined, o).format(v), [value, options] as const),
    /** Money from minor units by the currency's own decimals, as lib/money formats it. */
    money: (amountMinor: number, currency: string) => {
      const digits = minorUnitDigits(currency);
      const decimal = minorToDecimalString(amountMinor, digits);
      return page.evaluate(
        ([v, c, d]) =>
          new Intl.NumberFormat(undefined, {
            style: "currency",
            currency: c,
            minimumFractionDigits: d,
            maximumFractionDigits: d,
          }).format(v as unknown as number),
        [decimal, currency, digits] as const,
      );
    },
  };
}

async function fleetIdFromExportLink(page: Page): Promise<string> {
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  return new URL(href!, "http://x").searchParams.get("fleetId")!;
}

test("sessions: a known session's energy and cost show at 1280, and every column is reachable on a phone", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/sessions");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Synced \d+ drivers/)).toBeVisible({ timeout: 60_000 });
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/sessions" && r.ok());
  await page.reload();
  const [session] = ((await (await response).json()) as { rows: SessionListRow[] }).rows;
  expect(session, "a synced session").toBeTruthy();

  const format = inBrowser(page);
  const energy =
    session.energyWh === null
      ? "—"
      : `${await format.number(session.energyWh / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kWh`;
  const cost =
    session.priceInclVatMinor === null || !session.currency
      ? "—"
      : await format.money(session.priceInclVatMinor, session.currency);
  const columns: Array<[string, string]> = [
    ["Start", await format.date(session.startTime, { dateStyle: "medium", timeStyle: "short" })],
    ["Status", sessionStatusLabel(session.status)],
    ["Driver", session.driverName ?? "—"],
    ["Vehicle", session.vehicleLabel ?? "—"],
    ["Charger", session.chargerName ?? session.evseId ?? "—"],
    ["Operator", session.operatorName ?? "—"],
    ["Duration", createFormatter().duration(session.durationSeconds)],
    ["Energy", energy],
    ["Cost incl. VAT", cost],
  ];

  const sessions = new ResponsiveTable(page.getByRole("table", { name: "Sessions" }));
  const row = sessions.table.locator("tbody tr", { has: page.locator(`a[href="/sessions/${session.id}"]`) });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const reached: Record<string, Reach> = {};
    for (const [label, value] of columns) reached[label] = await sessions.reach(row, label, value);
    expect(reached.Start, `${size.name}: the row's link`).toBe("row");
    if (size.name === "laptop") {
      expect(reached.Energy).toBe("row");
      expect(reached["Cost incl. VAT"]).toBe("row");
    }
  }
});

test("charging keys: every column of a fleet key is reachable at 1280 and on a phone, its number kept in view", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/keys");
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByText(/Keys refreshed/)).toBeVisible({ timeout: 30_000 });
  // A fleet key of our own has every kind of cell: a driver to choose and, for an admin, Disable.
  const uid = `04${Date.now().toString(16).slice(-8).toUpperCase()}`;
  await page.getByRole("button", { name: "New fleet key" }).click();
  await page.getByRole("textbox", { name: "Key identifier (UID, hex)" }).fill(uid);
  await page.getByRole("textbox", { name: "Visual number" }).fill(`DE-TBL-${uid}`);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Key created.")).toBeVisible();
  const fleetId = await fleetIdFromExportLink(page);
  const { rows } = await page.evaluate(
    async ([id, q]) => (await fetch(`/api/keys?fleetId=${id}&q=${q}`)).json() as Promise<{ rows: KeyRow[] }>,
    [fleetId, uid] as const,
  );
  const key = rows.find((k) => k.keyId.toUpperCase().includes(uid));
  expect(key, "the new fleet key").toBeTruthy();
  await page.goto(`/keys?q=${uid}`);

  const keys = new ResponsiveTable(page.getByRole("table", { name: "Charging keys" }));
  const row = keys.table.locator("tbody tr", { hasText: key!.keyId });
  await expect(row).toHaveCount(1);
  const validTo = await inBrowser(page).date(key!.validTo, { dateStyle: "medium" });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await keys.reach(row, "Visual number", key!.visualNumber ?? "—")).toBe("row");
    await keys.reach(row, "Name", key!.name ?? "—");
    await keys.reach(row, "Key id", key!.keyId);
    await keys.reach(row, "Type", TYPE_WORDS[key!.type] ?? key!.type);
    await keys.reach(row, "Status", key!.enabled ? "Enabled" : "Disabled");
    await keys.reach(row, "Valid to", validTo);
    await keys.reach(row, "Driver", "", (scope) => scope.getByRole("combobox", { name: /^Driver for key/ }));
    const action = key!.enabled ? "Disable" : "Enable";
    const reached = await keys.reach(row, "Actions", action, (scope) =>
      scope.getByRole("button", { name: action, exact: true }),
    );
    if (size.name === "phone") expect(reached, "the row's action, by scrolling the table").toBe("scroll");
  }
});

test("bookings: a new booking's price and Cancel are reachable at 1280 and on a phone", async ({ page }) => {
  await signInAs(page, "dispatcher");
  const bookingId = await bookReservableCharger(page);
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/bookings" && r.ok());
  await page.goto("/bookings");
  const booking = ((await (await response).json()) as { bookings: BookingView[] }).bookings.find(
    (b) => b.id === bookingId,
  );
  expect(booking, "the new booking in the list").toBeTruthy();
  const { windowStart, windowEnd, charger, priceMinor, currency } = booking!;
  const window = await page.evaluate(
    ([start, end, timeZone]) => {
      // The app's one style: date and time, the end's date only when it differs, and the charger's zone.
      const date = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium" });
      const both = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium", timeStyle: "short" });
      const time = new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: "short" });
      const [s, e] = [new Date(start), new Date(end)];
      const endText = date.format(s) === date.format(e) ? time.format(e) : both.format(e);
      return `${both.format(s)} – ${endText} (${timeZone})`;
    },
    [windowStart, windowEnd, charger.timeZone] as const,
  );
  const price = priceMinor === null || !currency ? "—" : await inBrowser(page).money(priceMinor, currency);

  const bookings = new ResponsiveTable(page.getByRole("table", { name: "Bookings" }));
  const row = bookings.table.locator(`tr[data-booking-id="${bookingId}"]`);
  await expect(row).toContainText(/Requested|Pending|Confirmed/, { timeout: 30_000 });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await bookings.reach(row, "Status", /Requested|Pending|Confirmed/)).toBe("row");
    expect(await bookings.reach(row, "Charger", charger.name)).toBe("row");
    await bookings.reach(row, "Window", window);
    await bookings.reach(row, "Driver", "Unassigned");
    const reached = await bookings.reach(row, "Price", price);
    if (size.name === "laptop") expect(reached).toBe("row");
    await bookings.reach(row, "Actions", "Cancel", (scope) =>
      scope.getByRole("button", { name: "Cancel", exact: true }),
    );
  }
});

/** Books a reservable Petit Monde charge point near the Berlin depot six hours ahead; returns the booking's id. */
async function bookReservableCharger(page: Page): Promise<string> {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + 6 * 3_600_000);
  start.setUTCSeconds(0, 0);
  const window = { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
  const search = new URLSearchParams({
    lat: "52.4731",
    lng: "13.4036",
    radius: "10",
    limit: "50",
    start_time: window.start,
    end_time: window.end,
  });
  const found = (await (
    await fetch(`${runtime().sandboxUrl}/petitmonde/api/v1/client/search?${search}`, {
      headers: { "X-API-Key": "sandbox-petitmonde-key" },
    })
  ).json()) as {
    results: Array<{
      location_id: string;
      supports_reservation: boolean;
      evses: Array<{ evse_uid: string; capabilities: string[]; connectors?: Array<{ id: string }> }>;
    }>;
  };
  const location = found.results.find(
    (l) => l.supports_reservation && l.evses.some((e) => e.capabilities.includes("RESERVABLE")),
  );
  expect(location, "a reservable charger near the depot").toBeTruthy();
  const evse = location!.evses.find((e) => e.capabilities.includes("RESERVABLE"))!;
  await page.goto(
    `/bookings/new?${new URLSearchParams({
      provider: "PETITMONDE",
      locationId: location!.location_id,
      evseUid: evse.evse_uid,
      connectorId: evse.connectors?.[0]?.id ?? "1",
      fleetId: "active",
      ...window,
    })}`,
  );
  await expect(page.getByLabel("Start")).not.toHaveValue("");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByTestId("booking-status")).toBeVisible({ timeout: 30_000 });
  return /\/bookings\/(c[a-z0-9]{20,})$/.exec(new URL(page.url()).pathname)![1];
}
