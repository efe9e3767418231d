// One provider attempt in the five words metrics and logs use for it.
import type { ProviderOutcome } from "@/lib/observability/metrics";
import type { ProviderErrorCode } from "./errors";

/** The provider did not serve us: no usable answer, though it was not a timeout or a 429. */
const SERVER_SIDE: ReadonlySet<ProviderErrorCode> = new Set<ProviderErrorCode>([
  "NETWORK",
  "UPSTREAM",
  "INVALID_RESPONSE",
  "OUTCOME_UNKNOWN",
  "UNKNOWN",
]);

/** From an attempt's HTTP status (undefined when no answer came) and its error code (undefined on success). */
export function providerOutcome(status: number | undefined, error: ProviderErrorCode | undefined): ProviderOutcome {
  if (error === "TIMEOUT") return "timeout";
  if (status === 429 || error === "RATE_LIMITED") return "rate_limited";
  if ((status !== undefined && status >= 500) || (error !== undefined && SERVER_SIDE.has(error))) {
    return "server_error";
  }
  if ((status !== undefined && status >= 400) || error !== undefined) return "client_error";
  return "ok";
}
