// The key table as CSV, in the same columns as the screen; headers in the reader's language (the `csv`
// messages), dates as ISO 8601.
import { toCsv, type CsvColumn } from "@/lib/csv";
import type { Translate } from "@/lib/i18n/messages";
import type { KeyRow } from "./list-keys";

/** `t` speaks the `csv` messages: `translator(language, "csv")`. */
export function keysCsv(rows: KeyRow[], t: Translate): string {
  const columns: CsvColumn<KeyRow>[] = [
    { header: t("keys.name"), value: (k) => k.name },
    { header: t("keys.visualNumber"), value: (k) => k.visualNumber },
    { header: t("keys.keyId"), value: (k) => k.keyId },
    { header: t("keys.contractId"), value: (k) => k.contractId },
    { header: t("keys.type"), value: (k) => k.type },
    { header: t("keys.enabled"), value: (k) => k.enabled },
    { header: t("keys.validFrom"), value: (k) => (k.validFrom ? new Date(k.validFrom) : null) },
    { header: t("keys.validTo"), value: (k) => (k.validTo ? new Date(k.validTo) : null) },
    { header: t("keys.driver"), value: (k) => k.driverName },
    { header: t("keys.fleet"), value: (k) => k.fleetName },
    { header: t("keys.source"), value: (k) => k.source },
    { header: t("keys.provider"), value: (k) => k.provider },
  ];
  return toCsv(columns, rows);
}
