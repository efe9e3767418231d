// The cost report as JSON for the report page's charts and tables.
import { fleetRoute } from "@/lib/actions/route";
import { getReport, REPORT_ROLES } from "@/lib/reports/get-report";
import { reportInput } from "@/lib/reports/schemas";

export const GET = fleetRoute({
  name: "reports.get",
  input: reportInput,
  roles: REPORT_ROLES,
  run: ({ input }) => getReport(input),
});
