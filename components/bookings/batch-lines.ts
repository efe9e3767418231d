// The batch form's lines, laid out afresh whenever the vehicles, the hand-picked charge points or the ticked ones
// change: the chosen vehicles' lines first, each at the charge point assigned to it, then the ticked charge points'.
import { assignVehicles, evseKey } from "@/lib/bookings/assign-vehicles";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { BookableVehicle } from "@/lib/vehicles/compatibility";

/** What a line already in the form says: where it is, for which vehicle and driver. */
export type CurrentLine = Pick<BookableEvse, "locationId" | "evseUid"> & { vehicleId?: string; driverId?: string };

export interface LaidOutLine {
  evse: BookableEvse;
  vehicleId?: string;
  driverId?: string;
}

/**
 * A vehicle's line keeps the driver already chosen for it (none included), else gets the vehicle's regular driver;
 * a ticked charge point keeps its driver. A vehicle no free charge point it can use is left for gets no line.
 */
export function layOutLines(args: {
  /** The chosen vehicles, in the order their lines are shown. */
  vehicles: readonly BookableVehicle[];
  evses: readonly BookableEvse[];
  current: readonly CurrentLine[];
  /** The charge points ticked for lines without a vehicle. */
  ticked: ReadonlySet<string>;
  /** Charge points chosen by hand for a vehicle: vehicle id → evseKey. */
  pins: ReadonlyMap<string, string>;
}): LaidOutLine[] {
  const vehicleDriver = new Map(args.current.flatMap((l) => (l.vehicleId ? [[l.vehicleId, l.driverId] as const] : [])));
  const plainDriver = new Map(args.current.filter((l) => !l.vehicleId).map((l) => [evseKey(l), l.driverId]));
  const assignments = assignVehicles(args.vehicles, args.evses, { taken: args.ticked, pinned: args.pins });
  const lines: LaidOutLine[] = assignments.flatMap(({ vehicle, evse }) => {
    if (!evse) return [];
    const driverId = vehicleDriver.has(vehicle.id)
      ? vehicleDriver.get(vehicle.id)
      : (vehicle.defaultDriverId ?? undefined);
    return [{ evse, vehicleId: vehicle.id, driverId }];
  });
  for (const evse of args.evses) {
    if (args.ticked.has(evseKey(evse))) lines.push({ evse, driverId: plainDriver.get(evseKey(evse)) });
  }
  return lines;
}
