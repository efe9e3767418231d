import { describe, expect, it } from "vitest";
import { buildPlaceIndex, searchPlaceIndex, type PlaceRow } from "./place-search";

const rows: PlaceRow[] = [
  ["Berlin", "DE", 13.405, 52.52, 3_426_354],
  ["München", "DE", 11.575, 48.137, 1_260_391],
  ["Neubrandenburg", "DE", 13.261, 53.557, 65_282],
  ["Frankfurt (Oder)", "DE", 14.55, 52.342, 58_537],
  ["Berlingen", "CH", 9.017, 47.667, 1_000],
];
const index = buildPlaceIndex(rows);

describe("place search", () => {
  it("ranks a name prefix before a substring, larger towns first", () => {
    expect(searchPlaceIndex(index, "berl").map((h) => h.name)).toEqual(["Berlin", "Berlingen"]);
    expect(searchPlaceIndex(index, "bran").map((h) => h.name)).toEqual(["Neubrandenburg"]);
  });

  it("ignores accents and case", () => {
    expect(searchPlaceIndex(index, "MUNCHEN")[0]).toMatchObject({ name: "München", detail: "DE", latitude: 48.137 });
  });

  it("matches the start of a later word before a substring", () => {
    const hits = searchPlaceIndex(buildPlaceIndex([...rows, ["Oderberg", "DE", 14.0, 52.8, 2_000]]), "oder");
    expect(hits.map((h) => h.name)).toEqual(["Oderberg", "Frankfurt (Oder)"]);
  });

  it("needs two characters and honours the limit", () => {
    expect(searchPlaceIndex(index, "b")).toEqual([]);
    expect(searchPlaceIndex(index, "er", 2)).toHaveLength(2);
  });
});
