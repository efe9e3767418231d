"use client";
// "Disable key …?" / "Enable key …?": the consequence spelled out before an admin switches a fleet key.
import { ConfirmDialog } from "@/components/ui/dialog";
import { failureOf, useAction } from "@/components/ui/use-action";
import { setKeyEnabledAction } from "@/lib/actions/keys";
import { PROVIDER_LABELS, isProviderName } from "@/lib/domain/provider";
import type { KeyRow } from "@/lib/keys/list-keys";
import { keyName } from "./key-labels";

function disableWarning(key: KeyRow): string {
  const provider = isProviderName(key.provider) ? PROVIDER_LABELS[key.provider] : "The provider";
  return (
    `${provider} stops accepting it at once, but some operators keep a cached list of allowed keys and may still ` +
    "accept a disabled key at their chargers for a while (hours, sometimes days). Collect the card if it must not " +
    "be used."
  );
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
  const toggle = useAction(setKeyEnabledAction, {
    invalidates: [["keys"]],
    onSuccess: (result) => {
      const done = result.enabled ? "Key enabled" : "Key disabled";
      // The provider has it; our copy follows shortly and the row says "Syncing" until then.
      onDone(result.syncing ? `${done} at the provider; the table catches up in a moment.` : `${done}.`);
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
      title={keyRow ? `${disabling ? "Disable" : "Enable"} key ${keyName(keyRow)}?` : ""}
      description={keyRow && disabling ? disableWarning(keyRow) : "Drivers can charge with it again at once."}
      confirmLabel={disabling ? "Disable key" : "Enable key"}
      cancelLabel="Cancel"
      tone={disabling ? "danger" : "primary"}
      pending={toggle.isPending}
      error={failureOf(toggle.error)?.message}
      onConfirm={() => keyRow && toggle.mutate({ fleetId, keyId: keyRow.id, enabled: !keyRow.enabled })}
    />
  );
}
