// The map: basemap and chargers paint, filters drive the search and the URL, a reload restores
// them, zoomed out it shows count bubbles that zoom in, the charger panel lists the sandbox's EVSEs, Book opens the wizard prefilled, and a
// failing provider leaves the others' results on screen with a banner.
import type { Page } from "@playwright/test";
import { test, expect, signInAs, sandbox } from "./fixtures";

/** The map page as a user drives it. */
class MapPage {
  constructor(readonly page: Page) {}

  get map() {
    return this.page.getByTestId("charger-map");
  }
  get results() {
    return this.page.getByRole("listbox", { name: "Chargers" });
  }
  get rows() {
    return this.results.getByRole("option");
  }
  get panel() {
    return this.page.getByTestId("charger-panel");
  }
  get banner() {
    return this.page.getByTestId("provider-banner");
  }

  async open(query = "") {
    const searched = this.nextSearch();
    await this.page.goto(`/map${query}`);
    await searched;
    await this.waitForIdle();
  }

  /** Resolves with the next /api/chargers answer. */
  async nextSearch() {
    const response = await this.page.waitForResponse((r) => new URL(r.url()).pathname === "/api/chargers");
    expect(response.status()).toBe(200);
    return response.json() as Promise<{ chargers: unknown[]; providers: Array<{ provider: string; status: string }> }>;
  }

  async waitForIdle() {
    await expect(this.map).toHaveAttribute("data-idle", "yes");
  }

  /** Distinct colours on the WebGL canvas, and whether the land and charger colours are among them. */
  async canvasColours() {
    return this.page.evaluate(() => {
      const source = document.querySelector<HTMLCanvasElement>('[data-testid="charger-map"] canvas')!;
      const copy = document.createElement("canvas");
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext("2d")!;
      ctx.drawImage(source, 0, 0);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      const colours = new Set<number>();
      let land = 0;
      let green = 0;
      for (let i = 0; i < data.length; i += 16) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        colours.add((r << 16) | (g << 8) | b);
        if (Math.abs(r - 0xf5) < 4 && Math.abs(g - 0xf3) < 4 && Math.abs(b - 0xee) < 4) land++;
        // Marker and cluster greens (#16a34a, #15803d, blended with the land when translucent).
        if (g > 110 && g - r > 50 && g - b > 30) green++;
      }
      return { distinct: colours.size, land, green };
    });
  }

  powers() {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => Number(/([\d.,]+)\s*kW/.exec(row.textContent ?? "")?.[1]?.replace(",", ".") ?? NaN)),
    );
  }
}

/** Petit Monde searches the sandbox has answered so far (its request counters, by route). */
async function petitMondeSearches(): Promise<number> {
  const stats = (await (await sandbox("/_sandbox/stats")).json()) as {
    endpoints: Record<string, { requests: number }>;
  };
  return Object.entries(stats.endpoints)
    .filter(([route]) => route.includes("/petitmonde/") && route.includes("/search"))
    .reduce((n, [, e]) => n + e.requests, 0);
}

