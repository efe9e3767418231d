import { describe, expect, it } from "vitest";
import { hashTokenSecret, isTokenShaped, newTokenSecret, secretMatches, tokenPrefix } from "./token-secret";

describe("API token secrets", () => {
  it("makes fct_ tokens of 40 base62 characters, a different one each time", () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a.token).toMatch(/^fct_[0-9A-Za-z]{40}$/);
    expect(isTokenShaped(a.token)).toBe(true);
    expect(a.token).not.toBe(b.token);
  });

  it("keeps only the SHA-256 and a short prefix", () => {
    const { token, prefix, secretHash } = newTokenSecret();
    expect(secretHash).toBe(hashTokenSecret(token));
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).not.toContain(token.slice(4));
    expect(prefix).toBe(token.slice(0, 12));
    expect(tokenPrefix(token)).toBe(prefix);
  });

  it("matches the stored hash only for the very token", () => {
    const { token, secretHash } = newTokenSecret();
    expect(secretMatches(token, secretHash)).toBe(true);
    expect(secretMatches(`${token.slice(0, -1)}x`, secretHash)).toBe(false);
    expect(secretMatches(token, "abc")).toBe(false);
  });

  it("tells a token's shape from anything else", () => {
    expect(isTokenShaped("fct_short")).toBe(false);
    expect(isTokenShaped(`xyz_${"a".repeat(40)}`)).toBe(false);
    expect(isTokenShaped(`fct_${"a".repeat(39)}-`)).toBe(false);
  });
});
