// A batch's progress: each line's outcome as it happens.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { getBatchOrThrow } from "@/lib/bookings/batches";

export const GET = fleetRoute(api.bookings.batch, {
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    return getBatchOrThrow(fleetId, input.batchId);
  },
});
