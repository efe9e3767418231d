// The audit log as CSV: each entry with its sentence, the action and object in words, and the raw before and
// after for whoever needs the detail; headers and words in the reader's language. Times in UTC, ISO 8601, so a
// spreadsheet sorts them.
import { toCsv, type CsvColumn } from "@/lib/csv";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { actionLabel, objectTypeLabel } from "./action-words";
import type { AuditEntryView } from "./list-audit-entries";

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Entries whose sentences were written in `language` (exportAuditEntries with the same language's words). */
export function auditCsv(entries: AuditEntryView[], language: Language): string {
  const t = translator(language, "audit");
  const h = translator(language, "csv");
  const columns: CsvColumn<AuditEntryView>[] = [
    { header: h("audit.when"), value: (e) => new Date(e.at) },
    { header: h("audit.who"), value: (e) => e.actorName ?? t("sentence.system") },
    { header: h("audit.what"), value: (e) => e.sentence },
    { header: h("audit.action"), value: (e) => actionLabel(t, e.action) },
    { header: h("audit.objectType"), value: (e) => objectTypeLabel(t, e.objectType) },
    { header: h("audit.objectId"), value: (e) => e.objectId },
    { header: h("audit.before"), value: (e) => json(e.before) },
    { header: h("audit.after"), value: (e) => json(e.after) },
    { header: h("audit.ip"), value: (e) => e.ip },
  ];
  return toCsv(columns, entries);
}
