// The words the key screens use for a key's type and status, instead of the stored codes. `t` is a translator
// of the `keys` namespace: `useTranslations("keys")`.
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";
import type { Translate } from "@/lib/i18n/messages";
import type { KEY_STATUSES } from "@/lib/keys/schemas";

/** A stored type the dashboard does not know yet still reads as words. */
export function keyTypeLabel(t: Translate, type: string): string {
  const known = CHARGING_KEY_TYPES.find((code) => code === type);
  return known ? t(`types.${known}`) : type.replaceAll("_", " ").toLowerCase();
}

export function keyStatusLabel(t: Translate, status: (typeof KEY_STATUSES)[number]): string {
  return t(`statuses.${status}`);
}

/** How a key is named to a person: the number printed on it, else its identifier. */
export function keyName(key: { visualNumber: string | null; keyId: string }): string {
  return key.visualNumber ?? key.keyId;
}
