// What a request's path may say in metrics and logs: a route label of few distinct values (ids become
// `:id`), and a path without its query string or invitation code.

const MAX_SEGMENTS = 6;
const MAX_SEGMENT_LENGTH = 40;

const ID_LIKE: readonly RegExp[] = [
  /^\d+$/, // numbers
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
  /^c[a-z0-9]{20,}$/, // cuids (Prisma's ids)
  /^[0-9a-f]{12,}$/i, // hex digests
  /^(?=.*\d)[A-Za-z0-9_-]{16,}$/, // other long tokens with digits in them
];

/** Segments after these are codes or catch-alls, whatever they look like. */
const OPAQUE_AFTER: ReadonlyMap<string, string> = new Map([["join", ":code"]]);

function isIdLike(segment: string): boolean {
  return segment.length > MAX_SEGMENT_LENGTH || ID_LIKE.some((pattern) => pattern.test(segment));
}

/** The path of a request target, without query string or fragment. */
export function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  const path = end === -1 ? raw : raw.slice(0, end);
  return path.startsWith("/") ? path : `/${path}`;
}

function labelSegments(path: string): string[] {
  const segments = path.split("/").filter(Boolean);
  return segments.map((segment, i) => {
    const opaque = i > 0 ? OPAQUE_AFTER.get(segments[i - 1]) : undefined;
    if (opaque) return opaque;
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return ":id";
    }
    return isIdLike(decoded) || !/^[\w.@~-]+$/.test(decoded) ? ":id" : decoded;
  });
}

/**
 * The route label of a request: `/bookings/:id`, `/api/chargers`, `/_next/static/*`. Paths that found
 * nothing (404) share one label, so probes of random paths cannot multiply the series.
 */
export function routeLabel(path: string, status: number): string {
  if (path.startsWith("/_next/")) {
    return path.startsWith("/_next/static/") ? "/_next/static/*" : `/_next/${labelSegments(path)[1] ?? ""}`;
  }
  if (status === 404) return "(not found)";
  const segments = labelSegments(path);
  const kept = segments.slice(0, MAX_SEGMENTS);
  return "/" + kept.join("/") + (segments.length > MAX_SEGMENTS ? "/*" : "");
}

/** The path as a log line may show it: no query string, no invitation code, bounded length. */
export function loggablePath(path: string): string {
  const segments = path.split("/");
  const shown = segments.map((segment, i) => (i > 0 && OPAQUE_AFTER.has(segments[i - 1]) ? "[REDACTED]" : segment));
  const joined = shown.join("/");
  return joined.length > 200 ? `${joined.slice(0, 200)}…` : joined;
}
