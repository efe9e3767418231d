// Makes the sandbox know the local fleets and drivers (as a real provider account would):
// creates each fleet at Plugsurfing EMP and each driver's Plugsurfing user, and configures each fleet's
// depot chargers from the sandbox's DepotFinity depots near the fleet's own depots. Safe to repeat.
import type { PrismaClient } from "../../generated/prisma/client";
import { depotChargerValues } from "../../lib/depot-chargers/schemas";
import { createPrismaClient } from "../../lib/prisma-client";
import { DepotFinityAdapter } from "../../lib/providers/depotfinity";
import { haversineMetres } from "../../lib/providers/units";
import { DEMO_FLEETS } from "./seed";

const SANDBOX_PLUGSURFING_KEY = "sandbox-plugsurfing-key";
const SANDBOX_DEPOT_CLIENT = { clientId: "sandbox-depot-client", clientSecret: "sandbox-depot-secret" };
/** A sandbox depot this close to one of a fleet's depots is that fleet's. */
const DEPOT_RADIUS_M = 5_000;

export async function provisionSandbox(databaseUrl: string, sandboxUrl: string, log: (line: string) => void) {
  const prisma = createPrismaClient(databaseUrl);
  const base = `${sandboxUrl.replace(/\/$/, "")}/plugsurfing/drive`;
  const headers = { "X-API-Key": SANDBOX_PLUGSURFING_KEY, "Content-Type": "application/json" };
  try {
    const fleets = await prisma.fleet.findMany({ select: { plugsurfingFleetId: true, name: true } });
    for (const fleet of fleets) {
      await fetch(`${base}/emp/v1/fleets`, {
        method: "POST",
        headers,
        body: JSON.stringify({ fleetId: fleet.plugsurfingFleetId, fleetName: fleet.name }),
      });
    }
    const users = await prisma.providerIdentity.findMany({ where: { kind: "PLUGSURFING_USER_ID" } });
    for (const identity of users) {
      await fetch(`${base}/v1/users`, { method: "POST", headers, body: JSON.stringify({ id: identity.value }) });
    }
    const depotChargers = await configureDepotChargers(prisma, sandboxUrl);
    log(
      `Sandbox provisioned: ${fleets.length} fleets, ${users.length} Plugsurfing users, ${depotChargers} depot chargers`,
    );
  } catch (error) {
    log(`Sandbox provisioning skipped: ${error instanceof Error ? error.message : error}`);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The demo fleets get the sandbox's chargers near their depots, once (an admin who deletes them later keeps
 * that choice). The sandbox answers DepotFinity's undocumented charger list, as the admin's import uses it.
 */
async function configureDepotChargers(prisma: PrismaClient, sandboxUrl: string): Promise<number> {
  const url = sandboxUrl.replace(/\/$/, "");
  const fleets = await prisma.fleet.findMany({
    where: {
      plugsurfingFleetId: { in: Object.values(DEMO_FLEETS).map((f) => f.plugsurfingFleetId) },
      depotChargers: { none: {} },
      depots: { some: {} },
    },
    select: { id: true, depots: { select: { latitude: true, longitude: true } } },
  });
  if (fleets.length === 0) return 0;
  const depot = new DepotFinityAdapter({
    baseUrl: `${url}/depotfinity`,
    authUrl: `${url}/depotfinity-auth/oauth2/token`,
    ...SANDBOX_DEPOT_CLIENT,
  });
  const chargers = (await depot.chargerList()) ?? [];
  let configured = 0;
  for (const fleet of fleets) {
    if (await prisma.auditLog.count({ where: { fleetId: fleet.id, action: "demo.depot-chargers" } })) continue;
    const near = chargers.filter((c) => fleet.depots.some((d) => haversineMetres(d, c) <= DEPOT_RADIUS_M));
    const rows = near.flatMap((c) => {
      const parsed = depotChargerValues.safeParse(c);
      return parsed.success ? [{ fleetId: fleet.id, ...parsed.data }] : [];
    });
    if (rows.length === 0) continue;
    await prisma.$transaction([
      prisma.depotCharger.createMany({ data: rows, skipDuplicates: true }),
      prisma.auditLog.create({
        data: {
          action: "demo.depot-chargers",
          fleetId: fleet.id,
          objectType: "DepotCharger",
          after: { chargerIds: rows.map((r) => r.chargerId) },
        },
      }),
    ]);
    configured += rows.length;
  }
  return configured;
}
