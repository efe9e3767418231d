import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/format";
import { translator } from "@/lib/i18n/messages";
import {
  chargerMapLink,
  mapLink,
  navigationLinks,
  reportedFee,
  tokenInstructions,
  tokenInstructionsIn,
  type TokenFacts,
} from "./presentation";

const berlin = { name: "Depot Tempelhof", latitude: 52.4731, longitude: 13.4036 };

describe("what a driver is told", () => {
  it("names the token to use for each strategy", () => {
    expect(tokenInstructions({ tokenStrategy: "GROUP_TOKEN", fleetGroupId: "group_berlin_vans" })).toContain(
      "group_berlin_vans",
    );
    expect(tokenInstructions({ tokenStrategy: "RFID", rfidValue: "89C47041" })).toContain("89C47041");
    expect(tokenInstructions({ tokenStrategy: "DRIVER_TOKEN", tokenId: "tok_9" })).toContain("tok_9");
    expect(tokenInstructions({ tokenStrategy: "AD_HOC" })).toMatch(/visitor/);
  });

  it("names the token in the reader's words, the same in English", () => {
    const tokens: TokenFacts[] = [
      { tokenStrategy: "GROUP_TOKEN", fleetGroupId: "group_berlin_vans" },
      { tokenStrategy: "GROUP_TOKEN" },
      { tokenStrategy: "DRIVER_TOKEN", tokenId: "tok_9" },
      { tokenStrategy: "DRIVER_TOKEN", customerId: "cus_1" },
      { tokenStrategy: "DRIVER_TOKEN" },
      { tokenStrategy: "RFID", rfidValue: "89C47041" },
      { tokenStrategy: "RFID" },
      { tokenStrategy: "AD_HOC" },
    ];
    const english = translator("en", "bookings");
    for (const token of tokens) expect(tokenInstructionsIn(english, token)).toBe(tokenInstructions(token));
    expect(tokenInstructionsIn(translator("de", "bookings"), { tokenStrategy: "AD_HOC" })).toBe(
      "Kein Token nötig: Starten Sie als Gast und bezahlen Sie direkt an der Ladestation.",
    );
  });

  it("links to the coordinates on a map", () => {
    expect(mapLink(52.52, 13.405)).toBe("https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=17/52.52/13.405");
  });

  it("offers directions to the charger's position in three map apps", () => {
    expect(navigationLinks(berlin)).toEqual([
      { app: "Google Maps", href: "https://www.google.com/maps/dir/?api=1&destination=52.4731%2C13.4036" },
      { app: "Apple Maps", href: "https://maps.apple.com/?daddr=52.4731%2C13.4036" },
      { app: "OpenStreetMap", href: "https://www.openstreetmap.org/?mlat=52.4731&mlon=13.4036#map=17/52.4731/13.4036" },
    ]);
  });

  it("navigates by address when the provider gave no position, and not at all without a street", () => {
    const unplaced = {
      ...berlin,
      positionKnown: false,
      address: "Tempelhofer Damm 1",
      postalCode: "12101",
      city: "Berlin",
    };
    const query = "Depot%20Tempelhof%2C%20Tempelhofer%20Damm%201%2C%2012101%2C%20Berlin";
    expect(navigationLinks(unplaced)).toEqual([
      { app: "Google Maps", href: `https://www.google.com/maps/dir/?api=1&destination=${query}` },
      { app: "Apple Maps", href: `https://maps.apple.com/?daddr=${query}` },
      { app: "OpenStreetMap", href: `https://www.openstreetmap.org/search?query=${query}` },
    ]);
    expect(chargerMapLink(unplaced)).toBe(`https://www.openstreetmap.org/search?query=${query}`);
    expect(navigationLinks({ ...berlin, positionKnown: false, city: "Berlin" })).toBeNull();
    for (const link of navigationLinks(berlin) ?? []) expect(link.href).toMatch(/^https:\/\//);
  });

  it("states a fee in the booking's own currency", () => {
    const f = createFormatter({ locale: "en-GB", timeZone: "UTC" });
    expect(reportedFee(f, { feeMinor: 15000, currency: "NOK" })).toBe(
      "The provider reported a fee of NOK\u00a0150.00.",
    );
    expect(reportedFee(f, { feeMinor: 1200, currency: "JPY" })).toBe("The provider reported a fee of JP¥1,200.");
    expect(reportedFee(f, { feeMinor: 1250, currency: null })).toBe(
      "The provider reported a fee but not its currency.",
    );
    expect(reportedFee(f, { feeMinor: null, currency: "EUR" })).toBeNull();
  });
});
