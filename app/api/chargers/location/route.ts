// GET /api/chargers/location: one location with the fleet's own price (the charger panel).
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { DomainError, text } from "@/lib/errors";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { providersWith } from "@/lib/providers";
import { getChargerDetails } from "@/lib/search/charger-details";

export const GET = fleetRoute(api.chargers.location, {
  roles: PAGE_ROLES.map,
  run: async ({ input, fleetId }) => {
    const location = await getChargerDetails(fleetId, input.provider, input.locationId, providersWith("search"));
    if (!location) throw new DomainError("NOT_FOUND", text("search.chargerGone"));
    return { location };
  },
});
