"use client";
// The connectors of a depot charger in its form: one row each, added and removed in place.
import { useTranslations } from "next-intl";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
import { MAX_CONNECTORS, type addDepotChargerInput } from "@/lib/depot-chargers/schemas";
import { standardLabel } from "./connector-labels";

type Values = z.input<typeof addDepotChargerInput>;

export function DepotConnectorFields({ form }: { form: UseFormReturn<Values, unknown, unknown> }) {
  const t = useTranslations("fleets.connectorFields");
  const common = useTranslations("common");
  const connectors = useFieldArray({ control: form.control, name: "connectors" });
  const errors = form.formState.errors.connectors;
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{t("legend")}</legend>
      {connectors.fields.map((field, i) => (
        <div
          key={field.id}
          className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_2fr_1fr_auto] sm:items-start dark:border-slate-800"
          role="group"
          aria-label={t("group", { number: i + 1 })}
        >
          <InputField
            label={t("connectorId")}
            className="font-mono"
            error={errors?.[i]?.connectorId?.message}
            {...form.register(`connectors.${i}.connectorId`)}
          />
          <SelectField
            label={t("standard")}
            error={errors?.[i]?.standard?.message}
            {...form.register(`connectors.${i}.standard`)}
          >
            {CONNECTOR_STANDARDS.map((s) => (
              <option key={s} value={s}>
                {standardLabel(common, s)} · {s}
              </option>
            ))}
          </SelectField>
          <InputField
            label={t("power")}
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
            aria-label={t("removeLabel", { number: i + 1 })}
          >
            {common("actions.remove")}
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
        {t("add")}
      </Button>
    </fieldset>
  );
}
