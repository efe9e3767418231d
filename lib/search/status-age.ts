// Whether the map's statuses are old enough to say when they were true (answers kept in the shared cache).
import type { ProviderOutcome } from "./types";

/** Statuses younger than this read as current; older ones are labelled with their time and can be refreshed. */
export const STATUS_LABEL_AFTER_MS = 2 * 60_000;

/** The oldest answer's time among the providers that answered, when it is old enough to say; else null. */
export function keptStatusesAsOf(outcomes: readonly ProviderOutcome[], now: number): string | null {
  const times = outcomes.flatMap((o) => (o.statusAsOf ? [Date.parse(o.statusAsOf)] : []));
  if (!times.length) return null;
  const oldest = Math.min(...times);
  return now - oldest >= STATUS_LABEL_AFTER_MS ? new Date(oldest).toISOString() : null;
}
