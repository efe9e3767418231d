"use client";
// The report period: quick presets in the reader's time zone, and the first and last day to pick by hand.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { matchingPreset, PERIOD_PRESETS, presetPeriod, type DayRange } from "@/lib/reports/period";

export function PeriodControls({
  range,
  timeZone,
  onChange,
}: {
  range: DayRange;
  timeZone: string;
  onChange(next: Partial<DayRange>): void;
}) {
  const t = useTranslations("reports");
  const active = matchingPreset(range, timeZone);
  return (
    <>
      <div role="group" aria-label={t("period.quick")} className="flex flex-wrap gap-2">
        {PERIOD_PRESETS.map((p) => (
          <Button
            key={p.id}
            type="button"
            size="sm"
            variant={active === p.id ? "primary" : "secondary"}
            aria-pressed={active === p.id}
            onClick={() => onChange(presetPeriod(p.id, timeZone))}
          >
            {t(`period.presets.${p.id}`)}
          </Button>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40 sm:w-44">
          <InputField
            label={t("period.from")}
            type="date"
            value={range.from}
            onChange={(e) => e.target.value && onChange({ from: e.target.value })}
          />
        </div>
        <div className="w-40 sm:w-44">
          <InputField
            label={t("period.to")}
            type="date"
            value={range.to}
            onChange={(e) => e.target.value && onChange({ to: e.target.value })}
          />
        </div>
      </div>
    </>
  );
}
