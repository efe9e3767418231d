// The drivers of a fleet, with their id at each provider where they have one (for filters, start, key assignment).
import "server-only";
import { db } from "@/lib/db";
import { PROVIDER_FEATURES, PROVIDERS, type ProviderName } from "@/lib/domain";

export interface FleetDriver {
  id: string;
  name: string;
  email: string;
  /** The driver's identity at each provider that knows them (its driverIdentity kind in the provider table). */
  providerUserIds: Partial<Record<ProviderName, string>>;
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
          identities: {
            where: { kind: { in: PROVIDERS.map((p) => PROVIDER_FEATURES[p].driverIdentity) } },
            orderBy: { createdAt: "asc" },
            select: { kind: true, value: true },
          },
        },
      },
    },
    orderBy: { user: { name: "asc" } },
  });
  return memberships.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    providerUserIds: Object.fromEntries(
      PROVIDERS.flatMap((p) => {
        const identity = m.user.identities.find((i) => i.kind === PROVIDER_FEATURES[p].driverIdentity);
        return identity ? [[p, identity.value]] : [];
      }),
    ),
  }));
}

/** A driver of this fleet or null: the check before acting for a driver named in client input. */
export async function findFleetDriver(fleetId: string, driverId: string): Promise<FleetDriver | null> {
  return (await listFleetDrivers(fleetId)).find((d) => d.id === driverId) ?? null;
}
