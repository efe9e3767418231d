// One booking model for Petit Monde bookings and DepotFinity reservations.
import type { Money } from "./location";
import type { ProviderName } from "./provider";

/** Mirrors the Prisma enum; SUBMITTING, FAILED and OUTCOME_UNKNOWN are local-only states. */
export const BOOKING_STATUSES = [
  "SUBMITTING",
  "REQUESTED",
  "PENDING",
  "CONFIRMED",
  "ATTENDING",
  "COMPLETED",
  "EXPIRED",
  "NO_SHOW",
  "CANCELLED",
  "FAILED",
  "OUTCOME_UNKNOWN",
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const OPEN_BOOKING_STATUSES: readonly BookingStatus[] = [
  "SUBMITTING",
  "REQUESTED",
  "PENDING",
  "CONFIRMED",
  "ATTENDING",
];
export const FINAL_BOOKING_STATUSES: readonly BookingStatus[] = [
  "COMPLETED",
  "EXPIRED",
  "NO_SHOW",
  "CANCELLED",
  "FAILED",
];

export const TOKEN_STRATEGIES = ["DRIVER_TOKEN", "GROUP_TOKEN", "AD_HOC", "RFID"] as const;
export type TokenStrategy = (typeof TOKEN_STRATEGIES)[number];

/** Who charges: the token the provider will accept at the charger. */
export type BookingToken =
  | { strategy: "DRIVER_TOKEN"; customerId?: string; tokenId?: string }
  | { strategy: "GROUP_TOKEN"; fleetGroupId: string }
  | { strategy: "AD_HOC" }
  | { strategy: "RFID"; rfidValue: string };

export interface CreateBookingRequest {
  /** Generated once by the dashboard; the provider's idempotency handle. */
  externalId: string;
  locationId: string;
  evseUid: string;
  connectorId?: string;
  windowStart: Date;
  windowEnd: Date;
  token: BookingToken;
  /** The earliest the provider can have recorded this request: narrows a lookup after a lost answer. */
  notBefore?: Date;
}

/** A booking as the provider reports it. */
export interface ProviderBooking {
  provider: ProviderName;
  id: string;
  externalId?: string;
  status: BookingStatus;
  statusUpdatedAt?: string;
  operatorReservationId?: string;
  price?: Money;
  /** What the provider estimated when the booking was made (the final `price` may come later). */
  estimatedPrice?: Money;
  /** A no-show or cancellation fee, when the provider reports one. */
  fee?: Money;
  city?: string;
  createdAt?: string;
  locationId?: string;
  evseUid?: string;
  windowStart?: string;
  windowEnd?: string;
}
