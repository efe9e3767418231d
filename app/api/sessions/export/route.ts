// The filtered session history as a CSV download.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { readerLanguage } from "@/lib/i18n/reader";
import { exportSessionsResponse } from "@/lib/sessions/export-sessions";

export const GET = fleetRoute(api.sessions.export, {
  roles: PAGE_ROLES.sessions,
  run: async ({ input, role, user }) =>
    exportSessionsResponse(input, role === "DRIVER" ? user.id : undefined, await readerLanguage()),
});
