// GET /api/chargers/places: towns and the active fleet's depots for the map's search box.
import { fleetRoute } from "@/lib/actions/route";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { searchPlaces } from "@/lib/search/places";
import { placeSearchInput } from "@/lib/search/search-input";

export const GET = fleetRoute({
  name: "chargers.places",
  input: placeSearchInput,
  roles: PAGE_ROLES.map,
  run: async ({ input, fleetId }) => ({ places: await searchPlaces(fleetId, input.q) }),
});
