// Copies a fleet's charging keys into ChargingKey from one key provider: the fleet's keys (where the
// provider can list them) and, where it has them, each driver's own keys.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { PROVIDER_FEATURES, type ChargingKey } from "@/lib/domain";
import type { KeyPort, KeysCapable } from "@/lib/providers/types";

type Db = Pick<PrismaClient, "fleet" | "chargingKey" | "membership">;

/** A key provider; one that also lists drivers' own keys (Plugsurfing's user endpoint) says so by having the method. */
export type KeySource = KeyPort & Partial<Pick<KeysCapable, "listUserKeys">>;

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
  source: KeySource,
  fleetId: string,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<KeySyncResult> {
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId } });
  const result: KeySyncResult = { fleetKeys: 0, userKeys: 0, driversFailed: [] };

  const fleetKeys = await source.listKeys(
    { fleetId: fleet.plugsurfingFleetId, fleetName: fleet.name },
    { pageSize: options.pageSize ?? 500, maxPages: options.maxPages },
  );
  for (const key of fleetKeys ?? []) {
    await db.chargingKey.upsert({
      where: { provider_keyId: { provider: key.provider, keyId: key.keyId } },
      create: { provider: key.provider, keyId: key.keyId, fleetId, source: "EMP", ...fields(key) },
      update: { fleetId, source: "EMP", ...fields(key) },
    });
    result.fleetKeys += 1;
  }

  if (!source.listUserKeys) return result;
  const drivers = await db.membership.findMany({
    where: { fleetId, role: "DRIVER" },
    include: {
      user: { select: { id: true, identities: { where: { kind: PROVIDER_FEATURES[source.name].driverIdentity } } } },
    },
  });
  for (const membership of drivers) {
    const userId = membership.user.identities[0]?.value;
    if (!userId) continue;
    try {
      for (const key of await source.listUserKeys(userId)) {
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
      // A driver not yet registered at the provider (404) has no keys there; the rest still sync.
      result.driversFailed.push(`${membership.userId}: ${(error as Error).message}`);
    }
  }
  return result;
}

/** Every key provider in turn, the results added up. */
export async function syncFleetKeysFromAll(
  db: Db,
  sources: KeySource[],
  fleetId: string,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<KeySyncResult> {
  const total: KeySyncResult = { fleetKeys: 0, userKeys: 0, driversFailed: [] };
  for (const source of sources) {
    const one = await syncFleetKeys(db, source, fleetId, options);
    total.fleetKeys += one.fleetKeys;
    total.userKeys += one.userKeys;
    total.driversFailed.push(...one.driversFailed);
  }
  return total;
}
