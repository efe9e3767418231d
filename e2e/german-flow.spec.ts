// One whole flow in German, as a fleet admin in Stuttgart lives it: sign in, find a charger near Stuttgart on the
// map, book it, see it confirmed, open the report. On every page no English word of the app's messages is on
// screen, dates read "01.12.2026, 07:38" and euros "1.234,56 €".
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox, runtime } from "./fixtures";
import { messagesOf, type Tree } from "./support/messages";

test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

const STUTTGART = { lat: 48.7758, lng: 9.1829 };

function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/**
 * English messages that a German screen must not show: those that read differently in German, with no
 * placeholders, and long enough not to be a code or a unit ("AC", "kW").
 */
const ENGLISH_ONLY = (() => {
  const english = flatten(messagesOf("en"));
  const german = flatten(messagesOf("de"));
  const germanTexts = new Set(german.values());
  // A word both languages use ("Start", "Status", "Details") is no sign of English: German messages use it too.
  const germanWords = new Set([...german.values()].flatMap((text) => text.match(/\p{L}+/gu) ?? []));
  return [...new Set([...english].filter(([key, text]) => german.get(key) !== text).map(([, text]) => text))]
    .filter(
      (text) =>
        !/[{}<]/.test(text) &&
        text.length >= 4 &&
        /\p{L}{3}/u.test(text) &&
        !germanTexts.has(text) &&
        !germanWords.has(text),
    )
    .sort((a, b) => b.length - a.length);
})();

const APP_NAME = (messagesOf("de").app as Tree).name as string;

/** Names of people and fleets are data, in no language ("Dora Driver", "Munich Service"). */
let DATA_NAMES: string[] = [];

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  const rows = await client.query<{ name: string }>(`SELECT name FROM "User" UNION SELECT name FROM "Fleet"`);
  await client.end();
  DATA_NAMES = rows.rows.map((r) => r.name).sort((a, b) => b.length - a.length);
});

/** The app's English messages on screen: in the visible text, or in a visible control's accessible label. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const labels = [...document.querySelectorAll<HTMLElement>("[aria-label], [placeholder], [title]")]
      .filter((el) => el.offsetParent !== null || el === document.body)
      .flatMap((el) => [el.getAttribute("aria-label"), el.getAttribute("placeholder"), el.getAttribute("title")]);
    return [document.body.innerText, document.title, ...labels].filter(Boolean).join("\n");
  });
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The app's name is a name in every language ("Fleet Charging"), and so are people's and fleets' names.
  const shownText = [APP_NAME, ...DATA_NAMES].reduce((text, name) => text.replaceAll(name, ""), shown);
  return ENGLISH_ONLY.filter((text) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, "u").test(shownText));
}

async function expectAllGerman(page: Page, where: string): Promise<void> {
  // Wait for the page to draw its data first: a heading, no spinner.
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator(".animate-spin")).toHaveCount(0, { timeout: 30_000 });
  expect(await englishOnScreen(page), `English on the ${where}`).toEqual([]);
}

/** A window starting `hoursAhead` from the sandbox's now, on whole minutes. */
async function windowAhead(hoursAhead: number) {
  const clock = (await (await sandbox("/_sandbox/clock")).json()) as { nowMs: number };
  const start = new Date(Math.max(clock.nowMs, Date.now()) + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

test("a German admin near Stuttgart: map, booking, confirmation and report, all in German", async ({ page }) => {
  test.setTimeout(150_000);
  expect(ENGLISH_ONLY.length, "English messages to look for").toBeGreaterThan(500);
  await signInAs(page, "admin");
  await expectAllGerman(page, "start page");

  // The map near Stuttgart, chargers bookable in a window three hours from now.
  const window = await windowAhead(3);
  const query = new URLSearchParams({
    lat: String(STUTTGART.lat),
    lng: String(STUTTGART.lng),
    z: "12",
    reservable: "1",
    start: window.start,
    end: window.end,
  });
  await page.goto(`/map?${query}`);
  const chargers = page.getByRole("listbox", { name: "Ladestationen" }).getByRole("option");
  await expect(chargers.first()).toBeVisible({ timeout: 30_000 });
  await expectAllGerman(page, "map");
  await chargers.first().click();
  const panel = page.getByTestId("charger-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Stuttgart");
  await expectAllGerman(page, "charger panel");

  // The booking wizard, prefilled from the map: window, who charges, review, confirm.
  await panel
    .getByRole("link", { name: /^Buchen/ })
    .first()
    .click();
  await page.waitForURL(/\/bookings\/new\?/);
  await expect(page.getByLabel("Beginn")).not.toHaveValue("");
  await expectAllGerman(page, "booking wizard");
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByLabel("Wer lädt")).toBeVisible();
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByLabel("Überprüfen")).toBeVisible();
  await expectAllGerman(page, "booking review");
  await page.getByRole("button", { name: "Buchung bestätigen" }).click();

  // The booking's page: its window in German dates, its status German, and live.
  await page.waitForURL(/\/bookings\/c[a-z0-9]{20,}$/, { timeout: 30_000 });
  const status = page.getByTestId("booking-status");
  await expect(status).toHaveText(/Angefragt|Ausstehend|Bestätigt/);
  await expect(page.getByRole("main")).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  const provider = (await page.locator("dt:text('Anbieter') + dd").textContent()) ?? "";
  const providerBookingId = /·\s*(\S+)/.exec(provider)?.[1];
  expect(providerBookingId, "the provider's booking number").toBeTruthy();
  const confirmed = await sandbox(`/_sandbox/petitmonde/bookings/${providerBookingId}/status`, {
    body: { status: "CONFIRMED" },
  });
  expect(confirmed.ok).toBe(true);
  await expect(status).toHaveText("Bestätigt", { timeout: 30_000 });
  await expectAllGerman(page, "booking page");

  // The report: German labels, euros as "1.234,56 €".
  await page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Berichte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Berichte" })).toBeVisible();
  const total = page.getByTestId("total-EUR").getByTestId("total-incl");
  await expect(total).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0€$/, { timeout: 30_000 });
  const euros = (await page.getByRole("main").locator("td").allTextContents()).filter((cell) => cell.includes("€"));
  expect(euros.length, "amounts in euros in the report's tables").toBeGreaterThan(0);
  // Every amount, also those a cell says together ("54,59 € geschätzt, 15,00 € berechnet (-39,59 €)").
  for (const cell of euros) {
    const amounts = cell.match(/-?[\d.,]+\s€/g) ?? [];
    expect(amounts.length, cell).toBeGreaterThan(0);
    for (const amount of amounts) expect(amount, cell).toMatch(/^-?\d{1,3}(\.\d{3})*,\d{2}\u00a0€$/);
  }
  // The charts' axes count in German too: "0,15", never "0.15".
  const ticks = await page.locator(".recharts-cartesian-axis-tick-value").allTextContents();
  expect(ticks.length).toBeGreaterThan(0);
  expect(ticks.filter((tick) => /^\d+\.\d{1,2}$/.test(tick))).toEqual([]);
  await expectAllGerman(page, "report");
});
