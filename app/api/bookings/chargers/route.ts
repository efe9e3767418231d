// The wizard's small charger search: bookable charge points around a place, optionally free in a window.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { searchBookableChargers } from "@/lib/bookings/chargers";
import { defaultBookingProviders } from "@/lib/bookings/providers";

export const GET = fleetRoute(api.bookings.searchChargers, {
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    const window =
      input.windowStart && input.windowEnd
        ? { start: new Date(input.windowStart), end: new Date(input.windowEnd) }
        : undefined;
    const locations = await searchBookableChargers(defaultBookingProviders(), { ...input, fleetId, window });
    return { locations };
  },
});
