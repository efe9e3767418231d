"use client";
// Adds or edits one depot charger: its DepotFinity id, name, position and connectors, checked in the
// browser with the action's own schema and with every error, the server's too, beside its field.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { addDepotChargerAction, editDepotChargerAction } from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { addDepotChargerInput, depotChargersQueryKey, editDepotChargerInput } from "@/lib/depot-chargers/schemas";
import { DepotConnectorFields } from "./depot-connector-fields";

const FIELDS = ["chargerId", "name", "latitude", "longitude", "address", "timeZone", "connectors"];

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
  const form = useZodForm(charger ? editDepotChargerInput : addDepotChargerInput, {
    defaultValues: { ...startValues(fleetId, charger), ...(charger ? { id: charger.id } : {}) },
  });
  const [formError, setFormError] = useState("");
  const save = useAction(charger ? editDepotChargerAction : addDepotChargerAction, {
    invalidates: [depotChargersQueryKey(fleetId)],
    onSuccess: (saved) => onDone(charger ? `Saved “${saved.name}”.` : `Added “${saved.name}”.`),
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
      aria-label={charger ? `Edit charger ${charger.chargerId}` : "Add a depot charger"}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Charger id at DepotFinity"
          hint="Exactly as DepotFinity names it, e.g. BER-CH01."
          autoComplete="off"
          className="font-mono"
          error={errors.chargerId?.message}
          {...form.register("chargerId")}
        />
        <InputField label="Name" error={errors.name?.message} {...form.register("name")} />
        <InputField
          label="Latitude"
          inputMode="decimal"
          hint="Decimal degrees, e.g. 52.4672"
          error={errors.latitude?.message}
          {...form.register("latitude")}
        />
        <InputField
          label="Longitude"
          inputMode="decimal"
          hint="Decimal degrees, e.g. 13.3953"
          error={errors.longitude?.message}
          {...form.register("longitude")}
        />
        <InputField label="Address (optional)" error={errors.address?.message} {...form.register("address")} />
        <InputField
          label="Time zone (optional)"
          hint="IANA name; Europe/Berlin when empty."
          placeholder="Europe/Berlin"
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
          {charger ? "Save charger" : "Add charger"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
