// The fleet's bookings for the list, filtered; open ones in view are refreshed from the provider first.
import { fleetRoute } from "@/lib/actions/route";
import { refreshBookingsInView } from "@/lib/bookings/jobs";
import { listFleetBookings, openBookingIds } from "@/lib/bookings/records";
import { listBookingsInput } from "@/lib/bookings/schemas";

export const GET = fleetRoute({
  name: "bookings.list",
  input: listBookingsInput,
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    const { fleetId: _fleet, refresh, ...filter } = input;
    // One provider list call covers every open booking of the fleet, so a filtered view (e.g. "needs
    // attention") also learns about bookings that are about to enter it.
    if (refresh) await refreshBookingsInView(await openBookingIds(fleetId));
    return { bookings: await listFleetBookings(fleetId, filter) };
  },
});
