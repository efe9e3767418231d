// The one error type for expected failures of domain code, jobs, actions and route handlers alike.
// Domain code throws it; the action layer (lib/actions/errors.ts) turns it into what the browser sees.

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

/**
 * Words for the reader, said in her language where the failure reaches her (lib/actions/errors.ts): a key of the
 * `errors` messages (messages/<language>/errors.json) and the values it takes.
 */
export interface ErrorText {
  key: string;
  values?: Record<string, string | number>;
}

/** `text("bookings.alreadyKnown")`, `text("keys.driverElsewhere", { fleet: to.name })`. */
export function text(key: string, values?: Record<string, string | number>): ErrorText {
  return values ? { key, values } : { key };
}

/** A field's message: an `errors` text, or words already in plain English (a schema's own, say). */
export type FieldMessage = string | ErrorText;

/** A failure the user should read: plain words, optional field errors and safe details. */
export class DomainError extends Error {
  /** What the reader is told (`message` is its key, for logs); none where `message` is plain English. */
  readonly text: ErrorText | undefined;

  constructor(
    readonly code: ErrorCode,
    message: ErrorText | string,
    readonly fieldErrors?: Record<string, FieldMessage[]>,
    readonly details?: unknown,
  ) {
    super(typeof message === "string" ? message : message.key);
    this.name = "DomainError";
    this.text = typeof message === "string" ? undefined : message;
  }
}

/** Recognised by name as well as class: server bundles may each hold their own copy of the class. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === "DomainError");
}
