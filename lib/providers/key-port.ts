// Finds the key port of a key's provider by capability, so domain code never names a vendor.
import { PROVIDER_LABELS, type ProviderName } from "@/lib/domain";
import { DomainError, text } from "@/lib/errors";
import type { Providers } from "./create-providers";
import type { KeyPort } from "./types";

/** The providers whose fleet keys the dashboard can create and switch, in configuration order. */
export function keyPortsOf(providers: Providers): KeyPort[] {
  return providers.with("fleetKeys");
}

/** The key port of this provider, or undefined where it has none (Petit Monde: a driver's own token). */
export function findKeyPortOf(providers: Providers, name: ProviderName): KeyPort | undefined {
  return keyPortsOf(providers).find((port) => port.name === name);
}

export function keyPortOf(providers: Providers, name: ProviderName): KeyPort {
  const port = findKeyPortOf(providers, name);
  if (!port) {
    throw new DomainError("CONFLICT", text("providers.noKeysToSwitch", { provider: PROVIDER_LABELS[name] }));
  }
  return port;
}
