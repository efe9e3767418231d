"use client";
// The wizard's time window: entered as wall-clock times at the charger, held in the form as instants; and
// whether the booking is re-booked automatically if it falls through.
import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { RebookOption } from "./rebook-option";
import { isoToWallTime, wallTimeToIso } from "./wall-time";
import type { WizardForm } from "./wizard-form";

export function WindowStep({ form, timeZone }: { form: WizardForm; timeZone: string }) {
  const t = useTranslations("wizard");
  return (
    <Card className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("window.hint", { timeZone })}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {(["windowStart", "windowEnd"] as const).map((name) => (
          <Controller
            key={name}
            control={form.control}
            name={name}
            render={({ field, fieldState }) => (
              <InputField
                label={name === "windowStart" ? t("window.start") : t("window.end")}
                type="datetime-local"
                name={field.name}
                ref={field.ref}
                value={field.value ? isoToWallTime(field.value, timeZone) : ""}
                onChange={(e) => field.onChange(wallTimeToIso(e.target.value, timeZone) ?? "")}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        ))}
      </div>
      <Controller
        control={form.control}
        name="rebookWithinKm"
        render={({ field, fieldState }) => (
          <RebookOption value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
    </Card>
  );
}
