// Ranks towns for the map's place search box: name prefix before word prefix before substring,
// larger towns first within each, accents and case ignored.

/** A row of public/map-data/places.json: [name, country, longitude, latitude, population]. */
export type PlaceRow = [name: string, country: string, longitude: number, latitude: number, population: number];

export interface PlaceHit {
  kind: "town" | "depot";
  id: string;
  name: string;
  detail?: string;
  latitude: number;
  longitude: number;
}

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

export interface PlaceIndex {
  rows: PlaceRow[];
  folded: string[];
}

export function buildPlaceIndex(rows: PlaceRow[]): PlaceIndex {
  return { rows, folded: rows.map((r) => fold(r[0])) };
}

/** Rows arrive sorted by population (largest first), which orders hits within a rank. */
export function searchPlaceIndex(index: PlaceIndex, query: string, limit = 6): PlaceHit[] {
  const q = fold(query);
  if (q.length < 2) return [];
  const ranked: Array<[rank: number, i: number]> = [];
  index.folded.forEach((name, i) => {
    const rank = name.startsWith(q)
      ? 0
      : name.includes(` ${q}`) || name.includes(`-${q}`)
        ? 1
        : name.includes(q)
          ? 2
          : -1;
    if (rank >= 0) ranked.push([rank, i]);
  });
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return ranked.slice(0, limit).map(([, i]) => {
    const [name, country, longitude, latitude] = index.rows[i];
    return { kind: "town", id: `town:${i}`, name, detail: country, latitude, longitude };
  });
}
