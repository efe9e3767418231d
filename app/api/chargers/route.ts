// GET /api/chargers: chargers in a viewport from every provider that can search, merged.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { fleetChargersFor } from "@/lib/depot-chargers/depot-chargers";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import { providersWith } from "@/lib/providers";
import { filtersFromParams } from "@/lib/search/filters";
import { memorySearchCache, sharedSearchCache } from "@/lib/search/postgres-search-cache";
import { searchChargers } from "@/lib/search/search-chargers";
import { bboxOf } from "@/lib/search/search-input";

export const GET = fleetRoute(api.chargers.search, {
  roles: PAGE_ROLES.map,
  run: async ({ input, fleetId }) =>
    searchChargers(bboxOf(input), filtersFromParams(input), {
      adapters: providersWith("search"),
      fleetChargers: await fleetChargersFor(fleetId),
      cache: memorySearchCache(),
      sharedCache: sharedSearchCache(),
      refresh: input.refresh === "1",
      errors: (await readerFailureWords()).errors,
    }),
});
