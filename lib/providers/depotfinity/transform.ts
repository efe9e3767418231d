// DepotFinity wire shapes → the domain model (chargers as locations, transactions with cost in minor units).
import {
  CONNECTOR_STANDARDS,
  POWER_TYPES,
  type ChargingLocation,
  type ChargingTransaction,
  type Connector,
  type ConnectorStandard,
  type PowerType,
  type SessionRecord,
  PROVIDER_FEATURES,
} from "@/lib/domain";
import { decimalToMinor, parseCoordinate, secondsBetween, timeZoneFor } from "../units";
import type { WireCharger, WireChargerConnector, WireTransaction } from "./schemas";

const PROVIDER = "DEPOTFINITY" as const;

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  const upper = value.trim().toUpperCase();
  return values.find((v) => v.toUpperCase() === upper) ?? fallback;
}

function toConnector(c: WireChargerConnector, position: number): Connector {
  const standard = oneOf<ConnectorStandard>(
    CONNECTOR_STANDARDS,
    c.Standard ?? c.ConnectorType ?? c.Type ?? "",
    "OTHER",
  );
  const dc = standard.includes("COMBO") || standard === "CHADEMO" || standard === "GBT_DC";
  return {
    // Reservations name the connector as OCPP does, 1, 2, … per charger: without an id, its position is it.
    id: c.ConnectorId ?? String(position),
    standard,
    powerType: oneOf<PowerType>(
      POWER_TYPES,
      c.PowerType === "AC" ? "AC_3_PHASE" : (c.PowerType ?? ""),
      dc ? "DC" : "AC_3_PHASE",
    ),
    powerKw: c.MaxPowerKw ?? c.PowerKw ?? 0,
  };
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
    name: a.Name ?? wire.id,
    address: a.Address,
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
        connectors: a.Connectors.map(({ position, value }) => toConnector(value, position)),
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
    cost:
      a.Cost === undefined || !a.Currency ? undefined : { amountMinor: decimalToMinor(a.Cost), currency: a.Currency },
  };
}

/**
 * A transaction at the fleet's own depot as stored: its cost is the energy bill, taken as gross with the
 * VAT rate unknown (DepotFinity states none); it belongs to whoever holds the RFID that authorised it.
 */
export function toSessionRecord(transaction: ChargingTransaction): SessionRecord {
  const startTime = new Date(transaction.startTime);
  const endTime = transaction.stopTime ? new Date(transaction.stopTime) : null;
  return {
    source: PROVIDER_FEATURES[PROVIDER].sessionSource,
    providerSessionId: transaction.transactionId,
    status: endTime ? "COMPLETE" : "STARTED",
    balanceStatus: null,
    startTime,
    endTime,
    durationSeconds: secondsBetween(startTime, endTime),
    energyWh: transaction.energyWh ?? null,
    priceExclVatMinor: null,
    priceInclVatMinor: transaction.cost?.amountMinor ?? null,
    vatRateBasisPoints: null,
    currency: transaction.cost?.currency.toUpperCase() ?? null,
    paymentMethod: "DEPOT",
    receiptAvailable: false,
    evseId: transaction.chargerId,
    connectorId: transaction.connectorId,
    chargerName: transaction.chargerId,
    site: null,
    operatorName: "Own depot",
    country: null,
    attribution: transaction.authorizationValue ? { driverIdentity: transaction.authorizationValue } : {},
  };
}
