// What fleet management needs from the provider that keeps fleets (by capability), and where it comes from.
import "server-only";
import type { FleetsCapable, InvitationCodesCapable } from "@/lib/providers/types";
import { DomainError, text } from "@/lib/errors";
import { providersWith } from "@/lib/providers";

export type FleetProvider = FleetsCapable & InvitationCodesCapable;

/** The provider that keeps fleets and their invitation codes (Plugsurfing Drive in EMP mode). */
export function plugsurfingFleets(): FleetProvider {
  const [fleets] = providersWith("fleets");
  if (!fleets) throw new DomainError("INTERNAL", text("fleets.noProvider"));
  return fleets;
}
