// A fleet's own price at a charger, for the booking review: only Plugsurfing publishes fleet tariffs.
import "server-only";
import type { PriceEstimate, ProviderName } from "@/lib/domain";
import type { SearchCapable } from "@/lib/providers/types";
import { db } from "@/lib/db";
import { provider as providerAdapter } from "@/lib/providers";

type LocationSource = Required<Pick<SearchCapable, "getLocation">>;

/**
 * The fleet's price at the location (fleetSpecific: true), or null when the provider has no fleet
 * pricing, the fleet is unknown, or the location only has the public price.
 */
export async function getFleetPrice(
  fleetId: string,
  provider: ProviderName,
  locationId: string,
  source: LocationSource | null = provider === "PLUGSURFING" ? providerAdapter("PLUGSURFING") : null,
): Promise<PriceEstimate | null> {
  if (provider !== "PLUGSURFING" || !source) return null;
  const fleet = await db.fleet.findUnique({ where: { id: fleetId }, select: { plugsurfingFleetId: true } });
  if (!fleet) return null;
  const location = await source.getLocation(locationId, fleet.plugsurfingFleetId);
  const price = location?.price;
  return price?.fleetSpecific ? { ...price, fleetSpecific: true } : null;
}
