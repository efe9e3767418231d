// The provider adapters bookings talk to, passed explicitly so jobs, tests and benchmarks can choose them.
import "server-only";
import { provider } from "@/lib/providers";
import type { BookingsCapable, ReservationsCapable, SearchCapable } from "@/lib/providers/types";

export interface BookingProviders {
  petitMonde: BookingsCapable & SearchCapable;
  depot: ReservationsCapable & Partial<SearchCapable>;
}

/** The configured adapters (real APIs where credentials are set, the sandbox otherwise). */
export function defaultBookingProviders(): BookingProviders {
  return { petitMonde: provider("PETITMONDE"), depot: provider("DEPOTFINITY") };
}
