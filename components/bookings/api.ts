// Query keys and fetchers for the booking screens (TanStack Query), and how often each refetches.
import type { ActionFailure } from "@/lib/actions/errors";
import type { BookingView } from "@/lib/bookings/records";
import { pollIntervalMs } from "@/lib/bookings/state-machine";

export const bookingKeys = {
  all: ["bookings"] as const,
  list: (fleetId: string, filter: Record<string, string | string[] | undefined>) =>
    ["bookings", "list", fleetId, filter] as const,
  detail: (fleetId: string, bookingId: string) => ["bookings", "detail", fleetId, bookingId] as const,
  mine: (fleetId: string) => ["bookings", "mine", fleetId] as const,
  batch: (fleetId: string, batchId: string) => ["bookings", "batch", fleetId, batchId] as const,
  notifications: ["notifications"] as const,
};

export class RouteError extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.message);
  }
}

export async function getJson<T>(path: string, params: Record<string, string | string[] | undefined>): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  const response = await fetch(`${path}?${search}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as T & { error?: ActionFailure };
  if (!response.ok) throw new RouteError(body.error ?? { code: "INTERNAL", message: "Something went wrong." });
  return body;
}

/** The fastest cadence any of these bookings needs; off when all are final. */
export function listPollInterval(bookings: Pick<BookingView, "status">[] | undefined): number | false {
  let fastest: number | false = false;
  for (const b of bookings ?? []) {
    const every = pollIntervalMs(b.status);
    if (every !== false && (fastest === false || every < fastest)) fastest = every;
  }
  return fastest;
}
