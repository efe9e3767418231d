// Dashboard invitation codes: generation (80 random bits, readable), normalisation, hashing, comparison.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Crockford base32: no I, L, O, U; when typed, O reads as 0 and I/L as 1 (see normaliseCode). */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 20 characters × 5 bits = 100 bits; the 4-character hint kept in clear leaves 80 secret bits. */
export const CODE_GROUPS = 5;
export const CODE_GROUP_LENGTH = 4;
export const CODE_LENGTH = CODE_GROUPS * CODE_GROUP_LENGTH;
export const CODE_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);
/** How many leading characters are kept in clear, so admins can tell codes apart. */
export const HINT_LENGTH = 4;
/** What stays unknown to someone who can read the stored hint. */
export const SECRET_BITS = (CODE_LENGTH - HINT_LENGTH) * Math.log2(CODE_ALPHABET.length);

/** A fresh code like `7K3M-Q9XD-2BHW-ZR4T-M8PC`. */
export function generateCode(): string {
  // 32 divides 256, so `byte % 32` is uniform.
  const bytes = randomBytes(CODE_LENGTH);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return formatCode(chars.join(""));
}

/** Groups of four joined by dashes. */
export function formatCode(normalised: string): string {
  const groups: string[] = [];
  for (let i = 0; i < normalised.length; i += CODE_GROUP_LENGTH)
    groups.push(normalised.slice(i, i + CODE_GROUP_LENGTH));
  return groups.join("-");
}

/**
 * What the driver typed → the canonical 20 characters, or null when it cannot be a code.
 * Case, spaces and dashes do not matter; O/I/L are read as 0/1/1 as in Crockford base32.
 */
export function normaliseCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (compact.length !== CODE_LENGTH) return null;
  for (const c of compact) if (!CODE_ALPHABET.includes(c)) return null;
  return compact;
}

/** SHA-256 of the normalised code, hex. Enough for 80-bit random secrets: no dictionary to attack. */
export function hashCode(normalised: string): string {
  return createHash("sha256").update(`invitation:${normalised}`).digest("hex");
}

export function hintOf(normalised: string): string {
  return normalised.slice(0, HINT_LENGTH);
}

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
