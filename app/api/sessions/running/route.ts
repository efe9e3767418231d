// Sessions still running in the fleet (or the driver's own), for the live cards.
import { z } from "zod";
import { fleetRoute } from "@/lib/actions/route";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { listRunningSessions } from "@/lib/sessions/list-sessions";

export const GET = fleetRoute({
  name: "sessions.running",
  input: z.object({ fleetId: z.string().min(1) }),
  roles: PAGE_ROLES.sessions,
  run: ({ fleetId, role, user }) => listRunningSessions(fleetId, role === "DRIVER" ? user.id : undefined),
});
