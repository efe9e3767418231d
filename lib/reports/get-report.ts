// The report for a reader's active fleet, the one the page is titled for; the route has checked their role in it.
import "server-only";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { readerTranslator } from "@/lib/i18n/reader";
import { buildCostReport } from "./cost-report";
import type { ReportInput } from "./schemas";

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
