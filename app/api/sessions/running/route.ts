// Sessions still running in the fleet (or the driver's own), for the live cards.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { listRunningSessions } from "@/lib/sessions/list-sessions";

export const GET = fleetRoute(api.sessions.running, {
  roles: PAGE_ROLES.sessions,
  run: ({ fleetId, role, user }) => listRunningSessions(fleetId, role === "DRIVER" ? user.id : undefined),
});
