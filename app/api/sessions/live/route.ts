// A running session as Plugsurfing reports it now (polled by the live card).
import { fleetRoute } from "@/lib/actions/route";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { refreshLiveSession } from "@/lib/sessions/remote-control";
import { sessionIdInput } from "@/lib/sessions/schemas";

export const GET = fleetRoute({
  name: "sessions.live",
  input: sessionIdInput,
  roles: PAGE_ROLES.sessions,
  run: ({ input, fleetId, role, user }) =>
    refreshLiveSession(fleetId, input.sessionId, role === "DRIVER" ? user.id : undefined),
});
