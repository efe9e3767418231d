"use client";
// Adds or edits one depot charger: its DepotFinity id, name, position and connectors, checked in the
// browser with the action's own schema and with every error, the server's too, beside its field.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { addDepotChargerAction, editDepotChargerAction } from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { depotChargersQueryKey } from "@/lib/depot-chargers/query-key";
import { addDepotChargerInput, editDepotChargerInput } from "@/lib/depot-chargers/schemas";
import { DepotConnectorFields } from "./depot-connector-fields";

const FIELDS = ["chargerId", "name", "latitude", "longitude", "address", "timeZone", "connectors"];
const DEFAULT_TIME_ZONE = "Europe/Berlin";

/** What the form starts with: the charger's values as typed text, or one Type 2 connector for a new one. */
function startValues(fleetId: string, charger?: DepotChargerRow) {
  return {
    fleetId,
    chargerId: charger?.chargerId ?? "",
    name: charger?.name ?? "",
    latitude: charger ? String(charger.latitude) : "",
    longitude: charger ? String(charger.longitude) : "",
    address: charger?.address ?? "",
    timeZone: charger?.timeZone ?? "",
    connectors: charger
      ? charger.connectors.map((c) => ({
          connectorId: c.connectorId,
          standard: c.standard,
          powerKw: String(c.powerKw),
        }))
      : [{ connectorId: "1", standard: "IEC_62196_T2" as const, powerKw: "22" }],
  };
}

export function DepotChargerForm({
  fleetId,
  charger,
  onDone,
  onCancel,
}: {
  fleetId: string;
  /** Absent: a new charger. */
  charger?: DepotChargerRow;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const t = useTranslations("fleets.depotForm");
  const common = useTranslations("common");
  const form = useZodForm(charger ? editDepotChargerInput : addDepotChargerInput, {
    defaultValues: { ...startValues(fleetId, charger), ...(charger ? { id: charger.id } : {}) },
  });
  const [formError, setFormError] = useState("");
  const save = useAction(charger ? editDepotChargerAction : addDepotChargerAction, {
    invalidates: [depotChargersQueryKey(fleetId)],
    onSuccess: (saved) => onDone(charger ? t("saved", { name: saved.name }) : t("added", { name: saved.name })),
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    save.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-label={charger ? t("editLabel", { id: charger.chargerId }) : t("addLabel")}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label={t("chargerId")}
          hint={t("chargerIdHint")}
          autoComplete="off"
          className="font-mono"
          error={errors.chargerId?.message}
          {...form.register("chargerId")}
        />
        <InputField label={t("name")} error={errors.name?.message} {...form.register("name")} />
        <InputField
          label={t("latitude")}
          inputMode="decimal"
          hint={t("latitudeHint")}
          error={errors.latitude?.message}
          {...form.register("latitude")}
        />
        <InputField
          label={t("longitude")}
          inputMode="decimal"
          hint={t("longitudeHint")}
          error={errors.longitude?.message}
          {...form.register("longitude")}
        />
        <InputField label={t("address")} error={errors.address?.message} {...form.register("address")} />
        <InputField
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          placeholder={DEFAULT_TIME_ZONE}
          error={errors.timeZone?.message}
          {...form.register("timeZone")}
        />
      </div>

      <DepotConnectorFields form={form} />

      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          {charger ? t("save") : t("add")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {common("actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
