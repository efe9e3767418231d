// Copies a fleet's charging keys into ChargingKey: the EMP fleet keys (cursor paging) and each driver's own keys.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ChargingKey } from "@/lib/domain";
import type { KeysCapable } from "@/lib/providers/types";

type Db = Pick<PrismaClient, "fleet" | "chargingKey" | "membership">;

export interface KeySyncResult {
  fleetKeys: number;
  userKeys: number;
  driversFailed: string[];
}

function fields(key: ChargingKey) {
  return {
    name: key.name ?? null,
    visualNumber: key.visualNumber ?? null,
    contractId: key.contractId ?? null,
    referenceId: key.referenceId ?? null,
    type: key.type,
    enabled: key.enabled,
    validFrom: key.validFrom ? new Date(key.validFrom) : null,
    validTo: key.validTo ? new Date(key.validTo) : null,
    syncedAt: new Date(),
  };
}

/**
 * Upserts by (provider, keyId). The assignment to a driver is the dashboard's own data: a fleet key
 * keeps it; a driver's own key is always assigned to that driver.
 */
export async function syncFleetKeys(
  db: Db,
  keys: KeysCapable,
  fleetId: string,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<KeySyncResult> {
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId } });
  const result: KeySyncResult = { fleetKeys: 0, userKeys: 0, driversFailed: [] };

  let cursor: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 1000); page++) {
    const answer = await keys.listFleetKeys(fleet.plugsurfingFleetId, { cursor, pageSize: options.pageSize ?? 500 });
    for (const key of answer.keys) {
      await db.chargingKey.upsert({
        where: { provider_keyId: { provider: key.provider, keyId: key.keyId } },
        create: { provider: key.provider, keyId: key.keyId, fleetId, source: "EMP", ...fields(key) },
        update: { fleetId, source: "EMP", ...fields(key) },
      });
      result.fleetKeys += 1;
    }
    if (!answer.cursor || answer.cursor === cursor || answer.keys.length === 0) break;
    cursor = answer.cursor;
  }

  const drivers = await db.membership.findMany({
    where: { fleetId, role: "DRIVER" },
    include: { user: { select: { id: true, identities: { where: { kind: "PLUGSURFING_USER_ID" } } } } },
  });
  for (const membership of drivers) {
    const userId = membership.user.identities[0]?.value;
    if (!userId) continue;
    try {
      for (const key of await keys.listUserKeys(userId)) {
        await db.chargingKey.upsert({
          where: { provider_keyId: { provider: key.provider, keyId: key.keyId } },
          create: {
            provider: key.provider,
            keyId: key.keyId,
            fleetId,
            source: "USER",
            assignedDriverId: membership.userId,
            ...fields(key),
          },
          update: { fleetId, assignedDriverId: membership.userId, ...fields(key) },
        });
        result.userKeys += 1;
      }
    } catch (error) {
      // A driver not yet registered at Plugsurfing (404) has no keys there; the rest still sync.
      result.driversFailed.push(`${membership.userId}: ${(error as Error).message}`);
    }
  }
  return result;
}
