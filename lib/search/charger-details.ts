// One location fresh from its provider, with the fleet's own price where the provider has one.
import "server-only";
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import { db } from "@/lib/db";
import type { SearchAdapter } from "./search-chargers";

export async function getChargerDetails(
  fleetId: string,
  provider: ProviderName,
  locationId: string,
  adapters: readonly SearchAdapter[],
): Promise<ChargingLocation | null> {
  const adapter = adapters.find((a) => a.name === provider);
  if (!adapter?.getLocation) return null;
  // Plugsurfing prices per EMP fleet: ask with this fleet's id, never another's.
  const fleet =
    provider === "PLUGSURFING"
      ? await db.fleet.findUnique({ where: { id: fleetId }, select: { plugsurfingFleetId: true } })
      : null;
  return adapter.getLocation(locationId, fleet?.plugsurfingFleetId ?? undefined, {
    signal: AbortSignal.timeout(8_000),
  });
}
