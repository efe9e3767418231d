// The key table's data: one page, sorted and filtered on the server.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { listKeys } from "@/lib/keys/list-keys";

export const GET = fleetRoute(api.keys.list, {
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  run: ({ input }) => listKeys(input),
});
