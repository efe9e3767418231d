// What fleet management needs from Plugsurfing EMP, and where the real adapter comes from.
import "server-only";
import type { FleetsCapable, InvitationCodesCapable, KeysCapable } from "@/lib/providers/types";
import type { ProviderName } from "@/lib/domain";
import { provider } from "@/lib/providers";

export type FleetProvider = FleetsCapable & InvitationCodesCapable & Pick<KeysCapable, "setKeyEnabled">;

/** Plugsurfing Drive in EMP mode: fleets, their invitation codes, and fleet keys. */
export function plugsurfingFleets(): FleetProvider {
  return provider("PLUGSURFING");
}

/** Turns a charging key off at its provider; false when that provider cannot do it from the dashboard. */
export type KeyDisabler = (key: { provider: ProviderName; keyId: string }) => Promise<boolean>;

export const disableKeyAtProvider: KeyDisabler = async ({ provider: name, keyId }) => {
  switch (name) {
    case "PLUGSURFING":
      await provider("PLUGSURFING").setKeyEnabled(keyId, false);
      return true;
    case "DEPOTFINITY":
      await provider("DEPOTFINITY").setRfidEnabled(keyId, false);
      return true;
    case "PETITMONDE":
      return false; // Petit Monde keys are the driver's token: nothing to switch off.
    default: {
      const unreachable: never = name;
      return unreachable;
    }
  }
};
