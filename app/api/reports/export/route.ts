// One report table as a CSV download.
import { fleetRoute } from "@/lib/actions/route";
import { csvResponse } from "@/lib/csv";
import { getReport, REPORT_ROLES } from "@/lib/reports/get-report";
import { reportCsv } from "@/lib/reports/report-csv";
import { reportExportInput } from "@/lib/reports/schemas";

export const GET = fleetRoute({
  name: "reports.export",
  input: reportExportInput,
  roles: REPORT_ROLES,
  run: async ({ input }) => {
    const report = await getReport(input);
    return csvResponse(reportCsv(report, input.report), `cost-by-${input.report}-${input.from}-to-${input.to}.csv`);
  },
});
