// Map benchmarks: the server-side charger search for central Berlin against the sandbox (and the
// sandbox's own latency for the same calls), MapLibre's time from data arrival to idle with
// 50,000 clustered chargers in headless Chromium — the app's map and a bare MapLibre page in the same
// run — and the /map route's first-load JS (gzip).
//   npm run bench -- map
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { chromium } from "playwright-core";
import { startSandbox } from "@/sandbox/server";
import { PlugsurfingAdapter } from "@/lib/providers/plugsurfing";
import { PetitMondeAdapter } from "@/lib/providers/petitmonde";
import { DepotFinityAdapter } from "@/lib/providers/depotfinity";
import type { RateLimiter } from "@/lib/providers/rate-limit";
import { EMPTY_FILTERS } from "@/lib/search/filters";
import { searchChargers, toSearchQuery, type SearchAdapter } from "@/lib/search/search-chargers";
import { PROVIDER_SEARCH_LIMITS, coveringCircle } from "@/lib/search/viewport";
import {
  AGGREGATE_CLUSTER_PROPERTIES,
  aggregateLayers,
  depotLayers,
  chargerLayers,
  chargersToGeoJson,
  highlightLayer,
  MAP_FADE_DURATION_MS,
  offlineBasemapStyle,
  CHARGER_CLUSTER_PROPERTIES,
} from "@/components/map/map-style";
import { firstLoadJsGzip } from "./startup";

const RUNS = 30;
/** What the map asks for at zoom 12 over Berlin-Mitte. */
const CENTRAL_BERLIN = { west: 13.3, south: 52.48, east: 13.5, north: 52.56 };
/** The sandbox's published credentials (lib/env.ts holds the same; it is server-only, so not importable here). */
const SANDBOX_KEYS = {
  plugsurfing: "sandbox-plugsurfing-key",
  petitMonde: "sandbox-petitmonde-key",
  depotClientId: "sandbox-depot-client",
  depotClientSecret: "sandbox-depot-secret",
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The providers' client-side rate limiting would measure our own throttle, not the search. */
const noLimit: RateLimiter = { acquire: async () => undefined };

async function serverSearch(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-map-sandbox-"));
  const sandbox = await startSandbox({
    port: 0,
    dataDir,
    rateLimits: {
      plugsurfingPerMinute: 1e6,
      plugsurfingPerDay: 1e9,
      petitMondePerMinute: 1e6,
      petitMondePerMonth: 1e9,
    },
  });
  try {
    const options = { limiter: noLimit };
    const adapters: SearchAdapter[] = [
      new PlugsurfingAdapter(
        { baseUrl: `${sandbox.url}/plugsurfing/drive`, apiKey: SANDBOX_KEYS.plugsurfing },
        options,
      ),
      new PetitMondeAdapter(
        { baseUrl: `${sandbox.url}/petitmonde/api/v1/client`, apiKey: SANDBOX_KEYS.petitMonde },
        options,
      ),
      new DepotFinityAdapter(
        {
          baseUrl: `${sandbox.url}/depotfinity`,
          authUrl: `${sandbox.url}/depotfinity-auth/oauth2/token`,
          clientId: SANDBOX_KEYS.depotClientId,
          clientSecret: SANDBOX_KEYS.depotClientSecret,
        },
        options,
      ),
    ];

    // Warm-up: connections, the DepotFinity token, JIT.
    for (let i = 0; i < 3; i++) await searchChargers(CENTRAL_BERLIN, EMPTY_FILTERS, { adapters, cache: null });

    const searchMs: number[] = [];
    let chargers = 0;
    // What /api/chargers sends the map for this viewport, gzip'd as the browser receives it.
    const answer = await searchChargers(CENTRAL_BERLIN, EMPTY_FILTERS, { adapters, cache: null });
    const wireBytes = gzipSync(JSON.stringify(answer)).length;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await searchChargers(CENTRAL_BERLIN, EMPTY_FILTERS, { adapters, cache: null });
      searchMs.push(performance.now() - started);
      chargers = result.chargers.length;
      if (result.providers.some((p) => p.status !== "ok"))
        throw new Error(`a provider failed: ${JSON.stringify(result.providers)}`);
    }

    // The sandbox alone: the same three calls as raw HTTP in parallel, no parsing or merging.
    const circle = coveringCircle(CENTRAL_BERLIN);
    const token = (await (
      await fetch(`${sandbox.url}/depotfinity-auth/oauth2/token`, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${SANDBOX_KEYS.depotClientId}:${SANDBOX_KEYS.depotClientSecret}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      })
    ).json()) as { access_token: string };
    const query = toSearchQuery(circle, EMPTY_FILTERS, PROVIDER_SEARCH_LIMITS.PLUGSURFING.maxResults);
    const rawCalls = () =>
      Promise.all([
        fetch(
          `${sandbox.url}/plugsurfing/drive/v1/geosearch/radius?latitude=${query.latitude}&longitude=${query.longitude}&distance=${query.radiusM}&limit=300`,
          {
            method: "POST",
            headers: { "X-API-Key": SANDBOX_KEYS.plugsurfing, "Content-Type": "application/json" },
            body: JSON.stringify({ filters: {} }),
          },
        ).then((r) => r.arrayBuffer()),
        fetch(
          `${sandbox.url}/petitmonde/api/v1/client/search?lat=${query.latitude}&lng=${query.longitude}&radius=${Math.ceil(query.radiusM / 1000)}&limit=500`,
          { headers: { "X-API-Key": SANDBOX_KEYS.petitMonde } },
        ).then((r) => r.arrayBuffer()),
        fetch(`${sandbox.url}/depotfinity/v1/chargers`, {
          headers: { Authorization: `Bearer ${token.access_token}` },
        }).then((r) => r.arrayBuffer()),
      ]);
    for (let i = 0; i < 3; i++) await rawCalls();
    const sandboxMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await rawCalls();
      sandboxMs.push(performance.now() - started);
    }

    return {
      "map.serverSearchBerlinMedianMs": median(searchMs),
      "map.serverSearchBerlinP90Ms": [...searchMs].sort((a, b) => a - b)[Math.floor(RUNS * 0.9)],
      "map.sandboxSearchBerlinMedianMs": median(sandboxMs),
      "map.serverSearchBerlinOverheadMs": median(searchMs) - median(sandboxMs),
      "map.serverSearchBerlinChargers": chargers,
      "map.wireGzipBytesPerChargerBerlin": wireBytes / answer.chargers.length,
    };
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What the map is shown: a 1280×800 map over Germany at zoom 5.6, where 50,000 chargers are all in view. */
const VIEW = { center: [10.4, 51.2], zoom: 5.6 };

