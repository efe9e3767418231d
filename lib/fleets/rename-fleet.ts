// Renaming a fleet at Plugsurfing and here; the fleet id never changes.
import "server-only";
import { db } from "@/lib/db";
import { ActionError } from "@/lib/actions/errors";
import { isProviderFailure, plugsurfingFleets, type FleetProvider } from "@/lib/fleets/fleet-provider";

/** Plugsurfing first: if it refuses, nothing changes here; if the local write then fails, a retry repeats a harmless rename. */
export async function renameFleet(fleetId: string, name: string, plugsurfing: FleetProvider = plugsurfingFleets()) {
  const before = await db.fleet.findUnique({
    where: { id: fleetId },
    select: { id: true, name: true, plugsurfingFleetId: true },
  });
  if (!before) throw new ActionError("NOT_FOUND", "That fleet does not exist.");
  try {
    await plugsurfing.renameFleet(before.plugsurfingFleetId, name);
  } catch (error) {
    if (isProviderFailure(error) && error.code === "NOT_FOUND") {
      throw new ActionError(
        "PROVIDER",
        `Plugsurfing does not know the fleet “${before.plugsurfingFleetId}”, so it was not renamed.`,
      );
    }
    throw error;
  }
  const after = await db.fleet.update({
    where: { id: fleetId },
    data: { name },
    select: { id: true, name: true, plugsurfingFleetId: true },
  });
  return { before, after };
}
