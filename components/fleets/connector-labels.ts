// Connector standards in words, for the depot-charger screens (the OCPI names stay for the CSV import).
import type { ConnectorStandard } from "@/lib/domain";

export const STANDARD_LABELS: Record<ConnectorStandard, string> = {
  IEC_62196_T2: "Type 2 (AC)",
  IEC_62196_T2_COMBO: "CCS Combo 2 (DC)",
  IEC_62196_T1: "Type 1 (AC)",
  IEC_62196_T1_COMBO: "CCS Combo 1 (DC)",
  CHADEMO: "CHAdeMO (DC)",
  DOMESTIC_F: "Schuko socket",
  DOMESTIC_G: "UK socket",
  IEC_60309_2_single_16: "CEE 16 A, single phase",
  IEC_60309_2_three_32: "CEE 32 A, three phase",
  GBT_AC: "GB/T (AC)",
  GBT_DC: "GB/T (DC)",
  TESLA_R: "Tesla Roadster",
  TESLA_S: "Tesla",
  OTHER: "Other",
};

/** A stored standard the dashboard does not know yet is shown as it is. */
export function standardLabel(standard: string): string {
  return Object.entries(STANDARD_LABELS).find(([code]) => code === standard)?.[1] ?? standard;
}
