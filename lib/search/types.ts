// What the map search returns: locations merged across providers, with each provider's offer kept.
import type { ChargerAggregate } from "./aggregate";
import type { Connector, EvseCapability, EvseStatus, OpeningTimes, PriceEstimate, ProviderName } from "@/lib/domain";

/** One provider's view of an EVSE: what a booking or a remote start must name. */
export interface EvseOffer {
  provider: ProviderName;
  locationId: string;
  evseUid: string;
  status: EvseStatus;
  capabilities: EvseCapability[];
  connectors: Connector[];
  reservable: boolean;
  remoteStart: boolean;
  price?: PriceEstimate;
}

export interface MergedEvse {
  /** eMI3 id as the first provider wrote it; empty when no provider gave one. */
  evseId: string;
  status: EvseStatus;
  connectors: Connector[];
  offers: EvseOffer[];
  /** False when the active filters rule this EVSE out (it is still listed, dimmed). */
  matchesFilters: boolean;
}

export type Availability = "available" | "occupied" | "unavailable" | "unknown";

export interface ChargerResult {
  /** Stable across searches: the first source's `provider:locationId`. */
  key: string;
  name: string;
  address?: string;
  city?: string;
  postalCode?: string;
  country?: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  operatorName?: string;
  openingTimes?: OpeningTimes;
  /** Distance from the map centre, metres. */
  distanceM: number;
  maxPowerKw: number;
  availability: Availability;
  availableEvses: number;
  evses: MergedEvse[];
  /** Each provider that reported this location, with its own id. */
  sources: Array<{ provider: ProviderName; locationId: string; supportsReservation: boolean; price?: PriceEstimate }>;
}

/**
 * "quota": some or all of its calls were not made, the rest of its request quota being kept for bookings.
 * "notAsked": a low-zoom viewport, where this provider is never asked and nothing of it was kept to count.
 */
export type ProviderOutcomeStatus = "ok" | "error" | "timeout" | "quota" | "notAsked";

export interface ProviderOutcome {
  provider: ProviderName;
  status: ProviderOutcomeStatus;
  /** Plain words for the banner; never internal error text. */
  message?: string;
  durationMs: number;
  locations: number;
  cached: boolean;
  /** When the oldest answer shown was given (ISO): its statuses are as of then. Absent when nothing was answered. */
  statusAsOf?: string;
  /** False when the viewport was too large for this provider's radius limit or a call returned a full page. */
  complete: boolean;
}

export interface ChargerSearchResponse {
  /** Empty when `aggregates` is given. */
  chargers: ChargerResult[];
  /**
   * A viewport too large for single chargers (lib/search/aggregate.ts): how many chargers each area holds,
   * summed over the providers (a location two providers list counts twice). Absent otherwise.
   */
  aggregates?: ChargerAggregate[];
  providers: ProviderOutcome[];
  center: { latitude: number; longitude: number };
}
