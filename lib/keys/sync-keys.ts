// Copies a fleet's charging keys into ChargingKey from its key providers: the fleet's keys (where a
// provider can list them) and, where it has them, each driver's own keys. A key stays in the fleet it is
// in: a refresh never moves a key of another fleet here (an admin of both moves it, lib/keys/move-key.ts).
import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { PROVIDER_FEATURES, type ChargingKey } from "@/lib/domain";
import type { KeyPort, KeysCapable } from "@/lib/providers/types";

type Db = Pick<PrismaClient, "fleet" | "chargingKey" | "membership" | "$transaction">;
type Tx = Pick<Prisma.TransactionClient, "chargingKey" | "auditLog">;

/** A key provider; one that also lists drivers' own keys (Plugsurfing's user endpoint) says so by having the method. */
export type KeySource = KeyPort & Partial<Pick<KeysCapable, "listUserKeys">>;

export interface KeySyncResult {
  fleetKeys: number;
  userKeys: number;
  /** Keys the provider lists for this fleet or its drivers that belong to another fleet: left there. */
  inOtherFleets: number;
  driversFailed: string[];
  /** Providers whose list could not be read this time (their keys are kept as they were); in words. */
  providersFailed: string[];
}

export interface KeySyncOptions {
  pageSize?: number;
  maxPages?: number;
  /** A person's refresh (keys.refresh): its audit entry is written in the transaction that saves the keys. */
  actor?: AuditActor;
}

/** A key as a provider lists it: how it is created here, and how it is updated where it already is. */
interface ListedKey {
  kind: "fleetKeys" | "userKeys";
  create: Prisma.ChargingKeyCreateManyInput;
  update: Prisma.ChargingKeyUncheckedUpdateManyInput;
}

/**
 * Updates the key where it is in this fleet (or in none), else creates it here; a key of another fleet is
 * left alone. The update is conditional on the fleet, so a key moved meanwhile is not pulled back. The
 * insert skips a duplicate rather than failing on it: a failed statement would abort the whole transaction.
 */
async function saveKey(tx: Tx, fleetId: string, key: ListedKey): Promise<"saved" | "in-other-fleet"> {
  const where = { provider: key.create.provider, keyId: key.create.keyId };
  const updated = await tx.chargingKey.updateMany({
    where: { ...where, OR: [{ fleetId }, { fleetId: null }] },
    data: { ...key.update, fleetId },
  });
  if (updated.count > 0) return "saved";
  // Nothing inserted: it exists, in another fleet (or another fleet's refresh created it this very moment).
  const created = await tx.chargingKey.createMany({ data: [{ ...key.create, fleetId }], skipDuplicates: true });
  return created.count > 0 ? "saved" : "in-other-fleet";
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
 * What one provider lists for the fleet: its fleet keys and, where it has them, each driver's own keys.
 * Provider calls only; nothing is saved yet. The assignment to a driver is the dashboard's own data: a fleet
 * key keeps it; a driver's own key is always assigned to that driver.
 */
async function listFromSource(
  db: Db,
  source: KeySource,
  fleet: { id: string; plugsurfingFleetId: string; name: string },
  options: KeySyncOptions,
  failed: string[],
): Promise<ListedKey[]> {
  const listed: ListedKey[] = [];
  const fleetKeys = await source.listKeys(
    { fleetId: fleet.plugsurfingFleetId, fleetName: fleet.name },
    { pageSize: options.pageSize ?? 500, maxPages: options.maxPages },
  );
  for (const key of fleetKeys ?? []) {
    listed.push({
      kind: "fleetKeys",
      create: { provider: key.provider, keyId: key.keyId, source: "EMP", ...fields(key) },
      update: { source: "EMP", ...fields(key) },
    });
  }

  if (!source.listUserKeys) return listed;
  const drivers = await db.membership.findMany({
    where: { fleetId: fleet.id, role: "DRIVER" },
    include: {
      user: { select: { id: true, identities: { where: { kind: PROVIDER_FEATURES[source.name].driverIdentity } } } },
    },
  });
  for (const membership of drivers) {
    const userId = membership.user.identities[0]?.value;
    if (!userId) continue;
    try {
      for (const key of await source.listUserKeys(userId)) {
        // A driver of several fleets: her own keys stay in the fleet they were first stored in.
        listed.push({
          kind: "userKeys",
          create: {
            provider: key.provider,
            keyId: key.keyId,
            source: "USER",
            assignedDriverId: membership.userId,
            ...fields(key),
          },
          update: { assignedDriverId: membership.userId, ...fields(key) },
        });
      }
    } catch (error) {
      // A driver not yet registered at the provider (404) has no keys there; the rest still sync.
      failed.push(`${membership.userId}: ${(error as Error).message}`);
    }
  }
  return listed;
}

/**
 * Every key provider in turn is asked first; then everything they listed is saved by (provider, keyId), in
 * this fleet only, in one transaction, with a person's audit entry (`actor`) in that same transaction: an
 * entry that cannot be written leaves every key as it was. Unlike the session sync there are no cursors to
 * resume from (each refresh lists everything again) and no provider call inside the transaction, so nothing
 * is lost by saving it all at once.
 */
export async function syncFleetKeysFromAll(
  db: Db,
  sources: KeySource[],
  fleetId: string,
  options: KeySyncOptions = {},
): Promise<KeySyncResult> {
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId } });
  const driversFailed: string[] = [];
  const providersFailed: string[] = [];
  const listed: ListedKey[] = [];
  let firstFailure: unknown;
  // One provider that cannot be read keeps its keys as they are; the others are refreshed all the same.
  for (const source of sources) {
    try {
      listed.push(...(await listFromSource(db, source, fleet, options, driversFailed)));
    } catch (error) {
      firstFailure ??= error;
      providersFailed.push(PROVIDER_FEATURES[source.name].label);
    }
  }
  if (sources.length > 0 && providersFailed.length === sources.length) throw firstFailure;
  return db.$transaction(
    async (tx) => {
      const result: KeySyncResult = { fleetKeys: 0, userKeys: 0, inOtherFleets: 0, driversFailed, providersFailed };
      for (const key of listed) {
        if ((await saveKey(tx, fleetId, key)) === "saved") result[key.kind] += 1;
        else result.inOtherFleets += 1;
      }
      if (options.actor) {
        await writeAudit(
          { ...options.actor, action: "keys.refresh", fleetId, objectType: "ChargingKeySync", after: result },
          tx,
        );
      }
      return result;
    },
    // A fleet of a few thousand keys takes longer than the default five seconds.
    { timeout: 60_000 },
  );
}

/** One key provider: see syncFleetKeysFromAll. */
export function syncFleetKeys(
  db: Db,
  source: KeySource,
  fleetId: string,
  options: KeySyncOptions = {},
): Promise<KeySyncResult> {
  return syncFleetKeysFromAll(db, [source], fleetId, options);
}
