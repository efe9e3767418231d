// Plugsurfing wire shapes → the domain model (W → kW, string coordinates → numbers, ISO durations → s).
import {
  CONNECTOR_STANDARDS as OCPI_CONNECTOR_STANDARDS,
  EVSE_STATUSES,
  POWER_TYPES,
  type Connector,
  type ChargingKey,
  type ChargingKeyType,
  type ChargingLocation,
  type ChargingSession,
  type ConnectorStandard,
  type Evse,
  type EvseStatus,
  type PowerType,
  type PriceEstimate,
  type ProviderFleet,
  type SessionRecord,
  PROVIDER_FEATURES,
} from "@/lib/domain";
import {
  isoDurationToSeconds,
  operatorFromEvseId,
  parseCoordinate,
  percentToBasisPoints,
  timeZoneFor,
  wattsToKw,
} from "../units";
import { providerTelemetry } from "../telemetry";
import type { EmpKey, WireConnector, WireLocation, WireSession, geosearchResponse } from "./schemas";
import type { z } from "zod";
import type { userChargingKey, wireFleet, wireTariff } from "./schemas";

const PROVIDER = "PLUGSURFING" as const;

/** Plugsurfing's own connector names → OCPI 2.2.1 standards. */
const CONNECTOR_STANDARDS: Record<string, ConnectorStandard> = {
  type2: "IEC_62196_T2",
  ccs: "IEC_62196_T2_COMBO",
  ccs2: "IEC_62196_T2_COMBO",
  chademo: "CHADEMO",
  "3pinsquare": "DOMESTIC_G",
  schuko: "DOMESTIC_F",
  type1: "IEC_62196_T1",
  ccs1: "IEC_62196_T1_COMBO",
};

/** Plugsurfing's own name, or an OCPI name as such; anything else is OTHER. */
export function connectorStandardFromPlugsurfing(name: string): ConnectorStandard {
  const lower = name.trim().toLowerCase();
  return CONNECTOR_STANDARDS[lower] ?? OCPI_CONNECTOR_STANDARDS.find((s) => s.toLowerCase() === lower) ?? "OTHER";
}

/** OCPI standard → the Plugsurfing name used in geosearch filters; undefined when Plugsurfing has none. */
export function connectorStandardToPlugsurfing(standard: ConnectorStandard): string | undefined {
  const names: Partial<Record<ConnectorStandard, string>> = {
    IEC_62196_T2: "Type2",
    IEC_62196_T2_COMBO: "CCS",
    CHADEMO: "CHAdeMO",
    DOMESTIC_G: "3PinSquare",
    DOMESTIC_F: "Schuko",
  };
  return names[standard];
}

function evseStatus(status: string): EvseStatus {
  const upper = status.trim().toUpperCase();
  return EVSE_STATUSES.find((s) => s === upper) ?? "UNKNOWN";
}

function powerType(value: string | null | undefined, standard: ConnectorStandard): PowerType {
  if (value && (POWER_TYPES as readonly string[]).includes(value)) return value as PowerType;
  if (value === "AC") return "AC_3_PHASE";
  return standard === "IEC_62196_T2_COMBO" || standard === "CHADEMO" || standard === "IEC_62196_T1_COMBO"
    ? "DC"
    : "AC_3_PHASE";
}

/** A tariff is rates only: it prices nothing until energy and minutes are known, so it carries no total. */
export function toTariffPrice(tariff: z.infer<typeof wireTariff>): PriceEstimate {
  return {
    vatRateBasisPoints: percentToBasisPoints(tariff.vat),
    fleetSpecific: Boolean(tariff.fleetId),
    tariff: {
      currency: tariff.currencyCode,
      perKwhMinor: tariff.perKwhMinorInclVat,
      perMinuteMinor: tariff.perMinuteMinorInclVat ?? undefined,
      perSessionMinor: tariff.perSessionMinorInclVat ?? undefined,
    },
  };
}

/**
 * Plugsurfing weekdays follow OCPI (1 = Monday … 7 = Sunday; the sandbox agrees). The docs' example shows a
 * placeholder 0, which we read the cron way, as Sunday.
 */
export function ocpiWeekday(weekday: number): number {
  return weekday === 0 ? 7 : weekday;
}

/** kW from whichever power field the connector carries (documented: `power` in W); 0 when none. */
function connectorKw(c: WireConnector): number {
  if (c.power !== undefined) return wattsToKw(c.power);
  if (c.max_electric_power !== undefined) return wattsToKw(c.max_electric_power);
  return c.power_kw ?? c.max_power_kw ?? 0;
}

