// GET /api/chargers/price-history: the prices the fleet saw at one location (the charger panel's history).
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { chargerPriceHistory } from "@/lib/search/price-history";

export const GET = fleetRoute(api.chargers.priceHistory, {
  roles: PAGE_ROLES.map,
  run: async ({ input, fleetId }) => ({
    observations: await chargerPriceHistory(fleetId, input.provider, input.locationId),
  }),
});
