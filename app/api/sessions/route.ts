// One page of the session history; drivers get only their own sessions.
import { fleetRoute } from "@/lib/actions/route";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { listSessions } from "@/lib/sessions/list-sessions";
import { listSessionsInput } from "@/lib/sessions/schemas";

export const GET = fleetRoute({
  name: "sessions.list",
  input: listSessionsInput,
  roles: PAGE_ROLES.sessions,
  run: ({ input, role, user }) => listSessions(input, role === "DRIVER" ? user.id : undefined),
});
