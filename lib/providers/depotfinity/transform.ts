// DepotFinity wire shapes → the domain model (chargers as locations, transactions with cost in minor units).
import {
  CONNECTOR_STANDARDS,
  POWER_TYPES,
  type ChargingLocation,
  type ChargingTransaction,
  type ConnectorStandard,
  type PowerType,
} from "@/lib/domain";
import { decimalToMinor, parseCoordinate, timeZoneFor } from "../units";
import type { WireCharger, WireTransaction } from "./schemas";

const PROVIDER = "DEPOTFINITY" as const;

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A depot charger as a location with one EVSE; null when its coordinates are unusable. */
export function toChargerLocation(wire: WireCharger): ChargingLocation | null {
  const a = wire.attributes;
  const latitude = parseCoordinate(a.Latitude, "latitude");
  const longitude = parseCoordinate(a.Longitude, "longitude");
  if (latitude === null || longitude === null) return null;
  return {
    provider: PROVIDER,
    id: wire.id,
    name: a.Name,
    address: a.Address ?? undefined,
    latitude,
    longitude,
    timeZone: timeZoneFor(a.TimeZone, null),
    operator: a.DepotName ? { name: a.DepotName } : undefined,
    // The fleet's own chargers: reservable by RFID through the Reservations API.
    supportsReservation: true,
    evses: [
      {
        uid: wire.id,
        evseId: wire.id,
        status: "UNKNOWN",
        capabilities: ["RESERVABLE", "RFID_READER"],
        connectors: a.Connectors.map((c) => ({
          id: c.ConnectorId,
          standard: oneOf<ConnectorStandard>(CONNECTOR_STANDARDS, c.Standard, "OTHER"),
          powerType: oneOf<PowerType>(POWER_TYPES, c.PowerType ?? "", "AC_3_PHASE"),
          powerKw: c.MaxPowerKw ?? 0,
        })),
      },
    ],
  };
}

export function toTransaction(wire: WireTransaction): ChargingTransaction {
  const a = wire.attributes;
  return {
    provider: PROVIDER,
    transactionId: wire.id,
    chargerId: a.ChargerId,
    connectorId: a.ConnectorId,
    vehicleId: a.VehicleId ?? undefined,
    authorizationValue: a.AuthorizationValue ?? undefined,
    startTime: a.StartTime,
    stopTime: a.StopTime ?? undefined,
    energyWh: a.EnergyWh ?? undefined,
    cost: a.Cost == null || !a.Currency ? undefined : { amountMinor: decimalToMinor(a.Cost), currency: a.Currency },
  };
}
