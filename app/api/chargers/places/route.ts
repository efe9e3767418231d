// GET /api/chargers/places: towns and the active fleet's depots for the map's search box.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { searchPlaces } from "@/lib/search/places";

export const GET = fleetRoute(api.chargers.places, {
  roles: PAGE_ROLES.map,
  run: async ({ input, fleetId }) => ({ places: await searchPlaces(fleetId, input.q) }),
});
