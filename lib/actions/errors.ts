// Expected failures of actions and route handlers, and how any error becomes a plain-language result.
import { randomUUID } from "node:crypto";
import { z } from "zod";

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "VALIDATION",
  "NOT_FOUND",
  "CONFLICT",
  "PROVIDER",
  "RATE_LIMITED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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

/** Throw inside an action for a failure the user should read as it is. */
export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export function validationFailure(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { code: "VALIDATION", message: "Some fields need your attention.", fieldErrors };
}

interface ProviderErrorLike {
  name: string;
  userMessage?: string;
  retryable?: boolean;
  status?: number;
  code?: string;
}

function isProviderError(error: unknown): error is ProviderErrorLike {
  return error instanceof Error && error.name === "ProviderError";
}

/** Maps any thrown value to what the browser may see; unexpected errors are logged with a reference id. */
export function toFailure(error: unknown, context: string): ActionFailure {
  if (error instanceof ActionError) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, details: error.details };
  }
  if (error instanceof z.ZodError) return validationFailure(error);
  if (isProviderError(error)) {
    return {
      code: error.status === 429 ? "RATE_LIMITED" : "PROVIDER",
      message: error.userMessage ?? "The charging provider did not answer as expected. Please try again.",
      details: { retryable: error.retryable ?? false, providerCode: error.code },
    };
  }
  const referenceId = randomUUID().slice(0, 8);
  console.error(`[${context}] unexpected error ref=${referenceId}`, error);
  return {
    code: "INTERNAL",
    message: `Something went wrong on our side. Reference: ${referenceId}.`,
    referenceId,
  };
}
