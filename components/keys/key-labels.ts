// The words the key screens use for a key's type and status, instead of the stored codes.
import type { ChargingKeyType } from "@/lib/domain/charging-key";
import type { KEY_STATUSES } from "@/lib/keys/schemas";

export const KEY_TYPE_LABELS: Record<ChargingKeyType, string> = {
  RFID_CARD: "RFID card",
  RFID_TAG: "RFID tag",
  VIRTUAL: "Virtual key",
};

export const KEY_STATUS_LABELS: Record<(typeof KEY_STATUSES)[number], string> = {
  enabled: "Enabled",
  disabled: "Disabled",
};

/** A stored type the dashboard does not know yet still reads as words. */
export function keyTypeLabel(type: string): string {
  const known = Object.entries(KEY_TYPE_LABELS).find(([code]) => code === type);
  return known ? known[1] : type.replaceAll("_", " ").toLowerCase();
}

/** How a key is named to a person: the number printed on it, else its identifier. */
export function keyName(key: { visualNumber: string | null; keyId: string }): string {
  return key.visualNumber ?? key.keyId;
}
