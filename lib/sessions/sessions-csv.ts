// The session history as CSV, money with its currency's decimals and VAT apart; headers and statuses in the
// reader's language.
import { csvHead, csvRecords, moneyCell, toCsv, type CsvColumn } from "@/lib/csv";
import type { Language } from "@/lib/i18n/languages";
import { MESSAGES, translator } from "@/lib/i18n/messages";
import type { SessionListRow } from "./list-sessions";
import { sessionStatusLabel } from "./session-status";

export function sessionsCsv(rows: SessionListRow[], language: Language): string {
  return toCsv(sessionCsvColumns(language), rows);
}

/** The same file in pieces: the head, then the records of each chunk of rows as it comes. */
export async function* sessionsCsvPieces(
  chunks: AsyncIterable<SessionListRow[]>,
  language: Language,
): AsyncGenerator<string> {
  const columns = sessionCsvColumns(language);
  yield csvHead(columns);
  for await (const rows of chunks) yield csvRecords(columns, rows);
}

function sessionCsvColumns(language: Language): CsvColumn<SessionListRow>[] {
  const t = translator(language, "csv");
  const statuses: Record<string, string> = MESSAGES[language].common.sessionStatus;
  // The provider's status list is open: one not known here is still written in words.
  const status = (code: string) => statuses[code] ?? sessionStatusLabel(code);
  const columns: CsvColumn<SessionListRow>[] = [
    // Already ISO 8601 in UTC, as a Date would write them: no Date per cell.
    { header: t("sessions.start"), value: (s) => s.startTime },
    { header: t("sessions.end"), value: (s) => s.endTime },
    { header: t("sessions.status"), value: (s) => status(s.status) },
    { header: t("sessions.driver"), value: (s) => s.driverName },
    { header: t("sessions.vehicle"), value: (s) => s.vehicleLabel },
    { header: t("sessions.odometerKm"), value: (s) => s.odometerKm },
    { header: t("sessions.charger"), value: (s) => s.chargerName },
    { header: t("sessions.evseId"), value: (s) => s.evseId },
    { header: t("sessions.operator"), value: (s) => s.operatorName },
    { header: t("sessions.country"), value: (s) => s.country },
    {
      header: t("sessions.durationMin"),
      value: (s) => (s.durationSeconds === null ? null : s.durationSeconds / 60),
      decimals: 1,
    },
    { header: t("sessions.energyKwh"), value: (s) => (s.energyWh === null ? null : s.energyWh / 1000), decimals: 3 },
    { header: t("sessions.costExclVat"), value: (s) => moneyCell(s.priceExclVatMinor, s.currency) },
    {
      header: t("sessions.vat"),
      value: (s) =>
        s.priceExclVatMinor === null || s.priceInclVatMinor === null
          ? ""
          : moneyCell(s.priceInclVatMinor - s.priceExclVatMinor, s.currency),
    },
    { header: t("sessions.costInclVat"), value: (s) => moneyCell(s.priceInclVatMinor, s.currency) },
    { header: t("sessions.currency"), value: (s) => s.currency },
    {
      header: t("sessions.vatRate"),
      value: (s) => (s.vatRateBasisPoints === null ? null : s.vatRateBasisPoints / 100),
      decimals: 2,
    },
    { header: t("sessions.payment"), value: (s) => s.balanceStatus },
    { header: t("sessions.source"), value: (s) => s.source },
    { header: t("sessions.providerSessionId"), value: (s) => s.providerSessionId },
  ];
  return columns;
}
