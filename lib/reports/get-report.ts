// The report for a reader's active fleet, the one the page is titled for; the route has checked their role in it.
import "server-only";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { readerTranslator } from "@/lib/i18n/reader";
import { buildCostReport } from "./cost-report";
import { buildPriceDifferenceReport } from "./price-differences";
import type { PriceDifferenceInput, ReportInput } from "./schemas";

export const REPORT_ROLES = PAGE_ROLES.reports;

/** The requested fleet only: another fleet's costs never appear under this one's title; in the reader's words. */
export async function getReport(input: ReportInput) {
  const t = await readerTranslator("reports");
  return buildCostReport(input, {
    noDriver: t("unknown.noDriver"),
    unknownFleet: t("unknown.fleet"),
    unknownOperator: t("unknown.operator"),
    noVehicle: t("unknown.noVehicle"),
  });
}

/** How many of the largest differences the page lists; the CSV has them all. */
export const LARGEST_SHOWN = 20;

/** The price check for the fleet, every session over the threshold (`largest`: the page's few). */
export async function getPriceDifferenceReport(input: PriceDifferenceInput) {
  const t = await readerTranslator("reports");
  return buildPriceDifferenceReport(
    { ...input, threshold: { mode: input.thresholdMode, value: input.threshold } },
    t("unknown.operator"),
  );
}
