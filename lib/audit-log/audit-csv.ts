// The audit log as CSV: each entry with its sentence, the action and object in words, and the raw before and
// after for whoever needs the detail. Times in UTC, ISO 8601, so a spreadsheet sorts them.
import { toCsv, type CsvColumn } from "@/lib/csv";
import { actionWords, objectTypeLabel } from "./action-words";
import type { AuditEntryView } from "./list-audit-entries";

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const COLUMNS: CsvColumn<AuditEntryView>[] = [
  { header: "When (UTC)", value: (e) => new Date(e.at) },
  { header: "Who", value: (e) => e.actorName ?? "The system" },
  { header: "What happened", value: (e) => e.sentence },
  { header: "Action", value: (e) => actionWords(e.action).label },
  { header: "Object type", value: (e) => objectTypeLabel(e.objectType) },
  { header: "Object ID", value: (e) => e.objectId },
  { header: "Before", value: (e) => json(e.before) },
  { header: "After", value: (e) => json(e.after) },
  { header: "IP address", value: (e) => e.ip },
];

export function auditCsv(entries: AuditEntryView[]): string {
  return toCsv(COLUMNS, entries);
}
