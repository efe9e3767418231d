// The fleet's bookings for the list, filtered; open ones in view are refreshed from the provider first.
import { fleetRoute } from "@/lib/actions/route";
import { refreshBookingsInView } from "@/lib/bookings/jobs";
import { listFleetBookings } from "@/lib/bookings/records";
import { listBookingsInput } from "@/lib/bookings/schemas";
import { isFinal } from "@/lib/bookings/state-machine";

export const GET = fleetRoute({
  name: "bookings.list",
  input: listBookingsInput,
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    const { fleetId: _fleet, refresh, ...filter } = input;
    let bookings = await listFleetBookings(fleetId, filter);
    const open = bookings.filter((b) => !isFinal(b.status) && b.status !== "SUBMITTING").map((b) => b.id);
    if (refresh && (await refreshBookingsInView(open))) bookings = await listFleetBookings(fleetId, filter);
    return { bookings };
  },
});
