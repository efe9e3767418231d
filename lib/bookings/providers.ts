// The booking ports bookings talk to, passed explicitly so jobs, tests and benchmarks can choose them.
import "server-only";
import { PROVIDER_LABELS, type ProviderName } from "@/lib/domain";
import { DomainError, text } from "@/lib/errors";
import { getProviders, type Providers } from "@/lib/providers";
import type { BookingsCapable, SearchCapable } from "@/lib/providers/types";

/** A provider that takes bookings, and searches where it can. */
export type BookingAdapter = BookingsCapable & Partial<SearchCapable>;

export interface BookingProviders {
  /** The booking port of `name`; a DomainError when that provider takes no bookings. */
  forProvider(name: ProviderName): BookingAdapter;
}

/** Booking ports over a set of adapters, chosen by capability, never by name. */
export function bookingProvidersFrom(providers: Pick<Providers, "with">): BookingProviders {
  return {
    forProvider(name) {
      const adapter = providers.with("bookings").find((a) => a.name === name);
      if (!adapter)
        throw new DomainError("VALIDATION", text("bookings.notBookable", { provider: PROVIDER_LABELS[name] }));
      return adapter;
    },
  };
}

/** The configured adapters (real APIs where credentials are set, the sandbox otherwise). */
export function defaultBookingProviders(): BookingProviders {
  return bookingProvidersFrom(getProviders());
}
