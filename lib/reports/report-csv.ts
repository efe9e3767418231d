// Each report table as CSV, with the same rows and columns the page shows; headers and words in the reader's
// language (the `csv` messages), figures as spreadsheets read them everywhere ("1234.50", ISO dates).
import { moneyCell, toCsv, type CsvColumn } from "@/lib/csv";
import type { Translate } from "@/lib/i18n/messages";
import type { CostReport, CostRow, VehicleCostRow } from "./cost-report";
import type { PriceDifferenceReport, PriceDifferenceRow } from "./price-differences";
import type { ReportKind } from "./schemas";

/** `t` speaks the `csv` messages: `translator(language, "csv")`. */
function costColumns(t: Translate, keyHeader: string): CsvColumn<CostRow>[] {
  return [
    { header: keyHeader, value: (r) => r.label },
    // Sessions without a price say so here and leave their money cells empty, as on the page.
    { header: t("reports.currency"), value: (r) => r.currency ?? t("reports.noPrice") },
    { header: t("reports.sessions"), value: (r) => r.sessions },
    { header: t("reports.energyKwh"), value: (r) => r.energyWh / 1000, decimals: 3 },
    { header: t("reports.costExclVat"), value: (r) => moneyCell(r.exclVatMinor, r.currency) },
    { header: t("reports.vat"), value: (r) => moneyCell(r.vatMinor, r.currency) },
    { header: t("reports.costInclVat"), value: (r) => moneyCell(r.inclVatMinor, r.currency) },
    { header: t("reports.perKwhInclVat"), value: (r) => moneyCell(r.perKwhMinor, r.currency) },
  ];
}

export function reportCsv(report: CostReport, kind: Exclude<ReportKind, "priceDifference">, t: Translate): string {
  switch (kind) {
    case "month":
      return toCsv(costColumns(t, t("reports.month")), report.byMonth);
    case "driver":
      return toCsv(costColumns(t, t("reports.driver")), report.byDriver);
    case "fleet":
      return toCsv(costColumns(t, t("reports.fleet")), report.byFleet);
    case "operator":
      return toCsv(costColumns(t, t("reports.operator")), report.byOperator);
    case "vehicle":
      return toCsv(
        [
          { header: t("reports.month"), value: (r: VehicleCostRow) => r.month },
          ...costColumns(t, t("reports.vehicle")),
          { header: t("reports.vehicleName"), value: (r: VehicleCostRow) => r.vehicleName },
          { header: t("reports.odometerReadings"), value: (r: VehicleCostRow) => r.odometerReadings },
          // Empty where there is no distance: fewer than two readings.
          { header: t("reports.distanceKm"), value: (r: VehicleCostRow) => r.distanceKm },
          {
            header: t("reports.per100KmInclVat"),
            value: (r: VehicleCostRow) => moneyCell(r.per100KmMinor, r.currency),
          },
        ],
        report.byVehicle,
      );
    case "noShow":
      return toCsv(
        [
          { header: t("reports.month"), value: (r: CostReport["noShowFees"][number]) => r.label },
          { header: t("reports.currency"), value: (r) => r.currency },
          { header: t("reports.noShows"), value: (r) => r.bookings },
          { header: t("reports.fees"), value: (r) => moneyCell(r.feeMinor, r.currency) },
        ],
        report.noShowFees,
      );
    default: {
      const unknown: never = kind;
      throw new Error(`unknown report ${String(unknown)}`);
    }
  }
}

/** Every session over the price check's threshold, the largest difference first. */
export function priceDifferenceCsv(report: PriceDifferenceReport, t: Translate): string {
  const columns: CsvColumn<PriceDifferenceRow>[] = [
    { header: t("reports.operator"), value: (r) => r.operator },
    { header: t("reports.started"), value: (r) => new Date(r.startTime) },
    { header: t("reports.charger"), value: (r) => r.chargerName },
    { header: t("reports.currency"), value: (r) => r.currency },
    { header: t("reports.estimateInclVat"), value: (r) => moneyCell(r.estimateMinor, r.currency) },
    { header: t("reports.finalInclVat"), value: (r) => moneyCell(r.finalMinor, r.currency) },
    { header: t("reports.difference"), value: (r) => moneyCell(r.differenceMinor, r.currency) },
    // Empty for an estimate of zero: any charge is no percentage of it.
    { header: t("reports.differencePercent"), value: (r) => r.percent, decimals: 1 },
    { header: t("reports.energyKwh"), value: (r) => (r.energyWh === null ? null : r.energyWh / 1000), decimals: 3 },
    { header: t("reports.sessionId"), value: (r) => r.sessionId },
    { header: t("reports.bookingId"), value: (r) => r.bookingId },
  ];
  return toCsv(columns, report.rows);
}
