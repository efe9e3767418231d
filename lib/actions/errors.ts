// Expected failures of actions and route handlers, and how any error becomes a plain-language result.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isDomainError, type ErrorCode, type FieldMessage } from "@/lib/errors";
import { translator, type Translate } from "@/lib/i18n/messages";
import type { Language } from "@/lib/i18n/languages";
import { plainErrors, translateSchemaMessage, type ValidationTranslator } from "@/lib/validation/plain-errors";
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

/**
 * What a failure is said with, in one language: the `errors` messages and the plain validation messages. The
 * action and route layer takes the reader's (lib/i18n/failure-words.ts); English where there is no reader.
 */
export interface FailureWords {
  errors: Translate;
  validation: ValidationTranslator;
  /** For `schema.safeParse(raw, words.parse)`: zod's issues in these words. */
  parse: ReturnType<typeof plainErrors>;
}

const WORDS = new Map<Language, FailureWords>();

export function failureWords(language: Language): FailureWords {
  const known = WORDS.get(language);
  if (known) return known;
  const errors = translator(language, "errors");
  const validationT = translator(language, "validation");
  const validation: ValidationTranslator = (key, values) => validationT(key, values);
  const words = { errors, validation, parse: plainErrors(validation) };
  WORDS.set(language, words);
  return words;
}

export const ENGLISH: FailureWords = failureWords("en");

/** A failure's words in English, for what is stored or logged rather than shown at once. */
export function inEnglish(message: FieldMessage): string {
  return say(message, ENGLISH);
}

/** An `errors` text in these words; a message still in plain English as it is (a schema's own is translated). */
function say(message: FieldMessage, words: FailureWords): string {
  return typeof message === "string"
    ? translateSchemaMessage(message, words.validation)
    : words.errors(message.key, message.values);
}

export function validationFailure(error: z.ZodError, words: FailureWords = ENGLISH): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(say(issue.message, words));
  }
  return { code: "VALIDATION", message: words.errors("fieldsNeedAttention"), fieldErrors };
}

/** Refuses input holding NUL, other control characters or lone surrogates, naming the field. */
export function unsafeTextFailure(raw: unknown, words: FailureWords = ENGLISH): ActionFailure | null {
  const path = findUnsafeText(raw);
  if (path === null) return null;
  return {
    code: "VALIDATION",
    message: words.errors("fieldsNeedAttention"),
    fieldErrors: { [path]: [say(UNSAFE_TEXT_MESSAGE, words)] },
  };
}

/** Maps any thrown value to what the browser may see; unexpected errors are logged with a reference id. */
export function toFailure(error: unknown, context: string, words: FailureWords = ENGLISH): ActionFailure {
  if (isDomainError(error)) {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, list]) => [k, list.map((m) => say(m, words))]))
      : undefined;
    const message = error.text ? say(error.text, words) : error.message;
    return { code: error.code, message, fieldErrors, details: error.details };
  }
  if (error instanceof z.ZodError) return validationFailure(error, words);
  if (isProviderError(error)) {
    return {
      code: error.status === 429 ? "RATE_LIMITED" : "PROVIDER",
      message: error.text ? say(error.text, words) : error.userMessage || words.errors("provider.generic"),
      details: { retryable: error.retryable, providerCode: error.code },
    };
  }
  const referenceId = randomUUID().slice(0, 8);
  logWithRequestId("error", { event: "unexpected_error", context, referenceId, err: error }, "unexpected error");
  return {
    code: "INTERNAL",
    message: words.errors("internal", { referenceId }),
    referenceId,
  };
}
