import { describe, expect, it } from "vitest";
import { acceptRequestId, isSafeRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("acceptRequestId", () => {
  it("keeps a short, plain id from a proxy", () => {
    expect(acceptRequestId("lb-7f3a9c")).toBe("lb-7f3a9c");
    expect(acceptRequestId("3f2b8c1e-9a4d-4f6b-8e2a-1c3d5e7f9a0b")).toBe("3f2b8c1e-9a4d-4f6b-8e2a-1c3d5e7f9a0b");
    expect(acceptRequestId("req_01.abc:def")).toBe("req_01.abc:def");
    expect(acceptRequestId("a".repeat(64))).toBe("a".repeat(64));
  });

  it("replaces a missing, long, repeated or unsafe one with a fresh UUID", () => {
    const refused = [
      undefined,
      "",
      "a".repeat(65),
      ["one", "two"],
      "id with spaces",
      "id\r\nSet-Cookie: x=1",
      '{"json":1}',
      "<script>",
      "Root=1-67891233",
      "-leading-dash",
      "ünïcode",
    ];
    for (const incoming of refused) {
      const id = acceptRequestId(incoming);
      expect(id, String(incoming)).toMatch(UUID);
      expect(id).not.toBe(incoming);
    }
    expect(acceptRequestId(undefined)).not.toBe(acceptRequestId(undefined));
  });

  it("checks values of any type", () => {
    expect(isSafeRequestId(42)).toBe(false);
    expect(isSafeRequestId(null)).toBe(false);
    expect(isSafeRequestId("ok-1")).toBe(true);
  });
});
