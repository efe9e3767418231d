// How often the booking screens refetch: as fast as the liveliest booking in view needs.
import type { BookingView } from "@/lib/bookings/records";
import { pollIntervalMs } from "@/lib/bookings/state-machine";

/** The fastest cadence any of these bookings needs; off when all are final. */
export function listPollInterval(bookings: Pick<BookingView, "status">[] | undefined): number | false {
  let fastest: number | false = false;
  for (const b of bookings ?? []) {
    const every = pollIntervalMs(b.status);
    if (every !== false && (fastest === false || every < fastest)) fastest = every;
  }
  return fastest;
}
