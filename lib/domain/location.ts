// The provider-neutral charging network: Location → EVSE → Connector, in OCPI 2.2.1 terms.
import type { ProviderName } from "./provider";

export const EVSE_STATUSES = [
  "AVAILABLE",
  "BLOCKED",
  "CHARGING",
  "INOPERATIVE",
  "OUTOFORDER",
  "PLANNED",
  "REMOVED",
  "RESERVED",
  "UNKNOWN",
] as const;
export type EvseStatus = (typeof EVSE_STATUSES)[number];

export const CONNECTOR_STANDARDS = [
  "IEC_62196_T2",
  "IEC_62196_T2_COMBO",
  "IEC_62196_T1",
  "IEC_62196_T1_COMBO",
  "CHADEMO",
  "DOMESTIC_F",
  "DOMESTIC_G",
  "IEC_60309_2_single_16",
  "IEC_60309_2_three_32",
  "GBT_AC",
  "GBT_DC",
  "TESLA_R",
  "TESLA_S",
  "OTHER",
] as const;
export type ConnectorStandard = (typeof CONNECTOR_STANDARDS)[number];

export const POWER_TYPES = ["AC_1_PHASE", "AC_2_PHASE", "AC_2_PHASE_SPLIT", "AC_3_PHASE", "DC"] as const;
export type PowerType = (typeof POWER_TYPES)[number];

export const EVSE_CAPABILITIES = [
  "RESERVABLE",
  "REMOTE_START_STOP_CAPABLE",
  "RFID_READER",
  "START_SESSION_CONNECTOR_REQUIRED",
  "CHARGING_PROFILE_CAPABLE",
  "CREDIT_CARD_PAYABLE",
] as const;
export type EvseCapability = (typeof EVSE_CAPABILITIES)[number] | (string & {});

export interface Connector {
  /** The provider's connector id (what a remote start or a booking names). */
  id: string;
  standard: ConnectorStandard;
  powerType: PowerType;
  /** Maximum power in kW. */
  powerKw: number;
}

export interface Evse {
  /** The provider's EVSE uid (what a booking names). */
  uid: string;
  /** eMI3 EVSE id, e.g. DE*ABC*E1234567*1: the key used to merge the same EVSE seen by two providers. */
  evseId: string;
  status: EvseStatus;
  capabilities: EvseCapability[];
  connectors: Connector[];
  lastUpdated?: string;
}

export interface RegularHours {
  /** 1 = Monday … 7 = Sunday (OCPI). */
  weekday: number;
  periodBegin: string; // "08:00", local time
  periodEnd: string;
}

export interface OpeningTimes {
  twentyFourSeven: boolean;
  regularHours: RegularHours[];
}

export interface Money {
  /** Integer minor units (cents). Never a float. */
  amountMinor: number;
  /** ISO 4217 code. */
  currency: string;
}

/**
 * What charging at a location costs, in the two shapes providers quote, kept apart so a rate is never read
 * as a total: the rates charged (per kWh, per minute, per session) and an estimate for a whole booking.
 * A provider gives one or both; formatting is the screen's job (lib/format), never the provider's.
 */
export interface PriceEstimate {
  /** The provider's estimate for a whole booking (Petit Monde: for the searched window), VAT included. */
  sessionEstimate?: Money;
  /** The rates charged, VAT included (Plugsurfing's tariff; Petit Monde's price per kWh). */
  tariff?: Tariff;
  /** VAT rate in basis points (19 % = 1900), when known. */
  vatRateBasisPoints?: number;
  /** True when the price is the fleet's own (Plugsurfing location fetched with fleetId). */
  fleetSpecific?: boolean;
}

/** Rates in minor units of one currency, VAT included. */
export interface Tariff {
  currency: string;
  perKwhMinor: number;
  perMinuteMinor?: number;
  perSessionMinor?: number;
}

export interface ChargingLocation {
  provider: ProviderName;
  /** The provider's location id. */
  id: string;
  name: string;
  address?: string;
  city?: string;
  postalCode?: string;
  /** ISO 3166 alpha-2 or alpha-3, as the provider gives it. */
  country?: string;
  latitude: number;
  longitude: number;
  /**
   * false when the provider gave no position (Petit Monde documents none): latitude/longitude are then the
   * search centre, good for "near here" but not for a pin on the map or a route.
   */
  positionKnown?: boolean;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  operator?: { id?: string; name: string };
  openingTimes?: OpeningTimes;
  evses: Evse[];
  supportsReservation: boolean;
  price?: PriceEstimate;
  /** Distance from the search centre in metres, when the provider reports it. */
  distanceM?: number;
}
