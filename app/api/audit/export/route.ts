// The audit log matching the page's filters (the fleet's own, or the organisation's security log), as CSV.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { auditCsv } from "@/lib/audit-log/audit-csv";
import { exportAuditEntries, securityView } from "@/lib/audit-log/list-audit-entries";
import { csvResponse } from "@/lib/csv";
import { translator } from "@/lib/i18n/messages";
import { readerLanguage } from "@/lib/i18n/reader";

/** A year of a busy fleet's changes; narrow the period for more. */
const EXPORT_LIMIT = 50_000;

export const GET = fleetRoute(api.audit.export, {
  roles: PAGE_ROLES.audit,
  async run({ input, fleetId }) {
    const view = input.view === "security" ? await securityView(fleetId) : ({ kind: "fleet", fleetId } as const);
    const filters = {
      action: input.action,
      actorId: input.actor,
      objectType: input.object,
      from: input.from,
      to: input.to,
    };
    const language = await readerLanguage();
    const entries = await exportAuditEntries(
      view,
      filters,
      input.timeZone,
      EXPORT_LIMIT,
      translator(language, "audit"),
    );
    const name = input.view === "security" ? "security-log" : "audit-log";
    return csvResponse(auditCsv(entries, language), `${name}-${new Date().toISOString().slice(0, 10)}.csv`);
  },
});
