// Connector standards and EVSE statuses in words, so an OCPI code never reaches a screen.
import type { Translate } from "@/lib/i18n/messages";
import type { ConnectorStandard, EvseStatus } from "./location";

export const CONNECTOR_STANDARD_LABELS: Record<ConnectorStandard, string> = {
  IEC_62196_T2: "Type 2",
  IEC_62196_T2_COMBO: "CCS (Type 2)",
  IEC_62196_T1: "Type 1",
  IEC_62196_T1_COMBO: "CCS (Type 1)",
  CHADEMO: "CHAdeMO",
  DOMESTIC_F: "Schuko",
  DOMESTIC_G: "UK 3-pin plug",
  IEC_60309_2_single_16: "CEE 16 A",
  IEC_60309_2_three_32: "CEE 32 A",
  GBT_AC: "GB/T (AC)",
  GBT_DC: "GB/T (DC)",
  TESLA_R: "Tesla Roadster",
  TESLA_S: "Tesla",
  OTHER: "Other connector",
};

/**
 * A connector standard in the reader's words (`t` speaks the `common` messages); standards OCPI added later
 * read as "Other connector", never as a code.
 */
export function connectorName(t: Translate, standard: string): string {
  return t(`connector.${standard in CONNECTOR_STANDARD_LABELS ? (standard as ConnectorStandard) : "OTHER"}`);
}

/** Providers may send standards OCPI added later: those read as "Other connector", never as a code. */
export function connectorLabel(standard: string): string {
  return CONNECTOR_STANDARD_LABELS[standard as ConnectorStandard] ?? CONNECTOR_STANDARD_LABELS.OTHER;
}

export const EVSE_STATUS_LABELS: Record<EvseStatus, string> = {
  AVAILABLE: "Available",
  BLOCKED: "Blocked",
  CHARGING: "In use",
  INOPERATIVE: "Not working",
  OUTOFORDER: "Out of order",
  PLANNED: "Planned",
  REMOVED: "Removed",
  RESERVED: "Reserved",
  UNKNOWN: "Status unknown",
};

export function evseStatusLabel(status: string): string {
  return EVSE_STATUS_LABELS[status as EvseStatus] ?? EVSE_STATUS_LABELS.UNKNOWN;
}
