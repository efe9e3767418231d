// The drivers of a fleet, with their Plugsurfing user id where they have one (for filters, start, key assignment).
import "server-only";
import { db } from "@/lib/db";

export interface FleetDriver {
  id: string;
  name: string;
  email: string;
  plugsurfingUserId: string | null;
}

export async function listFleetDrivers(fleetId: string): Promise<FleetDriver[]> {
  const memberships = await db.membership.findMany({
    where: { fleetId, role: "DRIVER" },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          identities: { where: { kind: "PLUGSURFING_USER_ID" }, select: { value: true } },
        },
      },
    },
    orderBy: { user: { name: "asc" } },
  });
  return memberships.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    plugsurfingUserId: m.user.identities[0]?.value ?? null,
  }));
}

/** A driver of this fleet or null: the check before acting for a driver named in client input. */
export async function findFleetDriver(fleetId: string, driverId: string): Promise<FleetDriver | null> {
  return (await listFleetDrivers(fleetId)).find((d) => d.id === driverId) ?? null;
}
