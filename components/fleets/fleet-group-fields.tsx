// The optional part of the new-fleet form: the Petit Monde fleet group that bookings are billed to, and its
// spending limits. It opens by itself when one of its fields needs attention.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { InputField } from "@/components/ui/field";
import type { createFleetInput } from "@/lib/fleets/schemas";

type Values = z.input<typeof createFleetInput>;

export function FleetGroupFields({
  register,
  errors,
}: {
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
}) {
  const t = useTranslations("fleets.group");
  const [open, setOpen] = useState(false);
  const needsAttention = Boolean(
    errors.petitMondeFleetGroupId || errors.spendingLimitMonthly || errors.spendingLimitSession,
  );
  return (
    <details
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
      open={open || needsAttention}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm font-medium">{t("summary")}</summary>
      <div className="mt-3 space-y-3">
        <InputField
          label={t("idLabel")}
          hint={t("idHint")}
          autoComplete="off"
          error={errors.petitMondeFleetGroupId?.message}
          {...register("petitMondeFleetGroupId")}
        />
        <InputField
          label={t("monthlyLabel")}
          inputMode="decimal"
          hint={t("noLimitHint")}
          error={errors.spendingLimitMonthly?.message}
          {...register("spendingLimitMonthly")}
        />
        <InputField
          label={t("sessionLabel")}
          inputMode="decimal"
          hint={t("noLimitHint")}
          error={errors.spendingLimitSession?.message}
          {...register("spendingLimitSession")}
        />
      </div>
    </details>
  );
}
