// Keeps secrets out of log lines: fields named like a credential are censored wherever they sit, and
// every string is swept for credential patterns (Bearer/Basic values, api_key=…, password=…).
import { createRedactor } from "../providers/redact";

export const REDACTED = "[REDACTED]";

/** authorization, proxy-authorization, cookie, set-cookie, x-api-key, apiKey, password, clientSecret, accessToken… */
const SECRET_KEY = /authorization|cookie|passw(or)?d|secret|api[-_]?key|token/i;
const MAX_DEPTH = 8;

const sweepPatterns = createRedactor([]);
/** Every generic pattern of lib/providers/redact.ts names one of these words: most text skips the sweep. */
const MAY_HOLD_CREDENTIAL = /bearer|basic|token|secret|api[-_]?key|password/i;
const sweep = (text: string) => (MAY_HOLD_CREDENTIAL.test(text) ? sweepPatterns(text) : text);

export function redactText(text: string): string {
  return sweep(text);
}

function serializeError(error: Error): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(error));
  const cause = (error as { cause?: unknown }).cause;
  return {
    ...own,
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(cause === undefined ? {} : { cause }),
  };
}

/** A copy of a log object with credentials censored; plain values pass through unchanged. */
export function redactLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return sweep(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Error) return redactLogValue(serializeError(value), depth);
  if (Array.isArray(value)) return value.map((item) => redactLogValue(item, depth + 1));
  if (value instanceof Date) return value;
  if (value instanceof Headers) return redactLogValue(Object.fromEntries(value.entries()), depth);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redactLogValue(item, depth + 1);
  }
  return out;
}

export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return redactLogValue(object) as Record<string, unknown>;
}
