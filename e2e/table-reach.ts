// Page object for responsive tables: where a row's value can be found at the current viewport size.
import { expect, type Locator } from "@playwright/test";

/** "row": seen in its cell as the page opens; "scroll": after scrolling the table sideways; "details": in the row's details. */
export type Reach = "row" | "scroll" | "details";

/** Whether the element shows whole, left to right, inside its table's box and the window, without scrolling. */
async function shownWhole(element: Locator): Promise<"shown" | "hidden" | "clipped" | "scrollable"> {
  return element.evaluate((el) => {
    if (!el.checkVisibility() || el.getBoundingClientRect().width === 0) return "hidden";
    const r = el.getBoundingClientRect();
    const box = el.closest("table")?.parentElement ?? document.body;
    const c = box.getBoundingClientRect();
    if (r.left >= c.left - 1 && r.right <= c.right + 1 && r.left >= -1 && r.right <= window.innerWidth + 1)
      return "shown";
    const style = getComputedStyle(box).overflowX;
    return box.scrollWidth > box.clientWidth && (style === "auto" || style === "scroll") ? "scrollable" : "clipped";
  });
}

export class ResponsiveTable {
  constructor(readonly table: Locator) {}

  async columnIndex(label: string): Promise<number> {
    await expect(this.table.locator("thead th").first()).toBeAttached();
    const headers = (await this.table.locator("thead th").allTextContents()).map((h) => h.trim());
    const index = headers.findIndex((h) => h.startsWith(label));
    expect(index, `a "${label}" column in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
    return index;
  }

  /**
   * Asserts that `value` in the column headed `label` (or the element `target` finds in the row) can be read, and says
   * how: in the row as it stands; by scrolling the table sideways while the row's first cell stays in view (a
   * sticky first column, so the reader still knows which row it is); or in the row's details, opened here.
   */
  async reach(
    row: Locator,
    label: string,
    value: string | RegExp,
    target?: (scope: Locator) => Locator,
  ): Promise<Reach> {
    const cell = row.locator(":scope > td").nth(await this.columnIndex(label));
    const element = target ? target(row) : cell;
    if (!target) await expect(cell).toContainText(value);
    await this.table.scrollIntoViewIfNeeded();
    await this.table.evaluate((t) => t.parentElement?.scrollTo({ left: 0 }));
    const place = await shownWhole(element);
    if (place === "shown") return "row";
    if (place === "scrollable") {
      await element.scrollIntoViewIfNeeded();
      expect(await shownWhole(element), `${label} after scrolling the table`).toBe("shown");
      expect(await shownWhole(row.locator(":scope > td").first()), `the row's first cell beside ${label}`).toBe(
        "shown",
      );
      return "scroll";
    }
    const toggle = row.getByRole("button", { name: /^Details/ });
    await expect(toggle, `${label} is not in the row as shown (${place}), so its details must offer it`).toBeVisible();
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const details = this.table.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
    const entry = details.locator("dl > div").filter({ has: this.table.page().locator("dt", { hasText: label }) });
    await expect(entry, `${label} in the row's details`).toBeVisible();
    if (target) await expect(target(entry.locator("dd"))).toBeVisible();
    else await expect(entry.locator("dd")).toContainText(value);
    await entry.scrollIntoViewIfNeeded();
    await expect(entry).toBeInViewport();
    return "details";
  }
}
