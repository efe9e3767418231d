// The fleet's configured depot chargers as searchable locations, and DepotFinity's availability as EVSE status.
import type { ChargingLocation, EvseStatus, PowerType } from "@/lib/domain";
import type { FleetCharger } from "../types";
import { timeZoneFor } from "../units";

/** Standards that only ever carry direct current. */
const DC_STANDARDS = new Set(["IEC_62196_T2_COMBO", "IEC_62196_T1_COMBO", "CHADEMO", "GBT_DC"]);

/** Alternating current tops out at 43 kW (three phases, 63 A): anything above is DC whatever the plug. */
const MAX_AC_KW = 43;

export function powerTypeOf(connector: { standard: string; powerKw: number }): PowerType {
  return DC_STANDARDS.has(connector.standard) || connector.powerKw > MAX_AC_KW ? "DC" : "AC_3_PHASE";
}

/** One configured charger as a location with one EVSE whose status is unknown until asked. */
export function fleetChargerLocation(charger: FleetCharger): ChargingLocation {
  return {
    provider: "DEPOTFINITY",
    id: charger.chargerId,
    name: charger.name,
    address: charger.address,
    latitude: charger.latitude,
    longitude: charger.longitude,
    timeZone: timeZoneFor(charger.timeZone, "DE"),
    // The fleet's own chargers: reservable by RFID through the Reservations API.
    supportsReservation: true,
    evses: [
      {
        uid: charger.chargerId,
        evseId: charger.chargerId,
        status: "UNKNOWN",
        capabilities: ["RESERVABLE", "RFID_READER"],
        connectors: charger.connectors.map((c) => ({
          id: c.connectorId,
          standard: c.standard,
          powerType: powerTypeOf(c),
          powerKw: c.powerKw,
        })),
      },
    ],
  };
}

/**
 * The charger's status from its availability items: free if any connector is Available, out of order if
 * every one is Faulted, inoperative if none is free (OCPP "Unavailable": no new sessions), unknown otherwise.
 */
export function statusFromAvailability(items: ReadonlyArray<{ status: string }>): EvseStatus {
  const statuses = items.map((i) => i.status.toLowerCase());
  if (statuses.length === 0) return "UNKNOWN";
  if (statuses.includes("available")) return "AVAILABLE";
  if (statuses.every((s) => s === "faulted")) return "OUTOFORDER";
  if (statuses.every((s) => s === "faulted" || s === "unavailable")) return "INOPERATIVE";
  return "UNKNOWN";
}
