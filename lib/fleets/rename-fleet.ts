// Renaming a fleet at Plugsurfing and here; the fleet id never changes.
import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { plugsurfingFleets, type FleetProvider } from "@/lib/fleets/fleet-provider";
import { isProviderError } from "@/lib/providers/errors";

/** Plugsurfing first: if it refuses, nothing changes here; if the local write then fails, a retry repeats a harmless rename. */
export async function renameFleet(fleetId: string, name: string, plugsurfing: FleetProvider = plugsurfingFleets()) {
  const before = await db.fleet.findUnique({
    where: { id: fleetId },
    select: { id: true, name: true, plugsurfingFleetId: true },
  });
  if (!before) throw new DomainError("NOT_FOUND", "That fleet does not exist.");
  try {
    await plugsurfing.renameFleet(before.plugsurfingFleetId, name);
  } catch (error) {
    if (isProviderError(error) && error.code === "NOT_FOUND") {
      throw new DomainError(
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
