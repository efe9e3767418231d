// The key table as CSV, in the same columns as the screen.
import { toCsv, type CsvColumn } from "@/lib/csv";
import type { KeyRow } from "./list-keys";

const COLUMNS: CsvColumn<KeyRow>[] = [
  { header: "Name", value: (k) => k.name },
  { header: "Visual number", value: (k) => k.visualNumber },
  { header: "Key id", value: (k) => k.keyId },
  { header: "Contract id", value: (k) => k.contractId },
  { header: "Type", value: (k) => k.type },
  { header: "Enabled", value: (k) => k.enabled },
  { header: "Valid from", value: (k) => (k.validFrom ? new Date(k.validFrom) : null) },
  { header: "Valid to", value: (k) => (k.validTo ? new Date(k.validTo) : null) },
  { header: "Driver", value: (k) => k.driverName },
  { header: "Fleet", value: (k) => k.fleetName },
  { header: "Source", value: (k) => k.source },
  { header: "Provider", value: (k) => k.provider },
];

export function keysCsv(rows: KeyRow[]): string {
  return toCsv(COLUMNS, rows);
}
