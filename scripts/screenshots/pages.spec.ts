// Every page of e2e/pages.ts, signed out and as each role, at a laptop's and a phone's size, in the light theme:
// docs/screenshots/<role>-<page>-desktop.png and -phone.png.
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, signInAs } from "../../e2e/fixtures";
import { makePageRecords } from "../../e2e/page-records";
import { openPage, PAGE_ROLES, ROLE_PAGES, SIGNED_OUT_PAGES, type AppPage, type PageRecords } from "../../e2e/pages";

const OUT = path.join(process.cwd(), "docs", "screenshots");
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

let records: PageRecords;

test.beforeAll(async ({ browser }) => {
  records = await makePageRecords(browser);
});

async function shoot(page: Page, who: string, pages: AppPage[]): Promise<void> {
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const entry of pages) {
      await openPage(page, entry, records);
      // A whole page, up to two and a half screens of it: enough to show what lies below, in a readable picture.
      const height = entry.fullPage
        ? Math.min(await page.evaluate(() => document.documentElement.scrollHeight), size.height * 2.5)
        : size.height;
      await page.screenshot({
        path: path.join(OUT, `${who}-${entry.name}-${size.name}.png`),
        fullPage: entry.fullPage,
        clip: { x: 0, y: 0, width: size.width, height },
        animations: "disabled",
        caret: "hide",
      });
    }
  }
}

test("signed out", async ({ page }) => {
  await page.goto("/login");
  await shoot(page, "signed-out", SIGNED_OUT_PAGES);
});

for (const who of PAGE_ROLES) {
  test(who, async ({ page }) => {
    await signInAs(page, who);
    await shoot(page, who, ROLE_PAGES[who]);
  });
}
