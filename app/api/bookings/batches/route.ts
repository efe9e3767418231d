// A batch's progress: each line's outcome as it happens.
import { fleetRoute } from "@/lib/actions/route";
import { getBatchOrThrow } from "@/lib/bookings/batches";
import { batchIdInput } from "@/lib/bookings/schemas";

export const GET = fleetRoute({
  name: "bookings.batch-progress",
  input: batchIdInput,
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    return getBatchOrThrow(fleetId, input.batchId);
  },
});
