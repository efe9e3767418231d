// What a vehicle can charge with: which connectors fit it, at what power, and how long a charge takes.
// Shared by the vehicle screens, the map, the booking wizard and batch booking.
import type { Connector, ConnectorStandard } from "@/lib/domain";

/** Standards that deliver direct current; the rest are alternating current (TESLA_S does both). */
const DC_STANDARDS: ReadonlySet<string> = new Set(["IEC_62196_T2_COMBO", "IEC_62196_T1_COMBO", "CHADEMO", "GBT_DC"]);
const BOTH: ReadonlySet<string> = new Set(["TESLA_S"]);

export function takesAc(standards: readonly string[]): boolean {
  return standards.some((s) => BOTH.has(s) || !DC_STANDARDS.has(s));
}

export function takesDc(standards: readonly string[]): boolean {
  return standards.some((s) => BOTH.has(s) || DC_STANDARDS.has(s));
}

/** What compatibility needs to know of a vehicle. */
export interface VehicleCharging {
  connectorStandards: readonly string[];
  batteryKwh: number;
  maxAcKw: number | null;
  maxDcKw: number | null;
}

/** A vehicle as the booking screens offer it. */
export interface BookableVehicle extends VehicleCharging {
  id: string;
  plate: string;
  name: string | null;
  defaultDriverId: string | null;
}

/** The connector fits the vehicle's inlet. Power is never a reason to refuse: a slower charger still charges. */
export function fits(
  vehicle: Pick<VehicleCharging, "connectorStandards">,
  connector: { standard?: string | null },
): boolean {
  // A connector its provider does not name cannot be promised to fit.
  return connector.standard ? vehicle.connectorStandards.includes(connector.standard) : false;
}

/** The power the vehicle draws from the connector: the lower of the two limits (the connector's where ours is unknown). */
export function chargingPowerKw(vehicle: VehicleCharging, connector: Pick<Connector, "powerKw" | "powerType">): number {
  const limit = connector.powerType === "DC" ? vehicle.maxDcKw : vehicle.maxAcKw;
  return limit === null ? connector.powerKw : Math.min(limit, connector.powerKw);
}

/** A charge from 10 % to 80 %, the usual fleet top-up, in minutes at constant power (a floor: the curve tapers). */
export const TOP_UP_SHARE = 0.7;

export function topUpMinutes(vehicle: VehicleCharging, connector: Pick<Connector, "powerKw" | "powerType">): number {
  const kw = chargingPowerKw(vehicle, connector);
  return kw > 0 ? Math.ceil(((vehicle.batteryKwh * TOP_UP_SHARE) / kw) * 60) : Infinity;
}

/** The power and top-up time at a charge point as a booking remembers it (its first connector); null where unknown. */
type ConnectorFacts = { powerKw?: number; powerType?: Connector["powerType"] };

export function snapshotPowerKw(vehicle: VehicleCharging, facts: ConnectorFacts): number | null {
  return facts.powerKw === undefined || !facts.powerType
    ? null
    : chargingPowerKw(vehicle, { powerKw: facts.powerKw, powerType: facts.powerType });
}

export function snapshotTopUpMinutes(vehicle: VehicleCharging, facts: ConnectorFacts): number | null {
  if (facts.powerKw === undefined || !facts.powerType) return null;
  const minutes = topUpMinutes(vehicle, { powerKw: facts.powerKw, powerType: facts.powerType });
  return Number.isFinite(minutes) ? minutes : null;
}

/** The connectors of a charge point the vehicle fits, fastest for it first. */
export function fittingConnectors<C extends Pick<Connector, "standard" | "powerKw" | "powerType">>(
  vehicle: VehicleCharging,
  connectors: readonly C[],
): C[] {
  return connectors
    .filter((c) => fits(vehicle, c))
    .sort((a, b) => chargingPowerKw(vehicle, b) - chargingPowerKw(vehicle, a));
}

export type { ConnectorStandard };
