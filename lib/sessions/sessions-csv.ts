// The session history as CSV, money with its currency's decimals and VAT apart.
import { moneyCell, toCsv, type CsvColumn } from "@/lib/csv";
import type { SessionListRow } from "./list-sessions";
import { sessionStatusLabel } from "./session-status";

const COLUMNS: CsvColumn<SessionListRow>[] = [
  { header: "Start (UTC)", value: (s) => new Date(s.startTime) },
  { header: "End (UTC)", value: (s) => (s.endTime ? new Date(s.endTime) : null) },
  { header: "Status", value: (s) => sessionStatusLabel(s.status) },
  { header: "Driver", value: (s) => s.driverName },
  { header: "Charger", value: (s) => s.chargerName },
  { header: "EVSE id", value: (s) => s.evseId },
  { header: "Operator", value: (s) => s.operatorName },
  { header: "Country", value: (s) => s.country },
  { header: "Duration (min)", value: (s) => (s.durationSeconds === null ? null : s.durationSeconds / 60), decimals: 1 },
  { header: "Energy (kWh)", value: (s) => (s.energyWh === null ? null : s.energyWh / 1000), decimals: 3 },
  { header: "Cost excl. VAT", value: (s) => moneyCell(s.priceExclVatMinor, s.currency) },
  {
    header: "VAT",
    value: (s) =>
      s.priceExclVatMinor === null || s.priceInclVatMinor === null
        ? ""
        : moneyCell(s.priceInclVatMinor - s.priceExclVatMinor, s.currency),
  },
  { header: "Cost incl. VAT", value: (s) => moneyCell(s.priceInclVatMinor, s.currency) },
  { header: "Currency", value: (s) => s.currency },
  {
    header: "VAT rate (%)",
    value: (s) => (s.vatRateBasisPoints === null ? null : s.vatRateBasisPoints / 100),
    decimals: 2,
  },
  { header: "Payment", value: (s) => s.balanceStatus },
  { header: "Source", value: (s) => s.source },
  { header: "Provider session id", value: (s) => s.providerSessionId },
];

export function sessionsCsv(rows: SessionListRow[]): string {
  return toCsv(COLUMNS, rows);
}
