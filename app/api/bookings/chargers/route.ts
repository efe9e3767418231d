// The wizard's small charger search: bookable charge points around a place, optionally free in a window.
import { fleetRoute } from "@/lib/actions/route";
import { searchBookableChargers } from "@/lib/bookings/chargers";
import { defaultBookingProviders } from "@/lib/bookings/providers";
import { searchChargersInput } from "@/lib/bookings/schemas";

export const GET = fleetRoute({
  name: "bookings.search-chargers",
  input: searchChargersInput,
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
