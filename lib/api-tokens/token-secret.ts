// The API token string: `fct_` and 40 random base62 characters. Only its SHA-256 is stored; lists show the
// first characters after the marker so a token can be told apart without being readable.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_MARKER = "fct_";
const SECRET_LENGTH = 40;
const PREFIX_LENGTH = 8;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_SHAPE = new RegExp(`^${TOKEN_MARKER}[0-9A-Za-z]{${SECRET_LENGTH}}$`);

export interface NewTokenSecret {
  /** Shown once, never stored. */
  token: string;
  /** `fct_ab12cd34`: what lists and the lookup use. */
  prefix: string;
  secretHash: string;
}

export function hashTokenSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Rejection sampling, so every character is equally likely. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function newTokenSecret(): NewTokenSecret {
  const token = TOKEN_MARKER + randomBase62(SECRET_LENGTH);
  return { token, prefix: tokenPrefix(token), secretHash: hashTokenSecret(token) };
}

export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_MARKER.length + PREFIX_LENGTH);
}

/** The stored hash against the given token's, in constant time. */
export function secretMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashTokenSecret(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
