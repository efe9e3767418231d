// The one error type every provider call throws, with what the caller needs to decide what to do next.
import type { ProviderName } from "@/lib/domain";
import { text, type ErrorText } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";

export const PROVIDER_ERROR_CODES = [
  /** The request never got an answer in time. */
  "TIMEOUT",
  /** Connection refused/reset before an answer. */
  "NETWORK",
  "RATE_LIMITED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  /** Already exists, or the slot/EVSE is taken. */
  "CONFLICT",
  /** The provider rejected our input (400/422). */
  "INVALID_REQUEST",
  /** The provider answered 2xx with a body we could not read. */
  "INVALID_RESPONSE",
  /** 5xx from the provider. */
  "UPSTREAM",
  /** A non-idempotent call failed in a way that leaves its effect unknown: reconcile before retrying. */
  "OUTCOME_UNKNOWN",
  "UNKNOWN",
  /** Not sent: what is left of the provider's quota is kept for work of a higher priority (budget.ts). */
  "QUOTA_KEPT",
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export interface ProviderErrorInit {
  provider: ProviderName;
  operation: string;
  /** HTTP status; undefined when no response arrived. */
  status?: number;
  code: ProviderErrorCode;
  retryable: boolean;
  /** Plain words safe to show a user, in English; said from `text` where left out. */
  userMessage?: string;
  /** The same words as an `errors` text, said in the reader's language where the failure reaches her. */
  text?: ErrorText;
  /** The provider's own message, redacted; for logs. */
  detail?: string;
  /** How long the provider asked us to wait (429), in ms. */
  retryAfterMs?: number;
  /** Field paths that failed validation, e.g. "locations.0.coordinates.latitude". */
  issues?: string[];
  /** The provider-side id of what already exists (e.g. Petit Monde booking_id on a 409). */
  existingId?: string;
}

const ENGLISH = translator("en", "errors");

export class ProviderError extends Error {
  readonly provider: ProviderName;
  readonly operation: string;
  readonly status?: number;
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  readonly userMessage: string;
  readonly text?: ErrorText;
  readonly detail?: string;
  readonly retryAfterMs?: number;
  readonly issues?: string[];
  readonly existingId?: string;

  constructor(init: ProviderErrorInit) {
    const where = `${init.provider} ${init.operation}`;
    const status = init.status === undefined ? "" : ` (HTTP ${init.status})`;
    super(`${where} failed: ${init.code}${status}${init.detail ? ` – ${init.detail}` : ""}`);
    this.name = "ProviderError";
    this.provider = init.provider;
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable;
    this.text = init.text;
    this.userMessage = init.userMessage ?? (init.text ? ENGLISH(init.text.key, init.text.values) : "");
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
    this.issues = init.issues;
    this.existingId = init.existingId;
  }

  /** A safe, serialisable view (no stack, nothing secret) for logs and API answers. */
  toJSON() {
    return {
      name: this.name,
      provider: this.provider,
      operation: this.operation,
      status: this.status,
      code: this.code,
      retryable: this.retryable,
      userMessage: this.userMessage,
      detail: this.detail,
      issues: this.issues,
    };
  }
}

/**
 * The one way to recognise a provider error. By name, not class: the facade caches adapters on globalThis,
 * so an adapter built by one server bundle can throw another bundle's ProviderError class.
 */
export function isProviderError(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError ||
    (error instanceof Error && error.name === "ProviderError" && typeof (error as { code?: unknown }).code === "string")
  );
}

/** Generic wording per code (`errors.providers.generic`); providers refine it in their mapError. */
export function genericProviderText(code: ProviderErrorCode): ErrorText {
  return text(`providers.generic.${code}`);
}

/** The code for an HTTP error status, before any provider-specific refinement. */
export function codeForStatus(status: number): ProviderErrorCode {
  if (status === 400 || status === 422) return "INVALID_REQUEST";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  if (status === 408) return "TIMEOUT";
  if (status >= 500) return "UPSTREAM";
  return "UNKNOWN";
}
