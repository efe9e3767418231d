"use client";
// "Move key … to another fleet": for an admin of both fleets, the one way a key changes fleet (a refresh
// never moves one). The consequence is said before she confirms.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { moveKeyAction } from "@/lib/actions/keys";
import type { KeyRow } from "@/lib/keys/list-keys";
import { moveKeyInput } from "@/lib/keys/schemas";
import { keyName } from "./key-labels";

export interface MoveTarget {
  id: string;
  name: string;
}

function MoveKeyForm({
  fleetId,
  keyRow,
  targets,
  onCancel,
  onDone,
}: {
  fleetId: string;
  keyRow: KeyRow;
  targets: MoveTarget[];
  onCancel(): void;
  onDone(message: string): void;
}) {
  const form = useZodForm(moveKeyInput, {
    defaultValues: { fleetId, keyId: keyRow.id, toFleetId: targets[0]?.id ?? "" },
  });
  const [formError, setFormError] = useState("");
  const move = useAction(moveKeyAction, {
    invalidates: [["keys"]],
    onSuccess: (result) =>
      onDone(
        `Key ${keyName(keyRow)} moved to ${result.toFleetName}.` +
          (result.unassigned ? " Its driver is not a driver there, so it is unassigned now." : ""),
      ),
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError("");
    move.mutate(values, {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, ["toFleetId"]));
      },
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Move key">
      <SelectField
        label="Move to"
        error={form.formState.errors.toFleetId?.message}
        autoFocus
        {...form.register("toFleetId")}
      >
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      {formError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={move.isPending}>
          Move key
        </Button>
      </div>
    </form>
  );
}

export function MoveKeyDialog({
  fleetId,
  keyRow,
  targets,
  onClose,
  onDone,
}: {
  fleetId: string;
  /** The key to move; none closes the dialog. */
  keyRow: KeyRow | null;
  /** The other fleets the admin administers. */
  targets: MoveTarget[];
  onClose(): void;
  onDone(message: string): void;
}) {
  return (
    <Dialog
      open={keyRow !== null}
      onOpenChange={(open) => !open && onClose()}
      title={keyRow ? `Move key ${keyName(keyRow)} to another fleet?` : ""}
      description="It leaves this fleet's key list and appears in the other fleet's. It keeps working at its provider as before; its driver keeps it only if they drive for the other fleet."
    >
      {keyRow && (
        <MoveKeyForm
          key={keyRow.id}
          fleetId={fleetId}
          keyRow={keyRow}
          targets={targets}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
    </Dialog>
  );
}
