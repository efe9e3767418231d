// The fleet's bookings for the list, filtered and paged by cursor; open ones are refreshed from the provider first.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { refreshBookingsInView } from "@/lib/bookings/jobs";
import { listFleetBookingsPage, openBookingIds } from "@/lib/bookings/records";

export const GET = fleetRoute(api.bookings.list, {
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    const { fleetId: _fleet, refresh, ...filter } = input;
    // One provider list call covers every open booking of the fleet, so a filtered view (e.g. "needs
    // attention") also learns about bookings that are about to enter it.
    if (refresh) await refreshBookingsInView(await openBookingIds(fleetId));
    return listFleetBookingsPage(fleetId, filter);
  },
});
