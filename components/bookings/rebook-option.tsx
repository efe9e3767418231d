"use client";
// The opt-in to automatic re-booking, for one booking (the wizard) or every line of a batch: a box to tick and
// the radius to look in. Unticked, the booking is left as the provider settles it.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { InputField } from "@/components/ui/field";
import { REBOOK_RADIUS_KM } from "@/lib/bookings/schemas";

export function RebookOption({
  value,
  onChange,
  error,
}: {
  /** The radius in km, or undefined when not opted in. */
  value: number | undefined;
  onChange(value: number | undefined): void;
  error?: string;
}) {
  const t = useTranslations("bookings.rebook");
  const boxId = useId();
  const on = value !== undefined;
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex items-start gap-2">
        <input
          id={boxId}
          type="checkbox"
          className="mt-1"
          checked={on}
          onChange={(e) => onChange(e.target.checked ? REBOOK_RADIUS_KM.default : undefined)}
        />
        <label htmlFor={boxId} className="text-sm">
          <span className="font-medium">{t("optIn")}</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">{t("optInHint")}</span>
        </label>
      </div>
      {on && (
        <InputField
          label={t("radius")}
          type="number"
          inputMode="numeric"
          min={REBOOK_RADIUS_KM.min}
          max={REBOOK_RADIUS_KM.max}
          className="w-28"
          value={Number.isNaN(value) ? "" : value}
          onChange={(e) => onChange(e.target.valueAsNumber)}
          hint={t("radiusHint", { min: REBOOK_RADIUS_KM.min, max: REBOOK_RADIUS_KM.max })}
          error={error}
        />
      )}
    </fieldset>
  );
}
