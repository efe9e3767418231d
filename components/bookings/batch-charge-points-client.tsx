"use client";
// The batch form's list of free charge points: tick the ones to book, and choose a driver for each line.
import { useTranslations } from "next-intl";
import { Controller, type Control, type FieldArrayWithId, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { FleetDriver } from "@/lib/bookings/records";
import type { createBatchInput } from "@/lib/bookings/schemas";
import { snapshotPrice } from "./charger-words";
import { useChargerWords } from "./use-charger-words";

type FormValues = z.input<typeof createBatchInput>;

export const evseKey = (e: Pick<BookableEvse, "locationId" | "evseUid">) => `${e.locationId}/${e.evseUid}`;

export function BatchChargePoints({
  evses,
  lines,
  control,
  drivers,
  errors,
  onChoose,
}: {
  evses: BookableEvse[];
  lines: FieldArrayWithId<FormValues, "items">[];
  control: Control<FormValues, unknown, z.output<typeof createBatchInput>>;
  drivers: FleetDriver[];
  errors: FieldErrors<FormValues>["items"];
  onChoose: (keys: Set<string>) => void;
}) {
  const t = useTranslations("batches.chargePoints");
  const f = useFormat();
  const words = useChargerWords();
  const chosen = new Map(lines.map((line, index) => [evseKey(line), index]));
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <div className="space-y-1">
      <ul className="max-h-96 space-y-2 overflow-auto text-sm" aria-label={t("label")}>
        {evses.map((e) => {
          const index = chosen.get(evseKey(e));
          const lineErrors = index === undefined ? undefined : errors?.[index];
          const problem = lineErrors?.evseUid?.message ?? lineErrors?.charger?.message;
          return (
            <li key={evseKey(e)} data-evse-id={e.charger.evseId ?? e.evseUid} className="space-y-1">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={index !== undefined}
                  onChange={(event) => {
                    const next = new Set(chosen.keys());
                    if (event.target.checked) next.add(evseKey(e));
                    else next.delete(evseKey(e));
                    onChoose(next);
                  }}
                />
                <span>
                  {e.charger.name} · {e.charger.evseId ?? e.evseUid} · {words.connector(e.charger)}
                  {e.distanceM !== undefined ? ` · ${f.distance(e.distanceM)}` : ""}
                  <span className="block text-xs text-slate-500">
                    {words.price(snapshotPrice(e.charger), "thisBooking")}
                  </span>
                </span>
              </label>
              {problem && <p className="text-red-600 dark:text-red-400">{problem}</p>}
              {index !== undefined && (
                <div className="max-w-xs pl-6">
                  <Controller
                    control={control}
                    name={`items.${index}.driverId`}
                    render={({ field, fieldState }) => (
                      <SelectField
                        label={t("driver")}
                        name={field.name}
                        value={field.value ?? ""}
                        onChange={(event) => field.onChange(event.target.value || undefined)}
                        onBlur={field.onBlur}
                        error={fieldState.error?.message}
                        hint={t("driverHint")}
                      >
                        <option value="">{t("noDriver")}</option>
                        {drivers.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.name}
                          </option>
                        ))}
                      </SelectField>
                    )}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {listError && (
        <p role="status" className="text-sm text-red-600 dark:text-red-400">
          {listError}
        </p>
      )}
    </div>
  );
}
