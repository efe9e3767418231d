// An axe scan (WCAG 2.1 A and AA) of every page, signed out and as each role, in the light theme and for the
// main pages in the dark one: no serious or critical violation anywhere.
import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { PAGES, canOpenPage, type PageKey, type Role } from "@/lib/auth/permissions";
import { test, expect, signInAs } from "./fixtures";
import { makePageRecords } from "./page-records";
import { openPage, PAGE_ROLES, ROLE_PAGES, SIGNED_OUT_PAGES, type AppPage, type PageRecords } from "./pages";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

/** One line per serious or critical violation: where, which rule, what it asks, and the elements. */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    // Only the violations are read, so axe need not record every passing element.
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((v) => v.impact && BLOCKING.has(v.impact))
    .map((v) => {
      const targets = v.nodes.slice(0, 5).map((n) => {
        const html = n.html.length > 120 ? `${n.html.slice(0, 120)}…` : n.html;
        const why = (n.failureSummary ?? "").replace(/\n/g, "\n      ");
        return `    ${n.target.join(" ")}  ${html}\n      ${why}`;
      });
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : "";
      return `${where}: [${v.impact}] ${v.id} — ${v.help}\n${targets.join("\n")}${more}`;
    });
}

async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((t) => localStorage.setItem("theme", t), theme);
}

/** Scans each page in the light theme, then the dark-marked ones in the dark theme. */
async function scanPages(page: Page, who: string, pages: AppPage[], records: PageRecords): Promise<string[]> {
  const found: string[] = [];
  await setTheme(page, "light");
  for (const entry of pages) {
    await openPage(page, entry, records);
    found.push(...(await violations(page, `${who} ${entry.name}`)));
  }
  await setTheme(page, "dark");
  for (const entry of pages.filter((p) => p.dark)) {
    await openPage(page, entry, records);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    found.push(...(await violations(page, `${who} ${entry.name} (dark)`)));
  }
  return found;
}

function expectNone(found: string[]): void {
  expect(found.length, `serious or critical accessibility violations:\n\n${found.join("\n\n")}\n`).toBe(0);
}

const ROLE_OF = { admin: "ADMIN", dispatcher: "DISPATCHER", manager: "MANAGER", driver: "DRIVER" } as const;

/** Route patterns of every page under app/, e.g. /bookings/[bookingId]. */
function appRoutes(dir = "app", route = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "page.tsx" ? [route || "/"] : [];
    if (!entry.isDirectory() || entry.name === "api") return [];
    const segment = /^\(.+\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return appRoutes(path.join(dir, entry.name), route + segment);
  });
}

test("the page list names every page of the app and every page each role may open", () => {
  const placeholder: PageRecords = { fleetId: "x", bookingId: "x", batchId: "x", sessionId: "x", driverSessionId: "x" };
  const listed = [SIGNED_OUT_PAGES, ...Object.values(ROLE_PAGES)].flat().map((p) => p.path(placeholder));
  const asPattern = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}(\\?.*)?$`);
  // "/" only sends each role to its start page.
  const unlisted = appRoutes()
    .filter((route) => route !== "/")
    .filter((route) => !listed.some((p) => asPattern(route).test(p)));
  expect(unlisted, "pages missing from e2e/pages.ts").toEqual([]);
  for (const who of PAGE_ROLES) {
    const role: Role = ROLE_OF[who];
    const paths = ROLE_PAGES[who].map((p) => p.path(placeholder).split("?")[0]);
    const missing = (Object.keys(PAGES) as PageKey[])
      .filter((key) => canOpenPage(role, key))
      .filter((key) => !paths.includes(PAGES[key].href));
    expect(missing, `${who}'s pages missing from e2e/pages.ts`).toEqual([]);
  }
});

test.describe("accessibility", () => {
  let records: PageRecords;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    records = await makePageRecords(browser);
  });

  test("signed out: no serious or critical violations", async ({ page }) => {
    await page.goto("/login");
    expectNone(await scanPages(page, "signed out", SIGNED_OUT_PAGES, records));
  });

  test("the header's menus and the phone's navigation drawer, open: no serious or critical violations", async ({
    page,
  }) => {
    await signInAs(page, "driver");
    await openPage(page, ROLE_PAGES.driver[0], records);
    const found: string[] = [];
    await page.getByRole("button", { name: /^Notifications/ }).click();
    await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
    found.push(...(await violations(page, "notifications open")));
    await page.getByRole("button", { name: "User menu" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    found.push(...(await violations(page, "user menu open")));
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Open menu" }).click();
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
    found.push(...(await violations(page, "phone navigation drawer open")));
    expectNone(found);
  });

  for (const who of PAGE_ROLES) {
    test(`${who}: no serious or critical violations on any page`, async ({ page }) => {
      test.setTimeout(6 * 60_000);
      await signInAs(page, who);
      expectNone(await scanPages(page, who, ROLE_PAGES[who], records));
    });
  }
});
