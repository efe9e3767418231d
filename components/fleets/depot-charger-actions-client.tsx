"use client";
// Edit and delete for one depot charger; deleting asks first and says what it does.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { failureOf, useAction } from "@/components/ui/use-action";
import { deleteDepotChargerAction } from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { depotChargersQueryKey } from "@/lib/depot-chargers/schemas";

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
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(deleteDepotChargerAction, {
    invalidates: [depotChargersQueryKey(fleetId)],
    onSuccess: () => {
      setConfirming(false);
      onDeleted(`Deleted “${charger.name}”.`);
    },
  });
  return (
    <div className="flex gap-1">
      <Button type="button" variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${charger.chargerId}`}>
        Edit
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => setConfirming(true)}
        aria-label={`Delete ${charger.chargerId}`}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) remove.reset();
          setConfirming(open);
        }}
        title={`Delete ${charger.name} (${charger.chargerId})?`}
        description="Drivers can no longer find or book it here; bookings already made stay."
        confirmLabel="Delete"
        cancelLabel="Cancel"
        pending={remove.isPending}
        error={failureOf(remove.error)?.message}
        onConfirm={() => remove.mutate({ fleetId, id: charger.id })}
      />
    </div>
  );
}
