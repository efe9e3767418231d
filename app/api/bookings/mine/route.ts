// A driver's own bookings in the active fleet: only those assigned to them.
import { z } from "zod";
import { fleetRoute } from "@/lib/actions/route";
import { listDriverBookings } from "@/lib/bookings/records";

export const GET = fleetRoute({
  name: "bookings.mine",
  input: z.object({ fleetId: z.string().min(1) }),
  roles: ["DRIVER"],
  async run({ fleetId, user }) {
    return { bookings: await listDriverBookings(fleetId, user.id) };
  },
});
