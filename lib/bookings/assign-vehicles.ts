// Batch booking for vehicles: each vehicle gets a charge point of its own whose connector it takes, the fastest
// it can actually charge at first, then the nearest; a vehicle for which none is left gets none, and says so.
import { fits, snapshotPowerKw, type VehicleCharging } from "@/lib/vehicles/compatibility";
import type { BookableEvse } from "./chargers";

/** What the assignment reads of a charge point in a search result. */
export type AssignableEvse = Pick<BookableEvse, "locationId" | "evseUid" | "distanceM"> & {
  charger: Pick<BookableEvse["charger"], "connectorStandard" | "powerKw" | "powerType">;
};

export type AssignableVehicle = VehicleCharging & { id: string };

export interface Assignment<V, E> {
  vehicle: V;
  /** null: no free charge point the vehicle can use is left. */
  evse: E | null;
}

export const evseKey = (e: Pick<BookableEvse, "locationId" | "evseUid">) => `${e.locationId}/${e.evseUid}`;

/** The charge points the vehicle can use and nobody holds, fastest for it first, then nearest. */
export function usableEvses<E extends AssignableEvse>(
  vehicle: VehicleCharging,
  evses: readonly E[],
  taken: ReadonlySet<string> = new Set(),
): E[] {
  const power = (e: E) => snapshotPowerKw(vehicle, e.charger) ?? 0;
  return evses
    .filter((e) => !taken.has(evseKey(e)) && fits(vehicle, { standard: e.charger.connectorStandard ?? null }))
    .sort((a, b) => power(b) - power(a) || (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
}

/**
 * One charge point per vehicle, never the same for two. `taken`: charge points other lines hold; `pinned`: a
 * vehicle's charge point chosen by hand (vehicle id → evseKey), kept while the vehicle can use it and it is free.
 * Each vehicle takes its preferred free one; where none is free, another vehicle moves to its next choice if
 * that frees one — so a vehicle is left without only when no arrangement gives every vehicle one.
 */
export function assignVehicles<V extends AssignableVehicle, E extends AssignableEvse>(
  vehicles: readonly V[],
  evses: readonly E[],
  {
    taken = new Set<string>(),
    pinned = new Map<string, string>(),
  }: {
    taken?: ReadonlySet<string>;
    pinned?: ReadonlyMap<string, string>;
  } = {},
): Assignment<V, E>[] {
  const held = new Set(taken);
  const chosen = new Map<number, E>();
  vehicles.forEach((vehicle, index) => {
    const key = pinned.get(vehicle.id);
    const evse = key === undefined ? undefined : usableEvses(vehicle, evses, held).find((e) => evseKey(e) === key);
    if (evse) {
      chosen.set(index, evse);
      held.add(key!);
    }
  });
  const choices = vehicles.map((vehicle) => usableEvses(vehicle, evses, held));
  const owner = new Map<string, number>();

  function place(index: number, visited: Set<string>): boolean {
    const options = choices[index];
    const free = options.find((e) => !owner.has(evseKey(e)) && !visited.has(evseKey(e)));
    if (free) return claim(index, free);
    for (const evse of options) {
      const key = evseKey(evse);
      if (visited.has(key)) continue;
      visited.add(key);
      if (place(owner.get(key)!, visited)) return claim(index, evse);
    }
    return false;
  }
  function claim(index: number, evse: E): true {
    owner.set(evseKey(evse), index);
    chosen.set(index, evse);
    return true;
  }

  vehicles.forEach((_, index) => {
    if (!chosen.has(index)) place(index, new Set());
  });
  return vehicles.map((vehicle, index) => ({ vehicle, evse: chosen.get(index) ?? null }));
}
