// CSV download of every key matching the table's filters.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { csvResponse } from "@/lib/csv";
import { listAllKeys } from "@/lib/keys/list-keys";
import { keysCsv } from "@/lib/keys/keys-csv";
import { readerTranslator } from "@/lib/i18n/reader";

export const GET = fleetRoute(api.keys.export, {
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  run: async ({ input }) => {
    const [rows, t] = await Promise.all([listAllKeys(input), readerTranslator("csv")]);
    return csvResponse(keysCsv(rows, t), `charging-keys-${new Date().toISOString().slice(0, 10)}.csv`);
  },
});
