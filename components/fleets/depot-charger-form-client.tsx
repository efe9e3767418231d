"use client";
// Adds or edits one depot charger: its DepotFinity id, name, position and connectors, errors beside each field.
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { addDepotChargerAction, editDepotChargerAction } from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { MAX_CONNECTORS, addDepotChargerInput, editDepotChargerInput } from "@/lib/depot-chargers/schemas";
import { CONNECTOR_STANDARDS } from "@/lib/domain";

type Errors = Record<string, string[] | undefined>;
interface ConnectorDraft {
  key: number;
  connectorId: string;
  standard: string;
  powerKw: string;
}

let nextKey = 0;
const draft = (c?: { connectorId: string; standard: string; powerKw: number }): ConnectorDraft => ({
  key: nextKey++,
  connectorId: c?.connectorId ?? "",
  standard: c?.standard ?? "IEC_62196_T2",
  powerKw: c ? String(c.powerKw) : "",
});

export const STANDARD_LABELS: Partial<Record<string, string>> = {
  IEC_62196_T2: "Type 2 (AC)",
  IEC_62196_T2_COMBO: "CCS Combo 2 (DC)",
  IEC_62196_T1: "Type 1 (AC)",
  IEC_62196_T1_COMBO: "CCS Combo 1 (DC)",
  CHADEMO: "CHAdeMO (DC)",
};

function issuesToErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Errors {
  const errors: Errors = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
  return errors;
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
  const [connectors, setConnectors] = useState<ConnectorDraft[]>(() =>
    charger ? charger.connectors.map(draft) : [draft({ connectorId: "1", standard: "IEC_62196_T2", powerKw: 22 })],
  );
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");

  const save = useMutation({
    mutationFn: (input: unknown) => (charger ? editDepotChargerAction(input) : addDepotChargerAction(input)),
    onSuccess: (result) => {
      if (result.ok) return onDone(charger ? `Saved “${result.data.name}”.` : `Added “${result.data.name}”.`);
      setErrors(result.error.fieldErrors ?? {});
      setFormError(result.error.fieldErrors ? "" : result.error.message);
    },
    onError: () => setFormError("The charger could not be saved. Check your connection and try again."),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      fleetId,
      ...(charger ? { id: charger.id } : {}),
      chargerId: form.get("chargerId"),
      name: form.get("name"),
      latitude: form.get("latitude"),
      longitude: form.get("longitude"),
      address: form.get("address"),
      timeZone: form.get("timeZone"),
      connectors: connectors.map(({ connectorId, standard, powerKw }) => ({ connectorId, standard, powerKw })),
    };
    const parsed = (charger ? editDepotChargerInput : addDepotChargerInput).safeParse(input);
    setFormError("");
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    save.mutate(input);
  }

  const update = (key: number, patch: Partial<ConnectorDraft>) =>
    setConnectors((list) => list.map((c) => (c.key === key ? { ...c, ...patch } : c)));

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
          name="chargerId"
          defaultValue={charger?.chargerId}
          error={errors.chargerId}
          hint="Exactly as DepotFinity names it, e.g. BER-CH01."
          autoComplete="off"
          className="font-mono"
        />
        <InputField label="Name" name="name" defaultValue={charger?.name} error={errors.name} />
        <InputField
          label="Latitude"
          name="latitude"
          inputMode="decimal"
          defaultValue={charger?.latitude}
          error={errors.latitude}
          hint="Decimal degrees, e.g. 52.4672"
        />
        <InputField
          label="Longitude"
          name="longitude"
          inputMode="decimal"
          defaultValue={charger?.longitude}
          error={errors.longitude}
          hint="Decimal degrees, e.g. 13.3953"
        />
        <InputField label="Address (optional)" name="address" defaultValue={charger?.address} error={errors.address} />
        <InputField
          label="Time zone (optional)"
          name="timeZone"
          defaultValue={charger?.timeZone}
          error={errors.timeZone}
          hint="IANA name; Europe/Berlin when empty."
          placeholder="Europe/Berlin"
        />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Connectors</legend>
        {connectors.map((c, i) => (
          <div
            key={c.key}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_2fr_1fr_auto] sm:items-start dark:border-slate-800"
            role="group"
            aria-label={`Connector ${i + 1}`}
          >
            <InputField
              label="Connector id"
              value={c.connectorId}
              onChange={(e) => update(c.key, { connectorId: e.target.value })}
              error={errors[`connectors.${i}.connectorId`]}
              className="font-mono"
            />
            <SelectField
              label="Standard"
              value={c.standard}
              onChange={(e) => update(c.key, { standard: e.target.value })}
              error={errors[`connectors.${i}.standard`]}
            >
              {CONNECTOR_STANDARDS.map((s) => (
                <option key={s} value={s}>
                  {STANDARD_LABELS[s] ? `${STANDARD_LABELS[s]} · ${s}` : s}
                </option>
              ))}
            </SelectField>
            <InputField
              label="Power (kW)"
              inputMode="decimal"
              value={c.powerKw}
              onChange={(e) => update(c.key, { powerKw: e.target.value })}
              error={errors[`connectors.${i}.powerKw`]}
            />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="sm:mt-6"
              disabled={connectors.length === 1}
              onClick={() => setConnectors((list) => list.filter((x) => x.key !== c.key))}
              aria-label={`Remove connector ${i + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        {errors.connectors && (
          <p className="text-sm text-red-600 dark:text-red-400" role="status">
            {errors.connectors[0]}
          </p>
        )}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={connectors.length >= MAX_CONNECTORS}
          onClick={() =>
            setConnectors((list) => [
              ...list,
              { ...draft(), connectorId: String(list.length + 1), standard: list.at(-1)?.standard ?? "IEC_62196_T2" },
            ])
          }
        >
          Add connector
        </Button>
      </fieldset>

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
