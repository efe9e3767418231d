// One booking with its status timeline; refreshed from the provider while it is open.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { refreshBookingsInView } from "@/lib/bookings/jobs";
import { getBookingDetail } from "@/lib/bookings/records";
import { isFinal } from "@/lib/bookings/state-machine";

export const GET = fleetRoute(api.bookings.detail, {
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    const detail = await getBookingDetail(fleetId, input.bookingId);
    const status = detail.booking.status;
    if (!isFinal(status) && status !== "SUBMITTING" && (await refreshBookingsInView([detail.booking.id]))) {
      return getBookingDetail(fleetId, input.bookingId);
    }
    return detail;
  },
});
