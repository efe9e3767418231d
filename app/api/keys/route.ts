// The key table's data: one page, sorted and filtered on the server.
import { fleetRoute } from "@/lib/actions/route";
import { listKeys } from "@/lib/keys/list-keys";
import { listKeysInput } from "@/lib/keys/schemas";

export const GET = fleetRoute({
  name: "keys.list",
  input: listKeysInput,
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  run: ({ input }) => listKeys(input),
});
