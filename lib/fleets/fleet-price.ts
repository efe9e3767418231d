// A fleet's own price at a charger, for the booking review: from the providers that price per fleet.
import "server-only";
import type { PriceEstimate, ProviderName } from "@/lib/domain";
import type { FleetPricingCapable } from "@/lib/providers/types";
import { db } from "@/lib/db";
import { providersWith } from "@/lib/providers";

function fleetPricingOf(provider: ProviderName): FleetPricingCapable | null {
  return providersWith("fleetPricing").find((a) => a.name === provider) ?? null;
}

/**
 * The fleet's price at the location (fleetSpecific: true), or null when the provider has no fleet
 * pricing, the fleet is unknown, or the location only has the public price.
 */
export async function getFleetPrice(
  fleetId: string,
  provider: ProviderName,
  locationId: string,
  source: FleetPricingCapable | null = fleetPricingOf(provider),
): Promise<PriceEstimate | null> {
  if (!source) return null;
  // The fleet's id at the provider that keeps fleets; never another fleet's.
  const fleet = await db.fleet.findUnique({ where: { id: fleetId }, select: { plugsurfingFleetId: true } });
  if (!fleet) return null;
  return source.fleetPrice(locationId, fleet.plugsurfingFleetId);
}
