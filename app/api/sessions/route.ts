// One page of the session history; drivers get only their own sessions.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { listSessions } from "@/lib/sessions/list-sessions";

export const GET = fleetRoute(api.sessions.list, {
  roles: PAGE_ROLES.sessions,
  run: ({ input, role, user }) => listSessions(input, role === "DRIVER" ? user.id : undefined),
});
