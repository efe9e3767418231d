"use client";
// Edit and delete for one depot charger; deleting asks first and says what it does.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useAction, failureOf } from "@/components/ui/use-action";
import { deleteDepotChargerAction } from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { depotChargersQueryKey } from "@/lib/depot-chargers/query-key";

export function DepotChargerActions({
  fleetId,
  charger,
  onEdit,
  onDeleted,
}: {
  fleetId: string;
  charger: DepotChargerRow;
  onEdit(): void;
  onDeleted(message: string): void;
}) {
  const t = useTranslations("fleets.depotActions");
  const common = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(deleteDepotChargerAction, {
    invalidates: [depotChargersQueryKey(fleetId)],
    onSuccess: () => {
      setConfirming(false);
      onDeleted(t("deleted", { name: charger.name }));
    },
  });
  return (
    <div className="flex gap-1">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={onEdit}
        aria-label={t("editLabel", { id: charger.chargerId })}
      >
        {common("actions.edit")}
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => setConfirming(true)}
        aria-label={t("deleteLabel", { id: charger.chargerId })}
      >
        {t("delete")}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) remove.reset();
          setConfirming(open);
        }}
        title={t("confirmTitle", { name: charger.name, id: charger.chargerId })}
        description={t("confirmBody")}
        confirmLabel={t("delete")}
        cancelLabel={common("actions.cancel")}
        pending={remove.isPending}
        error={failureOf(remove.error)?.message}
        onConfirm={() => remove.mutate({ fleetId, id: charger.id })}
      />
    </div>
  );
}
