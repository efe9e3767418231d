"use client";
// Adds or edits one vehicle, checked in the browser with the action's own schema; every error, the server's
// too, beside its field.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldFrame, InputField, SelectField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { standardLabel } from "@/components/fleets/connector-labels";
import { addVehicleAction, editVehicleAction } from "@/lib/actions/vehicles";
import { CONNECTOR_STANDARDS } from "@/lib/domain/location";
import { addVehicleInput, editVehicleInput } from "@/lib/vehicles/schemas";
import type { VehicleOptions, VehicleRow } from "@/lib/vehicles/vehicles";

const FIELDS = [
  "plate",
  "name",
  "make",
  "model",
  "batteryKwh",
  "connectorStandards",
  "maxAcKw",
  "maxDcKw",
  "homeDepotId",
  "defaultDriverId",
  "chargingKeyId",
  "petitMondeTokenId",
];

/** The standards most fleets meet first; the rest follow. */
const COMMON_FIRST = [
  "IEC_62196_T2",
  "IEC_62196_T2_COMBO",
  "CHADEMO",
  "IEC_62196_T1",
  "IEC_62196_T1_COMBO",
  "TESLA_S",
] as const;
const STANDARDS = [
  ...COMMON_FIRST,
  ...CONNECTOR_STANDARDS.filter((s) => !(COMMON_FIRST as readonly string[]).includes(s)),
];

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

function startValues(fleetId: string, v?: VehicleRow) {
  return {
    fleetId,
    plate: v?.plate ?? "",
    name: v?.name ?? "",
    make: v?.make ?? "",
    model: v?.model ?? "",
    batteryKwh: text(v?.batteryKwh),
    connectorStandards: (v?.connectorStandards ?? ["IEC_62196_T2", "IEC_62196_T2_COMBO"]) as never,
    maxAcKw: text(v?.maxAcKw ?? (v ? null : 11)),
    maxDcKw: text(v?.maxDcKw),
    homeDepotId: v?.homeDepot?.id ?? "",
    defaultDriverId: v?.defaultDriver?.id ?? "",
    chargingKeyId: v?.chargingKey?.id ?? "",
    petitMondeTokenId: v?.petitMondeTokenId ?? "",
  };
}

export function VehicleForm({
  fleetId,
  vehicle,
  options,
  onDone,
  onCancel,
}: {
  fleetId: string;
  /** Absent: a new vehicle. */
  vehicle?: VehicleRow;
  options: VehicleOptions;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const t = useTranslations("vehicles.form");
  const common = useTranslations("common");
  const form = useZodForm(vehicle ? editVehicleInput : addVehicleInput, {
    // Checked on submit, then as the admin corrects: an error appearing when a field loses focus would move
    // the submit button away from under the pointer.
    mode: "onSubmit",
    defaultValues: { ...startValues(fleetId, vehicle), ...(vehicle ? { id: vehicle.id } : {}) },
  });
  const [formError, setFormError] = useState("");
  const save = useAction(vehicle ? editVehicleAction : addVehicleAction, {
    invalidates: [["vehicles"]],
    onSuccess: (saved) => onDone(vehicle ? t("saved", { plate: saved.plate }) : t("added", { plate: saved.plate })),
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    save.mutate(form.getValues() as never, {
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
      aria-label={vehicle ? t("editLabel", { plate: vehicle.plate }) : t("addLabel")}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <InputField
          label={t("plate")}
          autoComplete="off"
          className="font-mono uppercase"
          error={errors.plate?.message}
          {...form.register("plate")}
        />
        <InputField label={t("name")} hint={t("nameHint")} error={errors.name?.message} {...form.register("name")} />
        <InputField label={t("make")} error={errors.make?.message} {...form.register("make")} />
        <InputField label={t("model")} error={errors.model?.message} {...form.register("model")} />
        <InputField
          label={t("battery")}
          inputMode="decimal"
          hint={t("batteryHint")}
          error={errors.batteryKwh?.message}
          {...form.register("batteryKwh")}
        />
        <InputField
          label={t("maxAc")}
          inputMode="decimal"
          hint={t("maxAcHint")}
          error={errors.maxAcKw?.message}
          {...form.register("maxAcKw")}
        />
        <InputField
          label={t("maxDc")}
          inputMode="decimal"
          hint={t("maxDcHint")}
          error={errors.maxDcKw?.message}
          {...form.register("maxDcKw")}
        />
      </div>

      <FieldFrame label={t("connectors")} hint={t("connectorsHint")} error={errors.connectorStandards?.message}>
        {({ describedBy, invalid }) => (
          <div
            role="group"
            aria-label={t("connectors")}
            aria-describedby={describedBy}
            data-invalid={invalid || undefined}
            className="grid gap-2 sm:grid-cols-3 lg:grid-cols-4"
          >
            {STANDARDS.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={s} {...form.register("connectorStandards")} />
                {standardLabel(common, s)}
              </label>
            ))}
          </div>
        )}
      </FieldFrame>

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label={t("depot")} error={errors.homeDepotId?.message} {...form.register("homeDepotId")}>
          <option value="">{t("noDepot")}</option>
          {options.depots.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("driver")} error={errors.defaultDriverId?.message} {...form.register("defaultDriverId")}>
          <option value="">{t("noDriver")}</option>
          {options.drivers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.email})
            </option>
          ))}
        </SelectField>
        <SelectField label={t("key")} error={errors.chargingKeyId?.message} {...form.register("chargingKeyId")}>
          <option value="">{t("noKey")}</option>
          {options.keys.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <InputField
          label={t("token")}
          hint={t("tokenHint")}
          autoComplete="off"
          className="font-mono"
          error={errors.petitMondeTokenId?.message}
          {...form.register("petitMondeTokenId")}
        />
      </div>

      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          {vehicle ? t("save") : t("add")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {common("actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
