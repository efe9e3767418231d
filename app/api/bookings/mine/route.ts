// A driver's own bookings in the active fleet: only those assigned to them.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { listDriverBookings } from "@/lib/bookings/records";

export const GET = fleetRoute(api.bookings.mine, {
  roles: ["DRIVER"],
  async run({ fleetId, user }) {
    return { bookings: await listDriverBookings(fleetId, user.id) };
  },
});
