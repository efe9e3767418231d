// The report for a reader: their active fleet, compared with the other fleets they may report on.
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { buildCostReport } from "./cost-report";
import type { ReportInput } from "./schemas";

export const REPORT_ROLES = PAGE_ROLES.reports;

export function reportableFleetIds(user: CurrentUser): string[] {
  return user.memberships.filter((m) => REPORT_ROLES.includes(m.role)).map((m) => m.fleetId);
}

export function getReport(user: CurrentUser, input: ReportInput) {
  return buildCostReport({ ...input, comparableFleetIds: reportableFleetIds(user) });
}
