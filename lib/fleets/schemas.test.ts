// Fleet id rules, the slug suggestion and euro amounts.
import { describe, expect, it } from "vitest";
import { createFleetInput, eurosToMinor, fleetName, plugsurfingFleetId, suggestFleetId } from "./schemas";

describe("plugsurfingFleetId", () => {
  it("accepts lowercase letters, digits, - _ .", () => {
    expect(plugsurfingFleetId.parse("acme-corp_01.eu")).toBe("acme-corp_01.eu");
    expect(plugsurfingFleetId.parse("a".repeat(100))).toHaveLength(100);
  });

  it("rejects what Plugsurfing or our rules would not take", () => {
    for (const bad of ["", "Acme", "acme corp", "-acme", "acme/1", "ä", "a".repeat(101)]) {
      expect(plugsurfingFleetId.safeParse(bad).success, bad).toBe(false);
    }
    const tooLong = plugsurfingFleetId.safeParse("a".repeat(101));
    expect(tooLong.error?.issues[0].message).toBe("Use at most 100 characters");
  });
});

describe("fleetName", () => {
  it("trims, and refuses what the database or a provider screen would not take", () => {
    expect(fleetName.parse("  Vans Süd – 2  ")).toBe("Vans Süd – 2");
    for (const bad of ["", "   ", "a".repeat(101), "Bad\u0000name", "Line\nbreak", "Del\u007f"]) {
      expect(fleetName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("suggestFleetId", () => {
  it("turns names into valid ids", () => {
    expect(suggestFleetId("Berlin Vans 2")).toBe("berlin-vans-2");
    expect(suggestFleetId("  Müller & Söhne GmbH — Süd ")).toBe("muller-sohne-gmbh-sud");
    expect(suggestFleetId("Straße")).toBe("strasse");
    expect(suggestFleetId("!!!")).toBe("");
    const long = suggestFleetId("x ".repeat(200));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(plugsurfingFleetId.safeParse(long).success).toBe(true);
  });
});

describe("createFleetInput", () => {
  it("converts euro limits to cents and blanks to null/undefined", () => {
    const parsed = createFleetInput.parse({
      plugsurfingFleetId: "acme",
      name: "",
      petitMondeFleetGroupId: " ",
      spendingLimitMonthly: "2500",
      spendingLimitSession: "49,9",
    });
    expect(parsed).toEqual({
      plugsurfingFleetId: "acme",
      name: undefined,
      petitMondeFleetGroupId: undefined,
      spendingLimitMonthly: 250000,
      spendingLimitSession: 4990,
    });
    expect(createFleetInput.safeParse({ plugsurfingFleetId: "acme", spendingLimitMonthly: "12.345" }).success).toBe(
      false,
    );
    expect(eurosToMinor("0.05")).toBe(5);
  });
});
