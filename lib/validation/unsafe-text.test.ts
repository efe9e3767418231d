import { describe, expect, it } from "vitest";
import { findUnsafeText } from "./unsafe-text";

describe("unsafe text", () => {
  it("finds NUL, control characters and lone surrogates, with the field's path", () => {
    expect(findUnsafeText({ name: "a\u0000b" })).toBe("name");
    expect(findUnsafeText({ items: [{ note: "ok" }, { note: "x\u001by" }] })).toBe("items.1.note");
    expect(findUnsafeText({ q: "\ud800" })).toBe("q");
    expect(findUnsafeText({ q: "x\udc00" })).toBe("q");
    expect(findUnsafeText("\u0007")).toBe("_form");
    expect(findUnsafeText({ "a\u0000": 1 })).toBe("_form");
  });

  it("lets ordinary text through, emoji and line breaks included", () => {
    expect(findUnsafeText({ name: "Zoë 🚐 Depot\nHalle 2\t(Süd)", n: 3, list: ["a", null] })).toBeNull();
  });
});
