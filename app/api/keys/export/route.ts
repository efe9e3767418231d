// CSV download of every key matching the table's filters.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { csvResponse } from "@/lib/csv";
import { listAllKeys } from "@/lib/keys/list-keys";
import { keysCsv } from "@/lib/keys/keys-csv";

export const GET = fleetRoute(api.keys.export, {
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  run: async ({ input }) =>
    csvResponse(keysCsv(await listAllKeys(input)), `charging-keys-${new Date().toISOString().slice(0, 10)}.csv`),
});
