// Every page of the app, signed out and per role: what the accessibility scan opens and the screenshots show.
import { expect, type Locator, type Page } from "@playwright/test";
import type { DemoUser } from "./fixtures";

/** Records the detail pages need, made for the run (see page-records.ts). */
export interface PageRecords {
  fleetId: string;
  bookingId: string;
  batchId: string;
  sessionId: string;
  /** One of the driver's own sessions: drivers see no one else's. */
  driverSessionId: string;
}

export interface AppPage {
  /** Names the page in the scan's output and in the screenshots' file names. */
  name: string;
  path: (records: PageRecords) => string;
  /** Also scanned with the dark theme. */
  dark?: boolean;
  /** Pictured whole, not only what fits the window (the reports' charts lie below the totals). */
  fullPage?: boolean;
  /** What shows once the page has its content, where a spinner alone does not say so. */
  ready?: (page: Page) => Locator;
}

export type PageRole = Extract<DemoUser, "admin" | "dispatcher" | "manager" | "driver">;
export const PAGE_ROLES: readonly PageRole[] = ["admin", "dispatcher", "manager", "driver"];

const page = (
  name: string,
  path: string | ((records: PageRecords) => string),
  options: Pick<AppPage, "dark" | "fullPage" | "ready"> = {},
): AppPage => ({ name, path: typeof path === "string" ? () => path : path, ...options });

export const SIGNED_OUT_PAGES: AppPage[] = [
  page("sign-in", "/login", { dark: true }),
  page("join", "/join"),
  page("join-with-code", "/join/DEMO-CODE-2026"),
  // An invitation email's link; one that matches no invitation says so plainly.
  page("invitation-link", "/invite/no-such-invitation-link-0000000000"),
];

const BOOKING_PAGES = [
  page("bookings", "/bookings", { dark: true }),
  page("board", "/bookings/board", { dark: true }),
  page("booking", (r) => `/bookings/${r.bookingId}`),
  page("new-booking", "/bookings/new"),
  page("new-batch", "/bookings/batches/new"),
  page("batch", (r) => `/bookings/batches/${r.batchId}`),
];

const SESSION_PAGES = [
  page("sessions", "/sessions", { dark: true }),
  page("session", (r) => `/sessions/${r.sessionId}`),
  page("start-session", "/sessions/start"),
];

// Central Berlin, near enough for a list of some dozens of chargers (a scan reads every row). The list fills
// once the map has searched its bounds; on a phone it is there, folded away behind the map.
const MAP = "/map?lat=52.51&lng=13.39&z=13";
const chargerList = (p: Page) => p.locator('[role="listbox"][aria-label="Chargers"] [role="option"]').first();

export const ROLE_PAGES: Record<PageRole, AppPage[]> = {
  admin: [
    page("map", MAP, { dark: true, ready: chargerList }),
    ...BOOKING_PAGES,
    page("fleets", "/fleets"),
    page("new-fleet", "/fleets/new"),
    page("fleet", (r) => `/fleets/${r.fleetId}`, { dark: true }),
    page("depot-chargers", (r) => `/fleets/${r.fleetId}/depot-chargers`),
    page("api-tokens", (r) => `/fleets/${r.fleetId}/api-tokens`),
    page("api-docs", (r) => `/fleets/${r.fleetId}/api-tokens/docs`),
    page("webhooks", (r) => `/fleets/${r.fleetId}/webhooks`),
    page("keys", "/keys", { dark: true }),
    page("vehicles", "/vehicles"),
    page("alerts", "/alerts?status=all", { dark: true }),
    ...SESSION_PAGES,
    page("reports", "/reports", { dark: true, fullPage: true }),
    page("audit", "/audit"),
    page("security-log", "/audit/security"),
    page("invitations", "/invitations"),
    page("settings", "/settings"),
    page("provider-health", "/settings/providers"),
  ],
  dispatcher: [
    page("map", MAP, { ready: chargerList }),
    ...BOOKING_PAGES.map((p) => ({ ...p, dark: false })),
    page("keys", "/keys"),
    page("vehicles", "/vehicles"),
    page("alerts", "/alerts"),
    ...SESSION_PAGES.map((p) => ({ ...p, dark: false })),
    page("settings", "/settings"),
    page("forbidden", "/forbidden?page=audit"),
  ],
  manager: [
    page("reports", "/reports", { fullPage: true }),
    page("keys", "/keys"),
    page("vehicles", "/vehicles"),
    page("alerts", "/alerts"),
    page("sessions", "/sessions"),
    page("session", (r) => `/sessions/${r.sessionId}`),
    page("start-session", "/sessions/start"),
    page("settings", "/settings"),
  ],
  driver: [
    page("my-bookings", "/my-bookings", { dark: true }),
    page("sessions", "/sessions"),
    page("session", (r) => `/sessions/${r.driverSessionId}`),
    page("start-session", "/sessions/start"),
    page("invitations", "/invitations"),
    page("settings", "/settings", { dark: true }),
  ],
};

/**
 * Opens a page and waits until it has settled: its heading shown, no spinner, the network quiet.
 * Map tiles may stay blank offline; the page around them has settled all the same.
 */
export async function openPage(browserPage: Page, entry: AppPage, records: PageRecords): Promise<void> {
  const path = entry.path(records);
  const response = await browserPage.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await expect(browserPage.getByRole("heading", { level: 1 }).first()).toBeVisible();
  if (entry.ready)
    await expect(entry.ready(browserPage), `${path} shows its content`).toBeAttached({ timeout: 30_000 });
  await browserPage.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => {
    // Pages that poll (live bookings, provider health) are never quite idle: after 3 s the spinner check decides.
  });
  // A page may start another load once the first has drawn: no spinner, and still none a moment later.
  const spinners = browserPage.locator(".animate-spin");
  await expect
    .poll(
      async () => {
        await expect(spinners).toHaveCount(0, { timeout: 20_000 });
        await browserPage.waitForTimeout(300);
        return spinners.count();
      },
      { message: `${path} settles`, timeout: 45_000, intervals: [0] },
    )
    .toBe(0);
  // The pointer rests where the last click left it; away from the content, no row is caught mid-hover.
  await browserPage.mouse.move(0, 0);
}
