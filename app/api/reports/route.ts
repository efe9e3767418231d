// The cost report as JSON for the report page's charts and tables.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { getReport, REPORT_ROLES } from "@/lib/reports/get-report";

export const GET = fleetRoute(api.reports.get, {
  roles: REPORT_ROLES,
  run: ({ input }) => getReport(input),
});
