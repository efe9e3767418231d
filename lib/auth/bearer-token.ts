// Machine access with a configured token (monitoring, metrics): reading `Authorization: Bearer …` and
// comparing it in constant time.
import { createHash, timingSafeEqual } from "node:crypto";

/** The token of an `Authorization: Bearer <token>` header; undefined when there is none. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim();
}

/** Compared as digests, so neither the length nor a prefix of the token leaks through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
