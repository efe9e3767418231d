// Where a booking's status change came from, as the timeline names it: the stored source ("provider",
// "reconciler:resubmitted:taken", "dashboard:kept"…) read as a known kind, never shown as it is stored.

export const EVENT_SOURCES = [
  "provider",
  "provider-taken",
  "reconciler",
  "reconciler-resubmitted",
  "reconciler-resubmitted-taken",
  "reconciler-adopted",
  "dashboard",
  "dashboard-kept",
  "dashboard-remove-refused",
  "dashboard-removed",
  "other",
] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

const KNOWN = new Set<string>(EVENT_SOURCES);

/** The timeline's word for a stored source: itself when known, else its origin ("reconciler:…"), else "other". */
export function eventSourceOf(stored: string): EventSource {
  const key = stored.replaceAll(":", "-");
  if (KNOWN.has(key)) return key as EventSource;
  const origin = stored.split(":")[0] ?? "";
  return KNOWN.has(origin) ? (origin as EventSource) : "other";
}
