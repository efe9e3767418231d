"use client";
// The batch lines for chosen vehicles: each vehicle's charge point (only ones it can use and no other line holds),
// about how long it takes from 10 to 80 % there, and its driver; a vehicle left without a charge point says so.
import { useTranslations } from "next-intl";
import type { FieldArrayWithId, FieldErrors } from "react-hook-form";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { evseKey, usableEvses } from "@/lib/bookings/assign-vehicles";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { FleetDriver } from "@/lib/bookings/records";
import { snapshotTopUpMinutes, type BookableVehicle } from "@/lib/vehicles/compatibility";
import { LineDriver, type BatchFormControl, type BatchFormValues } from "./batch-charge-points-client";
import { vehicleLabel } from "./batch-vehicle-picker-client";
import { useChargerWords } from "./use-charger-words";

export function BatchVehicleLines({
  evses,
  lines,
  vehicles,
  unplaced,
  control,
  drivers,
  errors,
  onChargePoint,
}: {
  evses: BookableEvse[];
  lines: FieldArrayWithId<BatchFormValues, "items">[];
  vehicles: ReadonlyMap<string, BookableVehicle>;
  /** Chosen vehicles no free charge point they can use is left for. */
  unplaced: BookableVehicle[];
  control: BatchFormControl;
  drivers: FleetDriver[];
  errors: FieldErrors<BatchFormValues>["items"];
  onChargePoint: (vehicleId: string, key: string) => void;
}) {
  const t = useTranslations("batches.vehicleLines");
  const wizard = useTranslations("wizard.charger");
  const f = useFormat();
  const words = useChargerWords();
  const keys = lines.map(evseKey);
  const topUp = (vehicle: BookableVehicle, evse: Pick<BookableEvse, "charger">) => {
    const minutes = snapshotTopUpMinutes(vehicle, evse.charger);
    return minutes === null ? null : wizard("topUp", { duration: f.duration(minutes * 60) });
  };
  const vehicleLines = lines.flatMap((line, index) => {
    const vehicle = line.vehicleId ? vehicles.get(line.vehicleId) : undefined;
    return vehicle ? [{ line, index, vehicle }] : [];
  });
  if (vehicleLines.length === 0 && unplaced.length === 0) return null;

  return (
    <div className="space-y-2">
      <ul className="space-y-3 text-sm" aria-label={t("label")}>
        {vehicleLines.map(({ line, index, vehicle }) => {
          const others = new Set(keys.filter((_, i) => i !== index));
          const options = usableEvses(vehicle, evses, others);
          const lineErrors = errors?.[index];
          const time = topUp(vehicle, line);
          return (
            <li
              key={line.id}
              data-vehicle={vehicle.plate}
              className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-3 dark:border-slate-800"
            >
              <div className="space-y-1">
                <p className="font-medium">{vehicleLabel(vehicle)}</p>
                <p data-testid="line-top-up">{time ?? t("unknownTime")}</p>
                {lineErrors?.vehicleId?.message && (
                  <p role="status" className="text-red-600 dark:text-red-400">
                    {lineErrors.vehicleId.message}
                  </p>
                )}
              </div>
              <SelectField
                label={t("chargePoint", { vehicle: vehicle.plate })}
                value={keys[index]}
                onChange={(event) => onChargePoint(vehicle.id, event.target.value)}
                error={lineErrors?.evseUid?.message ?? lineErrors?.charger?.message}
              >
                {options.map((e) => (
                  <option key={evseKey(e)} value={evseKey(e)}>
                    {[
                      e.charger.name,
                      e.charger.evseId ?? e.evseUid,
                      words.connector(e.charger),
                      e.distanceM !== undefined ? f.distance(e.distanceM) : null,
                      topUp(vehicle, e),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </option>
                ))}
              </SelectField>
              <LineDriver control={control} index={index} drivers={drivers} />
            </li>
          );
        })}
      </ul>
      {unplaced.map((vehicle) => (
        <p key={vehicle.id} className="text-sm text-amber-700 dark:text-amber-300" data-testid="vehicle-without-fit">
          {t("noFit", { vehicle: vehicleLabel(vehicle) })}
        </p>
      ))}
    </div>
  );
}
