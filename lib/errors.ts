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

/** A failure the user should read as it is: plain words, optional field errors and safe details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Recognised by name as well as class: server bundles may each hold their own copy of the class. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === "DomainError");
}
