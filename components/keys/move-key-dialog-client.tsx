"use client";
// "Move key … to another fleet": for an admin of both fleets, the one way a key changes fleet (a refresh
// never moves one). The consequence is said before she confirms.
import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("keys");
  const common = useTranslations("common");
  const form = useZodForm(moveKeyInput, {
    defaultValues: { fleetId, keyId: keyRow.id, toFleetId: targets[0]?.id ?? "" },
  });
  const [formError, setFormError] = useState("");
  const move = useAction(moveKeyAction, {
    invalidates: [["keys"]],
    onSuccess: (result) =>
      onDone(
        result.unassigned
          ? t("move.movedUnassigned", { key: keyName(keyRow), fleet: result.toFleetName })
          : t("move.moved", { key: keyName(keyRow), fleet: result.toFleetName }),
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
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("move.label")}>
      <SelectField
        label={t("move.moveTo")}
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
          {common("actions.cancel")}
        </Button>
        <Button type="submit" loading={move.isPending}>
          {t("move.submit")}
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
  const t = useTranslations("keys");
  return (
    <Dialog
      open={keyRow !== null}
      onOpenChange={(open) => !open && onClose()}
      title={keyRow ? t("move.title", { key: keyName(keyRow) }) : ""}
      description={t("move.description")}
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
