import { describe, expect, it } from "vitest";
import { safeRedirect } from "./options";

const base = "https://fleet.example.com";

describe("redirect after sign-in", () => {
  it("follows paths and URLs of this app", () => {
    expect(safeRedirect("/keys?x=1", base)).toBe("https://fleet.example.com/keys?x=1");
    expect(safeRedirect("https://fleet.example.com/reports", base)).toBe("https://fleet.example.com/reports");
  });

  it("goes to the start page for another site or something that is neither URL nor path", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "not a url",
      "",
      "javascript:alert(1)",
    ])
      expect(safeRedirect(bad, base), bad).toBe(base);
  });
});
