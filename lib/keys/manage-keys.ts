// Changing keys: create a fleet key, assign it to a driver, enable or disable it. The provider is reached
// through its key port (lib/providers/types.ts), chosen by capability; switching goes through a ProviderSync.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { emitWebhook } from "@/lib/webhooks/emit";
import { db } from "@/lib/db";
import { PROVIDER_LABELS, type ProviderName } from "@/lib/domain";
import { DomainError, text } from "@/lib/errors";
import { keyPorts } from "@/lib/providers";
import { isProviderError } from "@/lib/providers/errors";
import type { KeyPort } from "@/lib/providers/types";
import { defaultSyncProviders } from "@/lib/provider-sync/providers";
import { runSync } from "@/lib/provider-sync/run-sync";
import type { SyncActor, SyncHandler, SyncProviders } from "@/lib/provider-sync/types";
import { findFleetDriver } from "@/lib/sessions/fleet-drivers";
import { syncFleetKeysFromAll } from "./sync-keys";

async function getFleetKeyOrThrow(fleetId: string, keyId: string) {
  const key = await db.chargingKey.findFirst({ where: { id: keyId, fleetId } });
  if (!key) throw new DomainError("NOT_FOUND", text("keys.notInFleet"));
  return key;
}

/** The key port of a key's provider; a DomainError where that provider has no keys to switch. */
export function portForKey(providers: SyncProviders, name: ProviderName): KeyPort {
  const port = providers.findKeyPort(name);
  if (!port) {
    throw new DomainError("CONFLICT", text("keys.ownAccountProvider", { provider: PROVIDER_LABELS[name] }));
  }
  return port;
}

/** The first provider that can issue fleet keys, unless the caller names one. */
function issuingPort(port?: KeyPort): KeyPort {
  const chosen = port ?? keyPorts()[0];
  if (!chosen) throw new DomainError("CONFLICT", text("keys.noIssuer"));
  return chosen;
}

/**
 * Issues the key at the provider, then stores it; with an actor, its audit entry is written in the same
 * transaction as the stored row (the provider's key without one is picked up by the next key refresh).
 */
export async function createFleetKey(
  fleetId: string,
  input: { keyIdentifier: string; visualNumber: string; validTo?: Date },
  port?: KeyPort,
  actor?: AuditActor,
) {
  const issuer = issuingPort(port);
  const label = PROVIDER_LABELS[issuer.name];
  const keyIdentifier = input.keyIdentifier.toUpperCase();
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId } });
  const existing = await db.chargingKey.findUnique({
    where: { provider_keyId: { provider: issuer.name, keyId: keyIdentifier } },
  });
  if (existing)
    throw new DomainError("CONFLICT", text("keys.identifierExists"), {
      keyIdentifier: [text("keys.alreadyRegistered")],
    });
  try {
    const key = await issuer.createKey(
      { fleetId: fleet.plugsurfingFleetId, fleetName: fleet.name },
      { keyIdentifier, visualNumber: input.visualNumber, validTo: input.validTo },
    );
    return await db.$transaction(async (tx) => {
      const stored = await tx.chargingKey.create({
        data: {
          provider: issuer.name,
          keyId: key.keyId,
          fleetId,
          source: "EMP",
          visualNumber: key.visualNumber ?? input.visualNumber,
          contractId: key.contractId ?? null,
          type: key.type,
          enabled: key.enabled,
          validTo: key.validTo ? new Date(key.validTo) : (input.validTo ?? null),
        },
      });
      if (actor) {
        await writeAudit(
          {
            ...actor,
            action: "keys.create",
            fleetId,
            objectType: "ChargingKey",
            objectId: stored.id,
            after: { keyId: stored.keyId, visualNumber: stored.visualNumber, validTo: stored.validTo },
          },
          tx,
        );
      }
      return stored;
    });
  } catch (error) {
    if (isProviderError(error) && error.code === "CONFLICT") {
      throw new DomainError("CONFLICT", text("keys.identifierAtProvider", { provider: label }), {
        keyIdentifier: [text("keys.alreadyRegisteredAt", { provider: label })],
      });
    }
    throw error;
  }
}

