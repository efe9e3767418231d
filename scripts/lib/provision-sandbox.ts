// Makes the sandbox know the local fleets and drivers (as a real provider account would):
// creates each fleet at Plugsurfing EMP and each driver's Plugsurfing user. Safe to repeat.
import { createPrismaClient } from "../../lib/prisma-client";

const SANDBOX_PLUGSURFING_KEY = "sandbox-plugsurfing-key";

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
    log(`Sandbox provisioned: ${fleets.length} fleets, ${users.length} Plugsurfing users`);
  } catch (error) {
    log(`Sandbox provisioning skipped: ${error instanceof Error ? error.message : error}`);
  } finally {
    await prisma.$disconnect();
  }
}
