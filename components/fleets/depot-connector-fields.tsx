"use client";
// The connectors of a depot charger in its form: one row each, added and removed in place.
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
import { MAX_CONNECTORS, type addDepotChargerInput } from "@/lib/depot-chargers/schemas";
import { STANDARD_LABELS } from "./connector-labels";

type Values = z.input<typeof addDepotChargerInput>;

export function DepotConnectorFields({ form }: { form: UseFormReturn<Values, unknown, unknown> }) {
  const connectors = useFieldArray({ control: form.control, name: "connectors" });
  const errors = form.formState.errors.connectors;
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Connectors</legend>
      {connectors.fields.map((field, i) => (
        <div
          key={field.id}
          className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_2fr_1fr_auto] sm:items-start dark:border-slate-800"
          role="group"
          aria-label={`Connector ${i + 1}`}
        >
          <InputField
            label="Connector id"
            className="font-mono"
            error={errors?.[i]?.connectorId?.message}
            {...form.register(`connectors.${i}.connectorId`)}
          />
          <SelectField
            label="Standard"
            error={errors?.[i]?.standard?.message}
            {...form.register(`connectors.${i}.standard`)}
          >
            {CONNECTOR_STANDARDS.map((s) => (
              <option key={s} value={s}>
                {STANDARD_LABELS[s]} · {s}
              </option>
            ))}
          </SelectField>
          <InputField
            label="Power (kW)"
            inputMode="decimal"
            error={errors?.[i]?.powerKw?.message}
            {...form.register(`connectors.${i}.powerKw`)}
          />
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="sm:mt-6"
            disabled={connectors.fields.length === 1}
            onClick={() => connectors.remove(i)}
            aria-label={`Remove connector ${i + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      {listError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="status">
          {listError}
        </p>
      )}
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={connectors.fields.length >= MAX_CONNECTORS}
        onClick={() =>
          connectors.append({
            connectorId: String(connectors.fields.length + 1),
            standard: form.getValues(`connectors.${connectors.fields.length - 1}.standard`) ?? "IEC_62196_T2",
            powerKw: "",
          })
        }
      >
        Add connector
      </Button>
    </fieldset>
  );
}
