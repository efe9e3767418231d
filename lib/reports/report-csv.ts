// Each report table as CSV, with the same rows and columns the page shows.
import { moneyCell, toCsv, type CsvColumn } from "@/lib/csv";
import type { CostReport, CostRow } from "./cost-report";
import { NO_PRICE } from "./labels";
import type { ReportKind } from "./schemas";

const KEY_HEADERS: Record<Exclude<ReportKind, "noShow">, string> = {
  month: "Month",
  driver: "Driver",
  fleet: "Fleet",
  operator: "Operator",
};

function costColumns(keyHeader: string): CsvColumn<CostRow>[] {
  return [
    { header: keyHeader, value: (r) => r.label },
    // Sessions without a price say so here and leave their money cells empty, as on the page.
    { header: "Currency", value: (r) => r.currency ?? NO_PRICE },
    { header: "Sessions", value: (r) => r.sessions },
    { header: "Energy (kWh)", value: (r) => r.energyWh / 1000, decimals: 3 },
    { header: "Cost excl. VAT", value: (r) => moneyCell(r.exclVatMinor, r.currency) },
    { header: "VAT", value: (r) => moneyCell(r.vatMinor, r.currency) },
    { header: "Cost incl. VAT", value: (r) => moneyCell(r.inclVatMinor, r.currency) },
    { header: "Average per kWh incl. VAT", value: (r) => moneyCell(r.perKwhMinor, r.currency) },
  ];
}

export function reportCsv(report: CostReport, kind: ReportKind): string {
  switch (kind) {
    case "month":
      return toCsv(costColumns(KEY_HEADERS.month), report.byMonth);
    case "driver":
      return toCsv(costColumns(KEY_HEADERS.driver), report.byDriver);
    case "fleet":
      return toCsv(costColumns(KEY_HEADERS.fleet), report.byFleet);
    case "operator":
      return toCsv(costColumns(KEY_HEADERS.operator), report.byOperator);
    case "noShow":
      return toCsv(
        [
          { header: "Month", value: (r: CostReport["noShowFees"][number]) => r.label },
          { header: "Currency", value: (r) => r.currency },
          { header: "No-shows", value: (r) => r.bookings },
          { header: "Fees", value: (r) => moneyCell(r.feeMinor, r.currency) },
        ],
        report.noShowFees,
      );
    default: {
      const unknown: never = kind;
      throw new Error(`unknown report ${String(unknown)}`);
    }
  }
}
