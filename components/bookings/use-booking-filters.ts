"use client";
// The bookings list's filters, kept in the URL with typed parsers: a link or a reload shows the same list,
// and the same filters choose what the CSV export contains.
import {
  parseAsIsoDate,
  parseAsNativeArrayOf,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
  type SetValues,
  type Values,
} from "nuqs";
import type { api, EndpointParams } from "@/lib/api/endpoints";
import { BOOKABLE_PROVIDERS } from "@/lib/bookings/bookable-providers";
import { BOOKING_STATUSES } from "@/lib/domain";

const filterParsers = {
  status: parseAsNativeArrayOf(parseAsStringLiteral(BOOKING_STATUSES)),
  attention: parseAsStringLiteral(["1"] as const),
  driverId: parseAsString,
  provider: parseAsStringLiteral(BOOKABLE_PROVIDERS),
  /** A calendar day, matched against the window start (UTC). */
  date: parseAsIsoDate,
};

export type BookingListParams = EndpointParams<typeof api.bookings.list>;
export type BookingFilters = Values<typeof filterParsers>;
export type SetBookingFilters = SetValues<typeof filterParsers>;

export function useBookingFilters(fleetId: string): {
  filters: BookingFilters;
  setFilters: SetBookingFilters;
  params: BookingListParams;
} {
  const [filters, setFilters] = useQueryStates(filterParsers, { history: "replace", scroll: false });
  const params: BookingListParams = {
    fleetId,
    status: filters.status.length ? filters.status : undefined,
    attention: filters.attention ?? undefined,
    driverId: filters.driverId ?? undefined,
    provider: filters.provider ?? undefined,
    date: filters.date?.toISOString().slice(0, 10),
  };
  return { filters, setFilters, params };
}
