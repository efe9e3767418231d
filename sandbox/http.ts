// Request-body parsing and validation-message helpers shared by the three provider APIs.
import type { Context } from "hono";
import type { z } from "zod";

export type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads a JSON body whatever its Content-Type (Plugsurfing's own examples send `*\/*`), tolerating the
 * trailing commas the providers' doc examples contain. An empty body reads as `{}`.
 */
export async function readJsonBody(c: Context): Promise<ParsedBody> {
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    try {
      return { ok: true, value: JSON.parse(text.replace(/,\s*([}\]])/g, "$1")) };
    } catch {
      return { ok: false, message: "Malformed JSON body" };
    }
  }
}

/** The first zod issue as one sentence that names the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.join(".");
  if (issue.code === "invalid_type" && issue.input === undefined) return `Missing required field: ${field}`;
  return field ? `Invalid ${field}: ${issue.message}` : issue.message;
}

/** Parses a query-string number; undefined when absent, NaN when not a number. */
export function queryNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return Number(value);
}

export function isoOrUndefined(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** ISO 8601 duration as Plugsurfing writes it: PT15M, PT1H2M3.5S, PT0S. */
export function isoDuration(ms: number): string {
  const totalSeconds = Math.max(0, ms) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round((totalSeconds % 60) * 1000) / 1000;
  let out = "PT";
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === "PT") out += `${seconds}S`;
  return out;
}

export function roundMoney(euros: number): number {
  return Math.round(euros * 100) / 100;
}

/** Parses an ISO 8601 timestamp with an explicit zone; undefined when invalid. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
