// The price differences report as JSON for the report page: per operator, and the largest differences.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { getPriceDifferenceReport, LARGEST_SHOWN, REPORT_ROLES } from "@/lib/reports/get-report";

export const GET = fleetRoute(api.reports.priceDifferences, {
  roles: REPORT_ROLES,
  run: async ({ input }) => {
    const report = await getPriceDifferenceReport(input);
    return { ...report, rows: report.rows.slice(0, LARGEST_SHOWN) };
  },
});