test.describe("map search", () => {
  test.afterEach(async () => {
    await sandbox("/_sandbox/faults", { method: "DELETE" });
  });

  test("a dispatcher sees the basemap and chargers, filters them, and a reload restores the view", async ({ page }) => {
    await signInAs(page, "dispatcher");
    const map = new MapPage(page);
    await map.open("?lat=52.51&lng=13.39&z=12.5");

    await expect(map.rows.first()).toBeVisible();
    const allCount = await map.rows.count();
    const colours = await map.canvasColours();
    expect(colours.distinct).toBeGreaterThan(20);
    expect(colours.land).toBeGreaterThan(1000);
    expect(colours.green).toBeGreaterThan(50);

    const filtered = map.nextSearch();
    await page.getByLabel("Minimum power").selectOption("150");
    await filtered;
    await expect(page).toHaveURL(/minKw=150/);
    await expect.poll(() => map.powers().then((p) => p.length > 0 && p.every((kw) => kw >= 150))).toBe(true);
    expect(await map.rows.count()).toBeLessThan(allCount);

    const dc = map.nextSearch();
    await page.getByLabel("Current").selectOption("DC");
    await dc;
    await expect(page).toHaveURL(/current=DC/);
    const url = new URL(page.url());
    expect(url.searchParams.get("lat")).toBe("52.51000");
    expect(url.searchParams.get("lng")).toBe("13.39000");
    expect(url.searchParams.get("z")).toBe("12.50");

    const restored = map.nextSearch();
    await page.reload();
    await restored;
    await map.waitForIdle();
    await expect(page.getByLabel("Minimum power")).toHaveValue("150");
    await expect(page.getByLabel("Current")).toHaveValue("DC");
    const after = new URL(page.url());
    expect(Object.fromEntries(after.searchParams)).toEqual(Object.fromEntries(url.searchParams));
    await expect.poll(() => map.powers().then((p) => p.length > 0 && p.every((kw) => kw >= 150))).toBe(true);
  });

  test("zoomed out over Germany the map shows count bubbles, and a bubble zooms in", async ({ page }) => {
    await signInAs(page, "dispatcher");
    const map = new MapPage(page);
    const searchesBefore = await petitMondeSearches();
    const searched = map.nextSearch();
    await page.goto("/map?lat=51.2&lng=10.4&z=6");
    const answer = (await searched) as unknown as {
      chargers: unknown[];
      aggregates?: Array<{ count: number }>;
      providers: Array<{ provider: string; status: string }>;
    };
    await map.waitForIdle();
    expect(answer.chargers).toEqual([]);
    expect(answer.aggregates!.length).toBeGreaterThan(3);
    // Petit Monde is never asked at this zoom: it is counted from what earlier searches kept, or, where
    // nothing of it was kept (a fresh database), the map says so.
    const petitMonde = answer.providers.find((p) => p.provider === "PETITMONDE")?.status;
    expect(["notAsked", "ok"]).toContain(petitMonde);
    if (petitMonde === "notAsked")
      await expect(page.getByTestId("not-asked-note")).toContainText("Petit Monde is not asked at this zoom");
    expect(await petitMondeSearches()).toBe(searchesBefore);
    await expect(page.getByText(/\d[\d,]* chargers in view/)).toBeVisible();
    await expect(map.map).toHaveAttribute("data-aggregate-count", String(answer.aggregates!.length));

    // A bubble: the most blue pixel run on the canvas (#1d4ed8, blended with the land).
    const spot = await page.evaluate(() => {
      const source = document.querySelector<HTMLCanvasElement>('[data-testid="charger-map"] canvas')!;
      const copy = document.createElement("canvas");
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext("2d")!;
      ctx.drawImage(source, 0, 0);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (b > 180 && r < 90 && g < 120) {
          const x = (i / 4) % copy.width;
          const y = Math.floor(i / 4 / copy.width);
          const rect = source.getBoundingClientRect();
          return { x: (x * rect.width) / copy.width + 3, y: (y * rect.height) / copy.height + 6 };
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    const box = (await map.map.boundingBox())!;
    await page.mouse.click(box.x + spot!.x, box.y + spot!.y);
    await expect.poll(() => Number(new URL(page.url()).searchParams.get("z"))).toBeGreaterThanOrEqual(7.9);
  });

  test("selecting a charger shows its EVSEs, and Book opens the booking wizard prefilled", async ({ page }) => {
    await signInAs(page, "dispatcher");
    const map = new MapPage(page);
    await map.open("?lat=52.52&lng=13.405&z=13&reservable=1");

    await expect(map.rows.first()).toBeVisible();
    // Keyboard: the list takes focus, arrows move, Enter selects.
    await map.results.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(map.panel).toBeVisible();
    const evses = map.panel.getByTestId("evse");
    await expect(evses.first()).toBeVisible();
    await expect(evses.first()).toContainText(/[A-Z]{2}\*[A-Z0-9]+\*E/);
    await expect(map.panel.getByText(/Local time at the charger \(Europe\/Berlin\)/)).toBeVisible();

    const book = map.panel.getByRole("link", { name: /^Book/ }).first();
    const href = await book.getAttribute("href");
    await book.click();
    await page.waitForURL(/\/bookings\/new\?/);
    const target = new URL(page.url());
    expect(target.pathname).toBe("/bookings/new");
    expect(target.search).toBe(new URL(href!, page.url()).search);
    expect(["PETITMONDE", "DEPOTFINITY"]).toContain(target.searchParams.get("provider"));
    for (const key of ["locationId", "evseUid", "connectorId", "fleetId"]) {
      expect(target.searchParams.get(key), key).toBeTruthy();
    }
  });

  test("with one provider failing, the others' chargers still show with a banner", async ({ page }) => {
    await signInAs(page, "dispatcher");
    const put = await sandbox("/_sandbox/faults", {
      method: "PUT",
      body: { providers: { petitmonde: { errorRate: 1 } } },
    });
    expect(put.ok).toBe(true);

    const map = new MapPage(page);
    // An area and filter no earlier test searched: the server cache cannot answer for Petit Monde.
    const searched = map.nextSearch();
    await page.goto("/map?lat=52.45&lng=13.3&z=12&current=AC");
    const body = await searched;
    expect(body.providers.find((p) => p.provider === "PETITMONDE")?.status).not.toBe("ok");
    expect(body.providers.find((p) => p.provider === "PLUGSURFING")?.status).toBe("ok");

    await expect(map.banner).toContainText("Petit Monde");
    await expect(map.banner).toContainText("Showing results from the other providers");
    await expect(map.rows.first()).toBeVisible();
  });
});