/** With an actor, the audit entry is written in the transaction of the new assignment. */
export async function assignKey(fleetId: string, keyId: string, driverId: string | null, actor?: AuditActor) {
  const key = await getFleetKeyOrThrow(fleetId, keyId);
  if (key.source === "USER") throw new DomainError("CONFLICT", text("keys.driversOwnKey"));
  if (driverId && !(await findFleetDriver(fleetId, driverId))) {
    throw new DomainError("VALIDATION", text("keys.chooseDriver"), { driverId: [text("keys.notADriver")] });
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.chargingKey.update({ where: { id: key.id }, data: { assignedDriverId: driverId } });
    const change = {
      before: { assignedDriverId: key.assignedDriverId },
      after: { assignedDriverId: updated.assignedDriverId },
    };
    if (actor) {
      await writeAudit(
        { ...actor, action: "keys.assign", fleetId, objectType: "ChargingKey", objectId: updated.id, ...change },
        tx,
      );
    }
    return { ...change, key: updated };
  });
}

interface KeyEnabledDesired {
  provider: ProviderName;
  keyId: string;
  enabled: boolean;
  from: boolean;
}

export const keyEnabledSync: SyncHandler<KeyEnabledDesired> = {
  kind: "key.set-enabled",
  async push({ desired }, providers) {
    await portForKey(providers, desired.provider).setKeyEnabled(desired.keyId, desired.enabled);
  },
  async apply(tx, intent) {
    const { enabled, from } = intent.desired;
    await tx.chargingKey.update({ where: { id: intent.objectId }, data: { enabled, syncedAt: new Date() } });
    await writeAudit(
      {
        actorId: intent.actorId,
        ip: intent.ip,
        action: enabled ? "keys.enable" : "keys.disable",
        fleetId: intent.fleetId,
        objectType: "ChargingKey",
        objectId: intent.objectId,
        before: { enabled: from },
        after: { enabled },
      },
      tx,
    );
    if (!enabled)
      await emitWebhook(tx, {
        fleetId: intent.fleetId,
        event: "key.disabled",
        data: { keyId: intent.objectId, providerKeyId: intent.desired.keyId, by: "fleet" },
      });
  },
  async revert({ desired }, providers) {
    await portForKey(providers, desired.provider).setKeyEnabled(desired.keyId, desired.from);
  },
};

/** Provider first (through the intent), then our copy and its audit entry; `syncing` while ours follows. */
export async function setKeyEnabled(
  fleetId: string,
  keyId: string,
  enabled: boolean,
  {
    actor = { actorId: null },
    providers = defaultSyncProviders(),
  }: { actor?: SyncActor; providers?: SyncProviders } = {},
) {
  const key = await getFleetKeyOrThrow(fleetId, keyId);
  if (key.source !== "EMP") {
    throw new DomainError("CONFLICT", text("keys.onlyFleetKeys"));
  }
  portForKey(providers, key.provider);
  const outcome = await runSync(
    keyEnabledSync,
    {
      fleetId,
      objectId: key.id,
      desired: { provider: key.provider, keyId: key.keyId, enabled, from: key.enabled },
      actor,
    },
    providers,
  );
  return {
    before: { enabled: key.enabled },
    after: { enabled },
    key: { id: key.id, keyId: key.keyId, enabled },
    syncing: outcome.status === "syncing",
  };
}

/** A person's refresh: the keys are saved, with its audit entry, in one transaction (lib/keys/sync-keys.ts). */
export async function refreshFleetKeys(fleetId: string, actor: AuditActor) {
  return syncFleetKeysFromAll(db, keyPorts(), fleetId, { actor });
}
