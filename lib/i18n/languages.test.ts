import { describe, expect, it } from "vitest";
import { chooseLanguage } from "./languages";

describe("chooseLanguage", () => {
  it("takes the user's own setting over the browser's", () => {
    expect(chooseLanguage("de", "en-US,en;q=0.9")).toEqual({ language: "de", formatLocale: "de-DE" });
    expect(chooseLanguage("en", "de-DE,de;q=0.9,en-US;q=0.8")).toEqual({ language: "en", formatLocale: "en-US" });
  });

  it("without a setting, takes the first language of the browser we speak, in its region", () => {
    expect(chooseLanguage(null, "de-AT,de;q=0.9")).toEqual({ language: "de", formatLocale: "de-AT" });
    expect(chooseLanguage(null, "fr-FR,de;q=0.8,en;q=0.5")).toEqual({ language: "de", formatLocale: "de" });
    expect(chooseLanguage(undefined, "en-US")).toEqual({ language: "en", formatLocale: "en-US" });
  });

  it("falls back to English, formatted as in Britain", () => {
    expect(chooseLanguage(null, undefined)).toEqual({ language: "en", formatLocale: "en-GB" });
    expect(chooseLanguage("xx", "fr-FR")).toEqual({ language: "en", formatLocale: "en-GB" });
  });
});
