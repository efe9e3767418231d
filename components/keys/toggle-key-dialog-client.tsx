"use client";
// "Disable key …?" / "Enable key …?": the consequence spelled out before an admin switches a fleet key.
import { useTranslations } from "next-intl";
import type { Translate } from "@/lib/i18n/messages";
import { ConfirmDialog } from "@/components/ui/dialog";
import { failureOf, useAction } from "@/components/ui/use-action";
import { setKeyEnabledAction } from "@/lib/actions/keys";
import { PROVIDER_LABELS, isProviderName } from "@/lib/domain/provider";
import type { KeyRow } from "@/lib/keys/list-keys";
import { keyName } from "./key-labels";

function disableWarning(t: Translate, key: KeyRow): string {
  const provider = isProviderName(key.provider) ? PROVIDER_LABELS[key.provider] : t("toggle.theProvider");
  return t("toggle.disableWarning", { provider });
}

export function ToggleKeyDialog({
  fleetId,
  keyRow,
  onClose,
  onDone,
}: {
  fleetId: string;
  /** The key to switch; none closes the dialog. */
  keyRow: KeyRow | null;
  onClose(): void;
  onDone(message: string): void;
}) {
  const t = useTranslations("keys");
  const common = useTranslations("common");
  const toggle = useAction(setKeyEnabledAction, {
    invalidates: [["keys"]],
    onSuccess: (result) => {
      // The provider has it; our copy follows shortly and the row says "Syncing" until then.
      if (result.syncing) onDone(result.enabled ? t("toggle.enabledSyncing") : t("toggle.disabledSyncing"));
      else onDone(result.enabled ? t("toggle.enabled") : t("toggle.disabled"));
    },
  });
  const disabling = keyRow?.enabled ?? false;
  return (
    <ConfirmDialog
      open={keyRow !== null}
      onOpenChange={(open) => {
        if (!open) {
          toggle.reset();
          onClose();
        }
      }}
      title={
        keyRow === null
          ? ""
          : disabling
            ? t("toggle.disableTitle", { key: keyName(keyRow) })
            : t("toggle.enableTitle", { key: keyName(keyRow) })
      }
      description={keyRow && disabling ? disableWarning(t, keyRow) : t("toggle.enableText")}
      confirmLabel={disabling ? t("toggle.disableConfirm") : t("toggle.enableConfirm")}
      cancelLabel={common("actions.cancel")}
      tone={disabling ? "danger" : "primary"}
      pending={toggle.isPending}
      error={failureOf(toggle.error)?.message}
      onConfirm={() => keyRow && toggle.mutate({ fleetId, keyId: keyRow.id, enabled: !keyRow.enabled })}
    />
  );
}
