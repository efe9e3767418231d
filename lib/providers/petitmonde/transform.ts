// Petit Monde wire shapes → the domain model (decimal EUR → cents, km → m, OCPI values kept).
import {
  BOOKING_STATUSES,
  CONNECTOR_STANDARDS,
  EVSE_STATUSES,
  POWER_TYPES,
  type BookingStatus,
  type BookingToken,
  type ChargingLocation,
  type Connector,
  type ConnectorStandard,
  type CreateBookingRequest,
  type EvseStatus,
  type PowerType,
  type PriceEstimate,
  type ProviderBooking,
  type SessionRecord,
  PROVIDER_FEATURES,
} from "@/lib/domain";
import { splitVat } from "@/lib/money";
import { decimalToMinor, percentToBasisPoints, secondsBetween, timeZoneFor, wattsToKw } from "../units";
import type { CreateBookingBody, WireBooking, WireConnector, WireEvse, WireSearchResult } from "./schemas";

const PROVIDER = "PETITMONDE" as const;
/** Petit Monde is Germany-only and prices in EUR. */
const DEFAULT_CURRENCY = "EUR";
const DEFAULT_TIME_ZONE = "Europe/Berlin";
/** Germany's standard rate: Petit Monde quotes client prices including VAT and states no rate. */
export const VAT_BASIS_POINTS = 1900;

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  const upper = value.toUpperCase();
  return values.find((v) => v.toUpperCase() === upper) ?? fallback;
}

/** States only the dashboard sets; the wire never should, and if it does the booking stays open. */
const LOCAL_ONLY_STATUSES: readonly string[] = ["SUBMITTING", "FAILED", "OUTCOME_UNKNOWN"];

/** Unknown future statuses stay "open" so that polling continues rather than losing the booking. */
export function bookingStatus(status: string): BookingStatus {
  const upper = status.trim().toUpperCase();
  return LOCAL_ONLY_STATUSES.includes(upper) ? "PENDING" : oneOf(BOOKING_STATUSES, upper, "PENDING");
}

/** kW from whichever power field the connector carries; 0 when it names none. */
function connectorKw(c: WireConnector): number {
  if (c.max_power_kw !== undefined) return c.max_power_kw;
  if (c.power_kw !== undefined) return c.power_kw;
  // The API speaks kW; a bare `power` above 1000 can only be watts (OCPI's unit).
  if (c.power !== undefined) return c.power > 1000 ? wattsToKw(c.power) : c.power;
  if (c.max_electric_power !== undefined) return wattsToKw(c.max_electric_power);
  return 0;
}

function toConnector(c: WireConnector, position: number): Connector {
  const name = c.standard ?? c.connector_type ?? c.type ?? "";
  const standard = oneOf<ConnectorStandard>(CONNECTOR_STANDARDS, name, "OTHER");
  const fallbackPowerType: PowerType =
    standard.includes("COMBO") || standard === "CHADEMO" || standard === "GBT_DC" ? "DC" : "AC_3_PHASE";
  const powerType = c.power_type?.toUpperCase() === "AC" ? "AC_3_PHASE" : (c.power_type ?? "");
  return {
    // The docs name no connector id, yet their booking example sends connector_id "1" for an EVSE's
    // connector: without an id, a connector is its 1-based position within the EVSE as sent.
    id: c.id ?? String(position),
    standard,
    powerType: oneOf<PowerType>(POWER_TYPES, powerType, fallbackPowerType),
    powerKw: connectorKw(c),
  };
}

/** The EVSE's connectors; an EVSE that describes its single plug on itself gets that one as connector "1". */
function connectorsOf(evse: WireEvse): Connector[] {
  if (evse.connectors.length > 0) return evse.connectors.map(({ position, value }) => toConnector(value, position));
  const flat =
    evse.standard ?? evse.connector_type ?? evse.max_power_kw ?? evse.power_kw ?? evse.power ?? evse.max_electric_power;
  return flat === undefined ? [] : [toConnector(evse, 1)];
}

/** The estimate for the searched window and the rate per kWh behind it; nothing when neither is given. */
function priceOf(pricing: WireSearchResult["pricing"]): PriceEstimate | undefined {
  if (pricing?.estimated_price === undefined && pricing?.price_per_kwh === undefined) return undefined;
  const currency = pricing.currency ?? DEFAULT_CURRENCY;
  return {
    sessionEstimate:
      pricing.estimated_price === undefined
        ? undefined
        : { amountMinor: decimalToMinor(pricing.estimated_price), currency },
    tariff:
      pricing.price_per_kwh === undefined
        ? undefined
        : { currency, perKwhMinor: decimalToMinor(pricing.price_per_kwh) },
    vatRateBasisPoints: pricing.vat_rate === undefined ? undefined : percentToBasisPoints(pricing.vat_rate),
  };
}

