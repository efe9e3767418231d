"use client";
// The batch form's list of free charge points: tick the ones to book, and choose a driver for each line.
// A charge point a vehicle's line holds is shown ticked, for that vehicle; its driver is chosen on that line.
import { useTranslations } from "next-intl";
import { Controller, type Control, type FieldArrayWithId, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { evseKey } from "@/lib/bookings/assign-vehicles";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { FleetDriver } from "@/lib/bookings/records";
import type { createBatchInput } from "@/lib/bookings/schemas";
import { snapshotPrice } from "./charger-words";
import { useChargerWords } from "./use-charger-words";

export type BatchFormValues = z.input<typeof createBatchInput>;
export type BatchFormControl = Control<BatchFormValues, unknown, z.output<typeof createBatchInput>>;

export { evseKey };

export function BatchChargePoints({
  evses,
  lines,
  control,
  drivers,
  errors,
  vehicleName,
  onChoose,
}: {
  evses: BookableEvse[];
  lines: FieldArrayWithId<BatchFormValues, "items">[];
  control: BatchFormControl;
  drivers: FleetDriver[];
  errors: FieldErrors<BatchFormValues>["items"];
  /** The words for a line's vehicle. */
  vehicleName: (vehicleId: string) => string;
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
          const vehicleId = index === undefined ? undefined : lines[index].vehicleId;
          const lineErrors = index === undefined || vehicleId ? undefined : errors?.[index];
          const problem = lineErrors?.evseUid?.message ?? lineErrors?.charger?.message;
          return (
            <li key={evseKey(e)} data-evse-id={e.charger.evseId ?? e.evseUid} className="space-y-1">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={index !== undefined}
                  disabled={vehicleId !== undefined}
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
                  {vehicleId !== undefined && (
                    <span className="font-medium"> · {t("heldBy", { vehicle: vehicleName(vehicleId) })}</span>
                  )}
                  <span className="block text-xs text-slate-500">
                    {words.price(snapshotPrice(e.charger), "thisBooking")}
                  </span>
                </span>
              </label>
              {problem && <p className="text-red-600 dark:text-red-400">{problem}</p>}
              {index !== undefined && vehicleId === undefined && (
                <div className="max-w-xs pl-6">
                  <LineDriver control={control} index={index} drivers={drivers} />
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

/** The driver of one batch line, with its error beside it. */
export function LineDriver({
  control,
  index,
  drivers,
}: {
  control: BatchFormControl;
  index: number;
  drivers: FleetDriver[];
}) {
  const t = useTranslations("batches.chargePoints");
  return (
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
  );
}
