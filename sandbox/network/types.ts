// The generated charging network as the sandbox holds it in memory (provider-neutral, OCPI terms).
import type { Country, Operator, SiteProfile } from "./geography";

export type OcpiStandard = "IEC_62196_T2" | "IEC_62196_T2_COMBO" | "CHADEMO" | "DOMESTIC_F" | "DOMESTIC_G";
export type OcpiPowerType = "AC_1_PHASE" | "AC_3_PHASE" | "DC";

export interface NetConnector {
  /** OCPI connector id within its EVSE: "1", "2"… (what Petit Monde bookings name). */
  number: string;
  /** Plugsurfing's opaque, globally unique connector id (what a remote start names). */
  plugsurfingId: string;
  standard: OcpiStandard;
  powerType: OcpiPowerType;
  maxPowerKw: number;
}

export interface NetEvse {
  /** eMI3 EVSE id, e.g. DE*ENB*E1000042*1 — the same on every provider that lists the EVSE. */
  evseId: string;
  /** Plugsurfing's EVSE uid. */
  plugsurfingUid: string;
  capabilities: string[];
  connectors: NetConnector[];
  /** How long one simulated occupancy state lasts, so statuses change at different paces. */
  statusPeriodMs: number;
  /** 0–1: how busy the charger usually is. */
  utilisation: number;
}

export interface Tariff {
  currency: string;
  vat: number;
  /** Incl. VAT, in minor units of the local currency. */
  perKwhMinor: number;
  perMinuteMinor: number;
  perSessionMinor: number;
}

export interface RegularHours {
  /** 1 = Monday … 7 = Sunday (OCPI). */
  weekday: number;
  periodBegin: string;
  periodEnd: string;
}

export interface NetLocation {
  index: number;
  /** Numeric part shared by every id of this location, e.g. 1000042. */
  number: number;
  country: Country;
  operator: Operator;
  profile: SiteProfile;
  latitude: number;
  longitude: number;
  name: string;
  address: string;
  city: string;
  postalCode: string;
  timeZone: string;
  twentyFourSeven: boolean;
  regularHours: RegularHours[];
  evses: NetEvse[];
  tariff: Tariff;
  onPlugsurfing: boolean;
  onPetitMonde: boolean;
  /** Plugsurfing location id. */
  plugsurfingId: string;
  /** Petit Monde location id, e.g. DE-ENB-E1000042. */
  petitMondeId: string;
  maxPowerKw: number;
}

export interface DepotConnector {
  connectorId: string;
  standard: OcpiStandard;
  powerType: OcpiPowerType;
  maxPowerKw: number;
}

export interface DepotCharger {
  id: string;
  name: string;
  depotName: string;
  latitude: number;
  longitude: number;
  address: string;
  timeZone: string;
  connectors: DepotConnector[];
}

export interface ConnectorRef {
  location: NetLocation;
  evse: NetEvse;
  connector: NetConnector;
}
