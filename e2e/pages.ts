// Every page of the app, signed out and per role: what the accessibility scan opens and the screenshots show.
import { expect, type Page } from "@playwright/test";
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
}

export type PageRole = Extract<DemoUser, "admin" | "dispatcher" | "manager" | "driver">;
export const PAGE_ROLES: readonly PageRole[] = ["admin", "dispatcher", "manager", "driver"];

const page = (name: string, path: string | ((records: PageRecords) => string), dark = false): AppPage => ({
  name,
  path: typeof path === "string" ? () => path : path,
  dark,
});

export const SIGNED_OUT_PAGES: AppPage[] = [
  page("sign-in", "/login", true),
  page("join", "/join"),
  page("join-with-code", "/join/DEMO-CODE-2026"),
];

const BOOKING_PAGES = [
  page("bookings", "/bookings", true),
  page("booking", (r) => `/bookings/${r.bookingId}`),
  page("new-booking", "/bookings/new"),
  page("new-batch", "/bookings/batches/new"),
  page("batch", (r) => `/bookings/batches/${r.batchId}`),
];

const SESSION_PAGES = [
  page("sessions", "/sessions", true),
  page("session", (r) => `/sessions/${r.sessionId}`),
  page("start-session", "/sessions/start"),
];

export const ROLE_PAGES: Record<PageRole, AppPage[]> = {
  admin: [
    page("map", "/map", true),
    ...BOOKING_PAGES,
    page("fleets", "/fleets"),
    page("new-fleet", "/fleets/new"),
    page("fleet", (r) => `/fleets/${r.fleetId}`, true),
    page("depot-chargers", (r) => `/fleets/${r.fleetId}/depot-chargers`),
    page("keys", "/keys", true),
    ...SESSION_PAGES,
    page("reports", "/reports", true),
    page("audit", "/audit"),
    page("settings", "/settings"),
    page("provider-health", "/settings/providers"),
  ],
  dispatcher: [
    page("map", "/map"),
    ...BOOKING_PAGES.map((p) => ({ ...p, dark: false })),
    page("keys", "/keys"),
    ...SESSION_PAGES.map((p) => ({ ...p, dark: false })),
    page("settings", "/settings"),
    page("forbidden", "/forbidden?page=audit"),
  ],
  manager: [
    page("reports", "/reports"),
    page("keys", "/keys"),
    page("sessions", "/sessions"),
    page("session", (r) => `/sessions/${r.sessionId}`),
    page("start-session", "/sessions/start"),
    page("settings", "/settings"),
  ],
  driver: [
    page("my-bookings", "/my-bookings", true),
    page("sessions", "/sessions"),
    page("session", (r) => `/sessions/${r.driverSessionId}`),
    page("start-session", "/sessions/start"),
    page("settings", "/settings", true),
  ],
};

/**
 * Opens a page and waits until it has settled: its heading shown, no spinner, the network quiet.
 * Map tiles may stay blank offline; the page around them has settled all the same.
 */
export async function openPage(browserPage: Page, path: string): Promise<void> {
  const response = await browserPage.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await expect(browserPage.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await browserPage.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {
    // Pages that poll (live bookings, provider health) are never quite idle; the spinner check below suffices.
  });
  await expect(browserPage.locator(".animate-spin")).toHaveCount(0, { timeout: 20_000 });
  // The pointer rests where the last click left it; away from the content, no row is caught mid-hover.
  await browserPage.mouse.move(0, 0);
}
