// The sessions CSV download: what the export route answers, shared with the scale benchmark.
import "server-only";
import { csvResponse } from "@/lib/csv";
import type { Language } from "@/lib/i18n/languages";
import { listAllSessions } from "./list-sessions";
import type { SessionFilters } from "./schemas";
import { sessionsCsv } from "./sessions-csv";

export async function exportSessionsResponse(
  filters: SessionFilters,
  onlyDriverId: string | undefined,
  language: Language,
  now = new Date(),
): Promise<Response> {
  return csvResponse(
    sessionsCsv(await listAllSessions(filters, onlyDriverId), language),
    `sessions-${now.toISOString().slice(0, 10)}.csv`,
  );
}
