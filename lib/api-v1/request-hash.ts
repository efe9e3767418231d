// What an Idempotency-Key is bound to: the method, the path and the body, with the body's keys in a fixed
// order so that the same JSON written differently is the same request.
import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${path}\n${JSON.stringify(canonical(body))}`)
    .digest("hex");
}

/** 1 to 200 visible ASCII characters (a UUID, say). */
export function validIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,200}$/.test(key);
}
