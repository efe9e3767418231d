// One report table as a CSV download.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { csvResponse } from "@/lib/csv";
import { readerTranslator } from "@/lib/i18n/reader";
import { getPriceDifferenceReport, getReport, REPORT_ROLES } from "@/lib/reports/get-report";
import { priceDifferenceCsv, reportCsv } from "@/lib/reports/report-csv";

export const GET = fleetRoute(api.reports.export, {
  roles: REPORT_ROLES,
  run: async ({ input }) => {
    const file = `${input.report === "priceDifference" ? "price-differences" : `cost-by-${input.report}`}-${input.from}-to-${input.to}.csv`;
    if (input.report === "priceDifference") {
      const [report, t] = await Promise.all([getPriceDifferenceReport(input), readerTranslator("csv")]);
      return csvResponse(priceDifferenceCsv(report, t), file);
    }
    const [report, t] = await Promise.all([getReport(input), readerTranslator("csv")]);
    return csvResponse(reportCsv(report, input.report, t), file);
  },
});