function toConnector(c: WireConnector, position: number): Connector {
  const standard = connectorStandardFromPlugsurfing(c.standard ?? c.type ?? c.connector_type ?? "");
  return {
    // Without an id, the 1-based position within the EVSE stands in, so that the connector still shows and
    // filters; Plugsurfing's own ids are opaque, so a remote start on such a connector will be refused.
    id: c.id ?? String(position),
    standard,
    powerType: powerType(c.power_type, standard),
    powerKw: connectorKw(c),
  };
}

/** Opening times only when they say something: an empty object is not "closed all week". */
function toOpeningTimes(wire: WireLocation["opening_times"]): ChargingLocation["openingTimes"] {
  const hours = wire?.regular_hours ?? [];
  if (!wire || (wire.twentyfourseven === undefined && hours.length === 0)) return undefined;
  return {
    twentyFourSeven: wire.twentyfourseven ?? false,
    regularHours: hours.map((h) => ({
      weekday: ocpiWeekday(h.weekday),
      periodBegin: h.period_begin,
      periodEnd: h.period_end,
    })),
  };
}

export type LocationResult =
  { ok: true; location: ChargingLocation } | { ok: false; id: string; reason: string; path: string };

/** One location; refused (with the reason) when its coordinates are not numbers, since it cannot be placed. */
export function toLocation(wire: WireLocation, index = 0): LocationResult {
  const latitude = parseCoordinate(wire.coordinates.latitude, "latitude");
  const longitude = parseCoordinate(wire.coordinates.longitude, "longitude");
  if (latitude === null || longitude === null) {
    const bad = latitude === null ? "latitude" : "longitude";
    const path = `locations.${index}.coordinates.${bad}`;
    return {
      ok: false,
      id: wire.id,
      reason: `${path} is not a coordinate: ${JSON.stringify(wire.coordinates[bad])}`,
      path,
    };
  }
  const evses: Evse[] = wire.evses.map((evse) => ({
    uid: evse.uid,
    evseId: evse.evse_id ?? evse.uid,
    status: evseStatus(evse.status),
    capabilities: evse.capabilities ?? [],
    lastUpdated: evse.last_updated,
    connectors: evse.connectors.map(({ position, value }) => toConnector(value, position)),
  }));
  const location: ChargingLocation = {
    provider: PROVIDER,
    id: wire.id,
    name: wire.name,
    address: wire.address,
    city: wire.city,
    postalCode: wire.postal_code,
    country: wire.country,
    latitude,
    longitude,
    timeZone: timeZoneFor(wire.time_zone, wire.country),
    operator: wire.operator ? { id: wire.operator.id, name: wire.operator.name } : undefined,
    openingTimes: toOpeningTimes(wire.opening_times),
    evses,
    // Plugsurfing starts sessions now; it does not take reservations for later.
    supportsReservation: evses.some((e) => e.capabilities.includes("RESERVABLE")),
    price: wire.tariff ? toTariffPrice(wire.tariff) : undefined,
  };
  return { ok: true, location };
}

export interface LocationsResult {
  locations: ChargingLocation[];
  /** Locations left out, with why (e.g. coordinates that are not numbers). */
  skipped: Array<{ id: string; reason: string }>;
}

/** Locations that cannot be placed are skipped, with the reason, and counted like a dropped item. */
export function toLocations(wire: WireLocation[], operation = "geosearch"): LocationsResult {
  const result: LocationsResult = { locations: [], skipped: [] };
  wire.forEach((w, index) => {
    const converted = toLocation(w, index);
    if (converted.ok) {
      result.locations.push(converted.location);
      return;
    }
    result.skipped.push({ id: converted.id, reason: converted.reason });
    providerTelemetry().recordDropped({ provider: PROVIDER, operation, path: converted.path });
  });
  return result;
}

export function toAggregates(
  wire: z.infer<typeof geosearchResponse>["aggregates"],
): Array<{ latitude: number; longitude: number; count: number }> {
  const out: Array<{ latitude: number; longitude: number; count: number }> = [];
  for (const a of wire ?? []) {
    const latitude = parseCoordinate(a.coordinates.latitude, "latitude");
    const longitude = parseCoordinate(a.coordinates.longitude, "longitude");
    if (latitude !== null && longitude !== null) out.push({ latitude, longitude, count: a.count });
  }
  return out;
}

function energyWh(energy: WireSession["energy"]): number | undefined {
  if (!energy) return undefined;
  const unit = energy.unit.toUpperCase();
  if (unit === "WH") return energy.value;
  if (unit === "KWH") return Math.round(energy.value * 1000);
  if (unit === "MWH") return Math.round(energy.value * 1_000_000);
  return undefined;
}

