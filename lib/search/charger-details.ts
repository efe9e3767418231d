// One location fresh from its provider, with the fleet's own price where the provider has one.
import "server-only";
import type { ChargingLocation, ProviderName } from "@/lib/domain";
import { hasCapability } from "@/lib/domain";
import { getFleetPrice } from "@/lib/fleets/fleet-price";
import type { SearchAdapter } from "./search-chargers";

export async function getChargerDetails(
  fleetId: string,
  provider: ProviderName,
  locationId: string,
  adapters: readonly SearchAdapter[],
): Promise<ChargingLocation | null> {
  const adapter = adapters.find((a) => a.name === provider);
  if (!adapter?.getLocation) return null;
  const signal = AbortSignal.timeout(8_000);
  const [location, fleetPrice] = await Promise.all([
    adapter.getLocation(locationId, undefined, { signal }),
    // A fleet price is a bonus: without one the panel shows the public price.
    hasCapability(provider, "fleetPricing")
      ? getFleetPrice(fleetId, provider, locationId).catch(() => null)
      : Promise.resolve(null),
  ]);
  return location && fleetPrice ? { ...location, price: fleetPrice } : location;
}
