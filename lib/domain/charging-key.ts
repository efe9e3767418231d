// Charging keys: RFID cards and tags, and each user's virtual key.
import type { ProviderName } from "./provider";

export const CHARGING_KEY_TYPES = ["RFID_CARD", "RFID_TAG", "VIRTUAL"] as const;
export type ChargingKeyType = (typeof CHARGING_KEY_TYPES)[number];

export interface ChargingKey {
  provider: ProviderName;
  /** keyId (user endpoint) or keyIdentifier (EMP endpoint). */
  keyId: string;
  name?: string;
  visualNumber?: string;
  contractId?: string;
  referenceId?: string;
  type: ChargingKeyType;
  enabled: boolean;
  validFrom?: string;
  validTo?: string;
  /** Plugsurfing EMP fleetId, for keys listed by fleet. */
  fleetId?: string;
}
