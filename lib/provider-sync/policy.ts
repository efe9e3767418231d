// When a sync is settled, retried later or reverted: pure rules shared by the request path and the reconciler.
import { Prisma } from "@/generated/prisma/client";
import { isDomainError } from "@/lib/errors";
import { isProviderError, type ProviderErrorCode } from "@/lib/providers/errors";

/** The reconciler leaves a new intent alone this long: the request that stored it is still working on it. */
export const REQUEST_GRACE_MS = 60_000;
/** After this many reconciler attempts a change that still cannot be applied here is reverted at the provider. */
export const MAX_ATTEMPTS = 8;

/** Answers that prove the provider did not apply the change: nothing to put back there. */
const REFUSALS: ReadonlySet<ProviderErrorCode> = new Set([
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_REQUEST",
  "RATE_LIMITED",
]);

/** True when the provider certainly did not make the change; otherwise (timeout, 5xx…) it may have. */
export function providerRefused(error: unknown): boolean {
  return isProviderError(error) && REFUSALS.has(error.code);
}

/** Database errors that repeat on every attempt: a value it rejects, a row or reference that is gone. */
const PERMANENT_DB_CODES: ReadonlySet<string> = new Set(["P2000", "P2003", "P2006", "P2007", "P2011", "P2025"]);

/** True when the local change can never be applied (a domain rule refuses it, or the database always will). */
export function cannotApplyLocally(error: unknown): boolean {
  if (isDomainError(error)) return true;
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  return error instanceof Prisma.PrismaClientKnownRequestError && PERMANENT_DB_CODES.has(error.code);
}

/** Exponential backoff with a cap: 30 s, 1 min, 2 min … 30 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}
