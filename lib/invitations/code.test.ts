// Invitation code format, entropy and normalisation.
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  SECRET_BITS,
  formatCode,
  generateCode,
  hashCode,
  hashesEqual,
  hintOf,
  normaliseCode,
} from "./code";

describe("invitation codes", () => {
  it("carry at least 80 bits of entropy", () => {
    // even for someone who reads the stored hint
    expect(SECRET_BITS).toBeGreaterThanOrEqual(80);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it("look like XXXX-XXXX-XXXX-XXXX-XXXX from the readable alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
      expect(normaliseCode(code)).toBe(code.replaceAll("-", ""));
    }
  });

  it("are different every time and use every character", () => {
    const codes = Array.from({ length: 500 }, generateCode);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set(codes.join("").replaceAll("-", ""));
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });

  it("normalise what people type: case, spaces, dashes, O/I/L", () => {
    expect(normaliseCode(" 7k3m q9xd-2bhw zr4t m8pc")).toBe("7K3MQ9XD2BHWZR4TM8PC");
    expect(normaliseCode("OIL0-1111-2222-3333-4444")).toBe("01101111222233334444");
    expect(normaliseCode("7K3M-Q9XD-2BHW-ZR4T")).toBeNull();
    expect(normaliseCode("7K3M-Q9XD-2BHW-ZR4T-M8PU")).toBeNull(); // U is not in the alphabet
    expect(normaliseCode("")).toBeNull();
  });

  it("hash deterministically and compare hashes", () => {
    const a = hashCode("7K3MQ9XD2BHWZR4T");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain("7K3M");
    expect(hashesEqual(a, hashCode("7K3MQ9XD2BHWZR4T"))).toBe(true);
    expect(hashesEqual(a, hashCode("7K3MQ9XD2BHWZR4V"))).toBe(false);
    expect(hashesEqual(a, "abcd")).toBe(false);
  });

  it("format and hint", () => {
    expect(formatCode("7K3MQ9XD2BHWZR4TM8PC")).toBe("7K3M-Q9XD-2BHW-ZR4T-M8PC");
    expect(hintOf("7K3MQ9XD2BHWZR4T")).toBe("7K3M");
  });
});
