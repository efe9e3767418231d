// Petit Monde wire shapes → the domain model (decimal EUR → cents, km → m, OCPI values kept).
import {
  BOOKING_STATUSES,
  CONNECTOR_STANDARDS,
  EVSE_STATUSES,
  POWER_TYPES,
  type BookingStatus,
  type BookingToken,
  type ChargingLocation,
  type ConnectorStandard,
  type CreateBookingRequest,
  type EvseStatus,
  type PowerType,
  type ProviderBooking,
} from "@/lib/domain";
import { decimalToMinor, percentToBasisPoints, timeZoneFor } from "../units";
import type { CreateBookingBody, WireBooking, WireSearchResult } from "./schemas";

const PROVIDER = "PETITMONDE" as const;
/** Petit Monde is Germany-only and prices in EUR. */
const DEFAULT_CURRENCY = "EUR";
const DEFAULT_TIME_ZONE = "Europe/Berlin";

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown future statuses stay "open" so that polling continues rather than losing the booking. */
export function bookingStatus(status: string): BookingStatus {
  const upper = status.toUpperCase();
  return upper === "SUBMITTING" || upper === "FAILED" ? "PENDING" : oneOf(BOOKING_STATUSES, upper, "PENDING");
}

export function toLocation(wire: WireSearchResult): ChargingLocation | null {
  // Without coordinates a result cannot be placed or merged; the contract promises them.
  if (!wire.coordinates) return null;
  const currency = wire.pricing?.currency ?? DEFAULT_CURRENCY;
  const estimated = wire.pricing?.estimated_price;
  return {
    provider: PROVIDER,
    id: wire.location_id,
    name: wire.name,
    address: wire.address ?? undefined,
    city: wire.city ?? undefined,
    postalCode: wire.postal_code ?? undefined,
    country: "DE",
    latitude: wire.coordinates.latitude,
    longitude: wire.coordinates.longitude,
    timeZone: timeZoneFor(wire.time_zone, "DE") || DEFAULT_TIME_ZONE,
    operator: wire.cpo_name ? { name: wire.cpo_name } : undefined,
    supportsReservation: wire.supports_reservation,
    distanceM: wire.distance_km == null ? undefined : Math.round(wire.distance_km * 1000),
    evses: wire.evses.map((evse) => ({
      uid: evse.evse_uid,
      evseId: evse.evse_id ?? evse.evse_uid,
      status: oneOf<EvseStatus>(EVSE_STATUSES, evse.status, "UNKNOWN"),
      capabilities: evse.capabilities ?? (wire.supports_reservation ? ["RESERVABLE"] : []),
      connectors: (evse.connectors ?? []).map((c) => ({
        id: c.id,
        standard: oneOf<ConnectorStandard>(CONNECTOR_STANDARDS, c.standard, "OTHER"),
        powerType: oneOf<PowerType>(
          POWER_TYPES,
          c.power_type ?? "",
          c.standard.includes("COMBO") || c.standard === "CHADEMO" ? "DC" : "AC_3_PHASE",
        ),
        powerKw: c.max_power_kw ?? 0,
      })),
    })),
    price:
      estimated == null
        ? undefined
        : {
            total: { amountMinor: decimalToMinor(estimated), currency },
            vatRateBasisPoints:
              wire.pricing?.vat_rate == null ? undefined : percentToBasisPoints(wire.pricing.vat_rate),
            description:
              wire.pricing?.price_per_kwh == null
                ? undefined
                : `${(decimalToMinor(wire.pricing.price_per_kwh) / 100).toFixed(2)} ${currency}/kWh`,
          },
  };
}

/** A no-show fee, or a cancellation fee when one was charged (cancelling a CONFIRMED booking). */
function feeOf(wire: WireBooking, currency: string) {
  if (wire.no_show_fee != null) return { amountMinor: decimalToMinor(wire.no_show_fee), currency };
  if (wire.cancellation_fee == null) return undefined;
  const amountMinor = decimalToMinor(wire.cancellation_fee);
  return amountMinor > 0 ? { amountMinor, currency } : undefined;
}

export function toBooking(wire: WireBooking): ProviderBooking {
  const currency = wire.client_price_currency ?? DEFAULT_CURRENCY;
  return {
    provider: PROVIDER,
    id: wire.id,
    externalId: wire.external_id ?? undefined,
    status: bookingStatus(wire.status),
    statusUpdatedAt: wire.status_updated_at ?? undefined,
    operatorReservationId: wire.cpo_reservation_id ?? undefined,
    price: wire.client_price == null ? undefined : { amountMinor: decimalToMinor(wire.client_price), currency },
    estimatedPrice:
      wire.estimated_price == null ? undefined : { amountMinor: decimalToMinor(wire.estimated_price), currency },
    fee: feeOf(wire, currency),
    city: wire.location_city ?? undefined,
    createdAt: wire.created_at ?? undefined,
    locationId: wire.location_id ?? undefined,
    evseUid: wire.evse_uid ?? undefined,
    windowStart: wire.reservation_start ?? undefined,
    windowEnd: wire.reservation_end ?? undefined,
  };
}

function tokenFields(
  token: BookingToken,
): Pick<CreateBookingBody, "token_strategy" | "customer_id" | "token_id" | "fleet_group_id"> {
  switch (token.strategy) {
    case "DRIVER_TOKEN":
      return { token_strategy: "driver_token", customer_id: token.customerId, token_id: token.tokenId };
    case "GROUP_TOKEN":
      return { token_strategy: "group_token", fleet_group_id: token.fleetGroupId };
    case "AD_HOC":
      return { token_strategy: "ad_hoc" };
    case "RFID":
      throw new RangeError("Petit Monde bookings take a driver, group or ad-hoc token, not a raw RFID value");
    default: {
      const unreachable: never = token;
      throw new RangeError(`unknown token strategy ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Whole seconds in UTC with a Z, the form the docs show. */
function utc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function toCreateBookingBody(request: CreateBookingRequest): CreateBookingBody {
  return {
    location_id: request.locationId,
    evse_uid: request.evseUid,
    connector_id: request.connectorId,
    reservation_start: utc(request.windowStart),
    reservation_end: utc(request.windowEnd),
    external_id: request.externalId,
    ...tokenFields(request.token),
  };
}