/**
 * A search result as a location. `centre` is the search's centre: a result the provider gives no position
 * for stands there, marked positionKnown: false (without a centre it is left out).
 */
export function toLocation(
  wire: WireSearchResult,
  centre?: { latitude: number; longitude: number },
): ChargingLocation | null {
  const position = wire.coordinates ?? centre;
  if (!position) return null;
  return {
    provider: PROVIDER,
    id: wire.location_id,
    name: wire.name,
    address: wire.address,
    city: wire.city,
    postalCode: wire.postal_code,
    country: "DE",
    latitude: position.latitude,
    longitude: position.longitude,
    ...(wire.coordinates ? {} : { positionKnown: false }),
    timeZone: timeZoneFor(wire.time_zone, "DE") || DEFAULT_TIME_ZONE,
    operator: wire.cpo_name ? { name: wire.cpo_name } : undefined,
    supportsReservation: wire.supports_reservation,
    distanceM: wire.distance_km === undefined ? undefined : Math.round(wire.distance_km * 1000),
    evses: wire.evses.map((evse) => ({
      uid: evse.evse_uid,
      evseId: evse.evse_id ?? evse.evse_uid,
      status: oneOf<EvseStatus>(EVSE_STATUSES, evse.status, "UNKNOWN"),
      capabilities: evse.capabilities ?? (wire.supports_reservation ? ["RESERVABLE"] : []),
      connectors: connectorsOf(evse),
    })),
    price: priceOf(wire.pricing),
  };
}

/** A no-show fee, or a cancellation fee when one was charged (cancelling a CONFIRMED booking). */
function feeOf(wire: WireBooking, currency: string) {
  if (wire.no_show_fee !== undefined) return { amountMinor: decimalToMinor(wire.no_show_fee), currency };
  if (wire.cancellation_fee === undefined) return undefined;
  const amountMinor = decimalToMinor(wire.cancellation_fee);
  return amountMinor > 0 ? { amountMinor, currency } : undefined;
}

export function toBooking(wire: WireBooking): ProviderBooking {
  const currency = wire.client_price_currency ?? DEFAULT_CURRENCY;
  const money = (amount: string | number | undefined) =>
    amount === undefined ? undefined : { amountMinor: decimalToMinor(amount), currency };
  return {
    provider: PROVIDER,
    id: wire.id,
    externalId: wire.external_id,
    status: bookingStatus(wire.status),
    statusUpdatedAt: wire.status_updated_at,
    operatorReservationId: wire.cpo_reservation_id,
    price: money(wire.client_price),
    estimatedPrice: money(wire.estimated_price),
    fee: feeOf(wire, currency),
    city: wire.location_city,
    createdAt: wire.created_at,
    locationId: wire.location_id,
    evseUid: wire.evse_uid,
    windowStart: wire.reservation_start,
    windowEnd: wire.reservation_end,
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

/**
 * A finished booking as a stored charge: a completed one costs its client_price (incl. German VAT, split
 * here), a no-show its fee; a no-show without a fee cost nothing and is no charge (null).
 */
export function toSessionRecord(booking: ProviderBooking): SessionRecord | null {
  const price = booking.status === "COMPLETED" ? booking.price : booking.status === "NO_SHOW" ? booking.fee : null;
  if (booking.status !== "COMPLETED" && !price) return null;
  const startTime = new Date(booking.windowStart ?? booking.createdAt ?? booking.statusUpdatedAt ?? Date.now());
  const endTime = booking.windowEnd ? new Date(booking.windowEnd) : null;
  const split = price ? splitVat(price.amountMinor, VAT_BASIS_POINTS) : null;
  return {
    source: PROVIDER_FEATURES[PROVIDER].sessionSource,
    providerSessionId: booking.id,
    status: booking.status === "COMPLETED" ? "COMPLETE" : booking.status,
    balanceStatus: null,
    startTime,
    endTime,
    durationSeconds: secondsBetween(startTime, endTime),
    energyWh: null,
    priceExclVatMinor: split?.exclVatMinor ?? null,
    priceInclVatMinor: split?.inclVatMinor ?? null,
    vatRateBasisPoints: split ? VAT_BASIS_POINTS : null,
    currency: price?.currency.toUpperCase() ?? null,
    paymentMethod: PROVIDER,
    receiptAvailable: false,
    evseId: booking.evseUid ?? null,
    connectorId: null,
    chargerName: booking.city ?? null,
    site: booking.city ?? null,
    operatorName: PROVIDER_FEATURES[PROVIDER].label,
    country: "DE",
    attribution: { booking: { providerBookingId: booking.id, externalId: booking.externalId } },
  };
}
