// The vehicle table's data: one page, sorted and filtered on the server.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { listVehicles } from "@/lib/vehicles/vehicles";

export const GET = fleetRoute(api.vehicles.list, {
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  run: ({ input }) => listVehicles(input),
});
