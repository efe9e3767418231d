// The filtered session history as a CSV download.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/csv";
import { readerLanguage } from "@/lib/i18n/reader";
import { listAllSessions } from "@/lib/sessions/list-sessions";
import { sessionsCsv } from "@/lib/sessions/sessions-csv";

export const GET = fleetRoute(api.sessions.export, {
  roles: PAGE_ROLES.sessions,
  run: async ({ input, role, user }) =>
    csvResponse(
      sessionsCsv(await listAllSessions(input, role === "DRIVER" ? user.id : undefined), await readerLanguage()),
      `sessions-${new Date().toISOString().slice(0, 10)}.csv`,
    ),
});
