// One report table as a CSV download.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { csvResponse } from "@/lib/csv";
import { readerTranslator } from "@/lib/i18n/reader";
import { getReport, REPORT_ROLES } from "@/lib/reports/get-report";
import { reportCsv } from "@/lib/reports/report-csv";

export const GET = fleetRoute(api.reports.export, {
  roles: REPORT_ROLES,
  run: async ({ input }) => {
    const [report, t] = await Promise.all([getReport(input), readerTranslator("csv")]);
    return csvResponse(reportCsv(report, input.report, t), `cost-by-${input.report}-${input.from}-to-${input.to}.csv`);
  },
});
