// Expected failures of actions and route handlers, and how any error becomes a plain-language result.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isDomainError, type ErrorCode } from "@/lib/errors";
import { isProviderError } from "@/lib/providers/errors";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { UNSAFE_TEXT_MESSAGE, findUnsafeText } from "@/lib/validation/unsafe-text";

export { ERROR_CODES, type ErrorCode } from "@/lib/errors";

export interface ActionFailure {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  referenceId?: string;
  /** Extra, safe-to-show details (e.g. alternative chargers after a 409). */
  details?: unknown;
}

export type ActionResult<R> = { ok: true; data: R } | { ok: false; error: ActionFailure };

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PROVIDER: 502,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function validationFailure(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { code: "VALIDATION", message: "Some fields need your attention.", fieldErrors };
}

/** Refuses input holding NUL, other control characters or lone surrogates, naming the field. */
export function unsafeTextFailure(raw: unknown): ActionFailure | null {
  const path = findUnsafeText(raw);
  if (path === null) return null;
  return {
    code: "VALIDATION",
    message: "Some fields need your attention.",
    fieldErrors: { [path]: [UNSAFE_TEXT_MESSAGE] },
  };
}

/** Maps any thrown value to what the browser may see; unexpected errors are logged with a reference id. */
export function toFailure(error: unknown, context: string): ActionFailure {
  if (isDomainError(error)) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, details: error.details };
  }
  if (error instanceof z.ZodError) return validationFailure(error);
  if (isProviderError(error)) {
    return {
      code: error.status === 429 ? "RATE_LIMITED" : "PROVIDER",
      message: error.userMessage || "The charging provider did not answer as expected. Please try again.",
      details: { retryable: error.retryable, providerCode: error.code },
    };
  }
  const referenceId = randomUUID().slice(0, 8);
  logWithRequestId("error", { event: "unexpected_error", context, referenceId, err: error }, "unexpected error");
  return {
    code: "INTERNAL",
    message: `Something went wrong on our side. Reference: ${referenceId}.`,
    referenceId,
  };
}