/** A malformed duration is left out rather than failing the session. */
function durationSeconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  try {
    return isoDurationToSeconds(duration);
  } catch {
    return undefined;
  }
}

export function toSession(wire: WireSession): ChargingSession {
  return {
    provider: PROVIDER,
    sessionId: wire.sessionId,
    status: wire.sessionStatus,
    balanceStatus: wire.balanceStatus ?? undefined,
    startTime: wire.startTime,
    durationSeconds: durationSeconds(wire.duration),
    energyWh: energyWh(wire.energy),
    price: wire.price
      ? {
          currency: wire.price.currencyCode,
          exclVatMinor: wire.price.minorExclVat,
          inclVatMinor: wire.price.minorInclVat,
          vatRateBasisPoints: percentToBasisPoints(wire.price.vat),
        }
      : undefined,
    paymentMethod: wire.paymentMethod ?? undefined,
    receiptAvailable: wire.receiptAvailable ?? false,
    connectorId: wire.connectorId ?? undefined,
    evseId: wire.charger?.evseId ?? undefined,
    chargerName: wire.charger?.chargingStationName ?? undefined,
    connectorLabel: wire.charger?.connectorLabel ?? undefined,
    site: wire.site ?? undefined,
    chargingKeyId: wire.chargingKeyId ?? undefined,
  };
}

/**
 * A Plugsurfing session as stored: its price already comes in minor units with net, gross and VAT rate;
 * the end is the start plus the reported duration, and country/operator come from the eMI3 EVSE id.
 */
export function toSessionRecord(session: ChargingSession): SessionRecord {
  const startTime = new Date(session.startTime);
  const { country, operator } = operatorFromEvseId(session.evseId);
  return {
    source: PROVIDER_FEATURES[PROVIDER].sessionSource,
    providerSessionId: session.sessionId,
    status: session.status,
    balanceStatus: session.balanceStatus ?? null,
    startTime,
    endTime:
      session.durationSeconds === undefined
        ? null
        : new Date(startTime.getTime() + Math.round(session.durationSeconds * 1000)),
    durationSeconds: session.durationSeconds === undefined ? null : Math.round(session.durationSeconds),
    energyWh: session.energyWh ?? null,
    priceExclVatMinor: session.price?.exclVatMinor ?? null,
    priceInclVatMinor: session.price?.inclVatMinor ?? null,
    vatRateBasisPoints: session.price?.vatRateBasisPoints ?? null,
    currency: session.price?.currency.toUpperCase() ?? null,
    paymentMethod: session.paymentMethod ?? null,
    receiptAvailable: session.receiptAvailable,
    evseId: session.evseId ?? null,
    connectorId: session.connectorId ?? null,
    chargerName: session.chargerName ?? null,
    site: session.site ?? null,
    operatorName: operator,
    country,
    attribution: session.chargingKeyId ? { keyId: session.chargingKeyId } : {},
  };
}

function keyType(type: string | undefined, referenceId: string | undefined): ChargingKeyType {
  const t = (type ?? "").toLowerCase();
  if (t.includes("virtual") || t.includes("app")) return "VIRTUAL";
  if (t.includes("card")) return "RFID_CARD";
  if (t.includes("tag")) return "RFID_TAG";
  // Every user has one virtual key, the one without a referenceId.
  return referenceId ? "RFID_TAG" : "VIRTUAL";
}

export function toUserKey(wire: z.infer<typeof userChargingKey>): ChargingKey {
  return {
    provider: PROVIDER,
    keyId: wire.keyId,
    name: wire.name ?? undefined,
    contractId: wire.contractId ?? undefined,
    referenceId: wire.referenceId ?? undefined,
    type: keyType(wire.type, wire.referenceId),
    enabled: wire.enabled,
    validFrom: wire.validFrom ?? undefined,
    validTo: wire.validTo ?? undefined,
  };
}

export function toFleetKey(wire: EmpKey): ChargingKey {
  return {
    provider: PROVIDER,
    keyId: wire.keyIdentifier,
    visualNumber: wire.visualNumber ?? undefined,
    contractId: wire.contractId ?? undefined,
    // EMP keys are physical RFID media handed to drivers.
    type: "RFID_CARD",
    enabled: wire.enabled,
    validTo: wire.validTo ?? undefined,
    fleetId: wire.fleetId ?? undefined,
  };
}

export function toFleet(wire: z.infer<typeof wireFleet>): ProviderFleet {
  return { fleetId: wire.fleetId, fleetName: wire.fleetName ?? undefined };
}
