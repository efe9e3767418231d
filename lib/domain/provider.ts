// The one table of the charging APIs the dashboard drives: names, labels and what each can do. Code outside
// lib/providers asks this table (or the facade, by capability) instead of naming a provider.
import type { TokenStrategy } from "./booking";

export const PROVIDERS = ["PLUGSURFING", "PETITMONDE", "DEPOTFINITY"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const CAPABILITIES = [
  "search",
  /** An undocumented list of the provider's chargers: an import convenience only. */
  "chargerList",
  "bookings",
  "remoteStartStop",
  "sessionHistory",
  "sessionSource",
  "fleetPricing",
  "keys",
  /** The fleet's own keys, switchable from the dashboard (lib/providers/types.ts FleetKeysCapable). */
  "fleetKeys",
  "fleets",
  "invitationCodes",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface ProviderFeatures {
  label: string;
  /** The same capabilities its adapter declares (a test holds them equal), for code that cannot import adapters. */
  capabilities: readonly Capability[];
  /** The ProviderIdentity kind that names a driver at this provider. */
  driverIdentity: "PLUGSURFING_USER_ID" | "PETITMONDE_CUSTOMER_ID" | "DEPOT_RFID";
  /** The ChargingSession.source of the sessions it reports. */
  sessionSource: "PLUGSURFING_SESSION" | "PETITMONDE_BOOKING" | "DEPOT_TRANSACTION";
  /**
   * What one search call can cover, and how a low-zoom viewport (lib/search/aggregate.ts) is counted:
   * "provider" asks the provider for counts (its adapter's `aggregate`, up to maxAggregateRadiusM), "cache"
   * counts only the locations the shared search cache already holds (no request is spent), "search" searches
   * as usual and counts here.
   */
  search: {
    maxRadiusM: number;
    maxResults: number;
    lowZoom: "provider" | "cache" | "search";
    maxAggregateRadiusM?: number;
  };
  /** Said after the label where a booking form offers the provider. */
  bookingNote?: string;
  /** For providers that take bookings: how the driver pays at the charger, the usual way first. */
  bookingTokens?: readonly TokenStrategy[];
  /** Which ProviderIdentity kinds hold a driver's booking tokens there: customer id, token id, RFID value. */
  bookingIdentities?: Partial<Record<BookingIdentityRole, IdentityKindName>>;
}

/** The ProviderIdentity kinds (mirrors the Prisma enum). */
export type IdentityKindName = "PLUGSURFING_USER_ID" | "PETITMONDE_CUSTOMER_ID" | "PETITMONDE_TOKEN_ID" | "DEPOT_RFID";
/** What a stored identity stands for when a booking names a driver's token. */
export type BookingIdentityRole = "customerId" | "tokenId" | "rfid";

export const PROVIDER_FEATURES: Record<ProviderName, ProviderFeatures> = {
  PLUGSURFING: {
    label: "Plugsurfing Drive",
    capabilities: [
      "search",
      "remoteStartStop",
      "sessionHistory",
      "sessionSource",
      "fleetPricing",
      "keys",
      "fleetKeys",
      "fleets",
      "invitationCodes",
    ],
    driverIdentity: "PLUGSURFING_USER_ID",
    sessionSource: "PLUGSURFING_SESSION",
    // [inferred] no documented maximum radius; one call returns at most 300 locations anyway.
    // [inferred] geosearch `aggregate` counts every match in the circle; the sandbox takes up to 1,000 km.
    search: { maxRadiusM: 100_000, maxResults: 300, lowZoom: "provider", maxAggregateRadiusM: 1_000_000 },
  },
  PETITMONDE: {
    label: "Petit Monde",
    capabilities: ["search", "bookings", "sessionSource"],
    driverIdentity: "PETITMONDE_CUSTOMER_ID",
    sessionSource: "PETITMONDE_BOOKING",
    // [doc] radius in km, at most 200.
    // 10,000 requests a month: browsing at low zoom spends none of them.
    search: { maxRadiusM: 200_000, maxResults: 500, lowZoom: "cache" },
    bookingTokens: ["GROUP_TOKEN", "DRIVER_TOKEN", "AD_HOC"],
    bookingIdentities: { customerId: "PETITMONDE_CUSTOMER_ID", tokenId: "PETITMONDE_TOKEN_ID" },
  },
  DEPOTFINITY: {
    label: "DepotFinity",
    capabilities: ["search", "chargerList", "bookings", "sessionSource", "fleetKeys"],
    driverIdentity: "DEPOT_RFID",
    sessionSource: "DEPOT_TRANSACTION",
    // Lists the fleet's depot chargers and filters by distance itself: no useful limit.
    search: { maxRadiusM: 20_000_000, maxResults: 1000, lowZoom: "search" },
    bookingNote: "own depots",
    bookingTokens: ["RFID"],
    bookingIdentities: { rfid: "DEPOT_RFID" },
  },
};

export const PROVIDER_LABELS = Object.fromEntries(PROVIDERS.map((p) => [p, PROVIDER_FEATURES[p].label])) as Record<
  ProviderName,
  string
>;

export function hasCapability(provider: ProviderName, capability: Capability): boolean {
  return PROVIDER_FEATURES[provider].capabilities.includes(capability);
}

/** The providers that can do this, in table order (the order the UI lists them in). */
export function providersThat(capability: Capability): ProviderName[] {
  return PROVIDERS.filter((p) => hasCapability(p, capability));
}

/** The provider whose sessions are stored under this source. */
export function providerOfSessionSource(source: string): ProviderName | undefined {
  return PROVIDERS.find((p) => PROVIDER_FEATURES[p].sessionSource === source);
}

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDERS as readonly string[]).includes(value);
}

/** The identity kind that holds `role` for bookings at `provider`, if it has one. */
export function bookingIdentityKind(provider: ProviderName, role: BookingIdentityRole): IdentityKindName | undefined {
  return PROVIDER_FEATURES[provider].bookingIdentities?.[role];
}

/** Every identity kind that holds `role` at some provider (for lists of a driver's tokens). */
export function bookingIdentityKinds(role: BookingIdentityRole): IdentityKindName[] {
  return PROVIDERS.flatMap((p) => PROVIDER_FEATURES[p].bookingIdentities?.[role] ?? []);
}
