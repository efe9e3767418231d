import { describe, expect, it } from "vitest";
import { formatWindowAtLocation, mapLink, tokenInstructions } from "./presentation";

describe("what a driver is told", () => {
  it("shows the window in the charger's time zone", () => {
    const text = formatWindowAtLocation(
      new Date("2026-11-24T06:00:00Z"),
      new Date("2026-11-24T08:00:00Z"),
      "Europe/Berlin",
    );
    expect(text).toContain("07:00");
    expect(text).toContain("09:00");
    expect(text).toContain("Europe/Berlin");
  });

  it("names the token to use for each strategy", () => {
    expect(tokenInstructions({ tokenStrategy: "GROUP_TOKEN", fleetGroupId: "group_berlin_vans" })).toContain(
      "group_berlin_vans",
    );
    expect(tokenInstructions({ tokenStrategy: "RFID", rfidValue: "89C47041" })).toContain("89C47041");
    expect(tokenInstructions({ tokenStrategy: "DRIVER_TOKEN", tokenId: "tok_9" })).toContain("tok_9");
    expect(tokenInstructions({ tokenStrategy: "AD_HOC" })).toMatch(/visitor/);
  });

  it("links to the coordinates on a map", () => {
    expect(mapLink(52.52, 13.405)).toBe("https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=17/52.52/13.405");
  });
});
