// The spending policies of one fleet, for its page: the fleet's own first, then the drivers' and the vehicles'
// overrides, each with whose it is.
import "server-only";
import { db } from "@/lib/db";
import type { PolicyFields, PolicyOwner } from "./evaluate";

export interface ListedPolicy extends PolicyFields {
  id: string;
  owner: PolicyOwner;
  /** Whose override it is (both null: the fleet's own). */
  userId: string | null;
  vehicleId: string | null;
}

export async function listPolicies(fleetId: string): Promise<{ timeZone: string; policies: ListedPolicy[] }> {
  const [fleet, rows] = await Promise.all([
    db.fleet.findUniqueOrThrow({ where: { id: fleetId }, select: { name: true, timeZone: true } }),
    db.spendingPolicy.findMany({
      where: { fleetId },
      include: { user: { select: { name: true } }, vehicle: { select: { plate: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const ownerOf = (row: (typeof rows)[number]): PolicyOwner =>
    row.user
      ? { scope: "driver", name: row.user.name }
      : row.vehicle
        ? { scope: "vehicle", name: row.vehicle.plate }
        : { scope: "fleet", name: fleet.name };
  const order = { fleet: 0, driver: 1, vehicle: 2 } as const;
  const policies = rows
    .map(({ user: _user, vehicle: _vehicle, fleetId: _f, createdAt: _c, updatedAt: _up, ...rest }) => rest)
    .map((rest, i) => ({ ...rest, owner: ownerOf(rows[i]!) }))
    .sort((a, b) => order[a.owner.scope] - order[b.owner.scope]);
  return { timeZone: fleet.timeZone, policies };
}

/** The fleet's vehicles in service, which an override can be for. */
export function policyVehicles(fleetId: string): Promise<Array<{ id: string; plate: string; name: string | null }>> {
  return db.vehicle.findMany({
    where: { fleetId, retiredAt: null },
    select: { id: true, plate: true, name: true },
    orderBy: { plateKey: "asc" },
  });
}
