// A running session as Plugsurfing reports it now (polled by the live card).
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { refreshLiveSession } from "@/lib/sessions/remote-control";

export const GET = fleetRoute(api.sessions.live, {
  roles: PAGE_ROLES.sessions,
  run: ({ input, fleetId, role, user }) =>
    refreshLiveSession(fleetId, input.sessionId, role === "DRIVER" ? user.id : undefined),
});