/** The bench's 50,000 chargers, the same in every page for the same run (a seeded generator in the page). */
const CHARGERS_SCRIPT = `
const AVAILABILITY = ["available", "occupied", "unavailable", "unknown"];
function benchChargers(count, run) {
  let seed = run + 1;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, (_, i) => ({
    key: "B:" + i,
    availability: AVAILABILITY[i % 4],
    maxPowerKw: [11, 22, 50, 150, 300][i % 5],
    latitude: 47.3 + random() * 7.7,
    longitude: 6 + random() * 9,
  }));
}`;

/**
 * "app": the app's own basemap style and charger layers (components/map/map-style.ts), fed the way the app
 * feeds them (chargersToGeoJson). "bare": the same MapLibre, viewport and points, and nothing else — an empty
 * style, one GeoJSON source with `cluster: true` and one plain circle layer to draw it.
 */
function benchPage(kind: "app" | "bare"): string {
  const style =
    kind === "app"
      ? offlineBasemapStyle("light")
      : {
          version: 8,
          sources: {},
          layers: [{ id: "background", type: "background", paint: { "background-color": "#fff" } }],
        };
  const setup =
    kind === "app"
      ? `map.addSource("chargers", { type: "geojson", data: { type: "FeatureCollection", features: [] },
    cluster: true, clusterRadius: 50, clusterMaxZoom: 14, clusterProperties: ${JSON.stringify(CHARGER_CLUSTER_PROPERTIES)} });
  for (const layer of ${JSON.stringify(chargerLayers)}) map.addLayer(layer);
  map.addSource("charger-aggregates", { type: "geojson", data: { type: "FeatureCollection", features: [] },
    cluster: true, clusterRadius: 40, clusterProperties: ${JSON.stringify(AGGREGATE_CLUSTER_PROPERTIES)} });
  for (const layer of ${JSON.stringify(aggregateLayers)}) map.addLayer(layer);
  map.addSource("depots", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  for (const layer of ${JSON.stringify(depotLayers)}) map.addLayer(layer);
  map.addSource("charger-highlight", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  map.addLayer(${JSON.stringify(highlightLayer)});`
      : `map.addSource("chargers", { type: "geojson", data: { type: "FeatureCollection", features: [] }, cluster: true });
  map.addLayer({ id: "chargers", type: "circle", source: "chargers" });`;
  const toGeoJson =
    kind === "app"
      ? `const toGeoJson = ${chargersToGeoJson.toString()};`
      : `const toGeoJson = (chargers) => ({ type: "FeatureCollection", features: chargers.map((c) => ({
    type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [c.longitude, c.latitude] } })) });`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#map{margin:0;width:1280px;height:800px}</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibregl from "/maplibre-gl.mjs";
maplibregl.setWorkerUrl("/maplibre-gl-worker.mjs");
${CHARGERS_SCRIPT}
${toGeoJson}
const map = new maplibregl.Map({
  container: "map",
  style: ${JSON.stringify(style)},
  center: ${JSON.stringify(VIEW.center)},
  zoom: ${VIEW.zoom},
  ${kind === "app" ? `fadeDuration: ${MAP_FADE_DURATION_MS},` : ""}
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const idle = () => new Promise((resolve) => map.once("idle", resolve));
window.ready = new Promise((resolve) => map.on("load", async () => {
  ${setup}
  await idle();
  resolve();
}));
/** Data arrival (the parsed search answer) → GeoJSON → clustered and drawn → map idle; and the frames drawn meanwhile. */
window.runBench = async (count, run) => {
  const chargers = benchChargers(count, run);
  let frames = 0;
  const countFrame = () => frames++;
  map.on("render", countFrame);
  const started = performance.now();
  map.getSource("chargers").setData(toGeoJson(chargers));
  await idle();
  const ms = performance.now() - started;
  map.off("render", countFrame);
  return [ms, frames];
};
</script></body></html>`;
}

const STATIC: Record<string, [file: string, type: string]> = {
  "/maplibre-gl.mjs": ["node_modules/maplibre-gl/dist/maplibre-gl.mjs", "text/javascript"],
  "/maplibre-gl-worker.mjs": ["node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs", "text/javascript"],
  "/maplibre-gl.css": ["node_modules/maplibre-gl/dist/maplibre-gl.css", "text/css"],
};

/** Runs of each page, alternating, after one warm-up run each: 9 pairs keep the median steadier on a busy machine. */
const IDLE_RUNS = 9;

async function mapIdle(): Promise<Record<string, number>> {
  const pages = { app: benchPage("app"), bare: benchPage("bare") };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const known = STATIC[url.pathname];
    const dataFile = url.pathname.startsWith("/map-data/")
      ? path.join("public", path.normalize(url.pathname))
      : undefined;
    if (url.pathname === "/app" || url.pathname === "/bare") {
      response.writeHead(200, { "Content-Type": "text/html" }).end(pages[url.pathname === "/app" ? "app" : "bare"]);
    } else if (known) {
      response.writeHead(200, { "Content-Type": known[1] }).end(readFileSync(known[0]));
    } else if (dataFile && dataFile.startsWith(path.join("public", "map-data")) && existsSync(dataFile)) {
      response.writeHead(200, { "Content-Type": "application/json" }).end(readFileSync(dataFile));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  try {
    const open = async (kind: "app" | "bare") => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/${kind}`);
      await page.waitForFunction(() => "ready" in window, undefined, { timeout: 30_000 });
      await page.evaluate(() => (window as unknown as { ready: Promise<void> }).ready);
      if (errors.length) throw new Error(`${kind} bench page failed: ${errors.join("; ")}`);
      return page;
    };
    const app = await open("app");
    const bare = await open("bare");
    const once = async (page: typeof app, run: number) => {
      // The page measured is in front: a page behind is not drawn.
      await page.bringToFront();
      return page.evaluate(
        ([n, r]) => (window as unknown as { runBench(n: number, r: number): Promise<[number, number]> }).runBench(n, r),
        [50_000, run] as const,
      );
    };
    const appRuns: number[] = [];
    const bareRuns: number[] = [];
    const appFrames: number[] = [];
    const bareFrames: number[] = [];
    const [appFirst] = await once(app, 0);
    await once(bare, 0);
    // Alternating, so that whatever else the machine is doing weighs on both alike; the same points for both.
    for (let run = 1; run <= IDLE_RUNS; run++) {
      const [appMs, appFrameCount] = await once(app, run);
      const [bareMs, bareFrameCount] = await once(bare, run);
      appRuns.push(appMs);
      appFrames.push(appFrameCount);
      bareRuns.push(bareMs);
      bareFrames.push(bareFrameCount);
    }
    return {
      "map.idleAfter50kChargersMedianMs": median(appRuns),
      "map.idleAfter50kChargersFirstMs": appFirst,
      "map.bareIdleAfter50kChargersMedianMs": median(bareRuns),
      "map.idleAppVsBare": median(appRuns) / median(bareRuns),
      // Each frame waits for the one before it to be drawn (SwiftShader here): what the app draws more costs time.
      "map.framesToIdleApp": median(appFrames),
      "map.framesToIdleBare": median(bareFrames),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

function mapFirstLoadJs(): Record<string, number> {
  const distDir = [process.env.NEXT_DIST_DIR, ".next"].find((d): d is string =>
    Boolean(d && existsSync(path.join(d, "server", "app"))),
  );
  if (!distDir) {
    console.log("  no Next build found (run `npm run build` first): first-load JS skipped");
    return {};
  }
  const sizes = firstLoadJsGzip(distDir);
  const map = sizes["/(app)/map"];
  return map === undefined ? {} : { "map.firstLoadJsGzip": map };
}

export async function run(): Promise<Record<string, number>> {
  return { ...(await serverSearch()), ...(await mapIdle()), ...mapFirstLoadJs() };
}

// `tsx bench/map.ts` prints the figures on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (figures) => console.table(figures),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
