// Builders of domain locations for the search tests.
import type { ChargingLocation, Connector, Evse, ProviderName } from "@/lib/domain";

export function connector(overrides: Partial<Connector> = {}): Connector {
  return { id: "1", standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22, ...overrides };
}

export function evse(overrides: Partial<Evse> = {}): Evse {
  return {
    uid: "evse-1",
    evseId: "DE*ABC*E0001*1",
    status: "AVAILABLE",
    capabilities: [],
    connectors: [connector()],
    ...overrides,
  };
}

export function location(
  provider: ProviderName,
  id: string,
  overrides: Partial<ChargingLocation> = {},
): ChargingLocation {
  return {
    provider,
    id,
    name: `Location ${id}`,
    latitude: 52.52,
    longitude: 13.4,
    timeZone: "Europe/Berlin",
    evses: [evse()],
    supportsReservation: false,
    ...overrides,
  };
}
