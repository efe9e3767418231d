// A fleet's members: change roles, remove — never leaving a fleet without an admin. Invitations by email
// are in invitations.ts: nobody becomes a member without accepting.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { PEOPLE_ONLY } from "@/lib/api-tokens/people";
import { DomainError, text } from "@/lib/errors";
import type { Role } from "@/lib/auth/permissions";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { ProviderName } from "@/lib/domain";
import { portForKey } from "@/lib/keys/manage-keys";
import { pendingSyncs } from "@/lib/provider-sync/pending";
import { providerRefused } from "@/lib/provider-sync/policy";
import { defaultSyncProviders } from "@/lib/provider-sync/providers";
import { runSync } from "@/lib/provider-sync/run-sync";
import { logWithRequestId } from "@/lib/observability/request-scope";
import type { SyncActor, SyncHandler, SyncProviders } from "@/lib/provider-sync/types";

type Tx = Prisma.TransactionClient;

export const LAST_ADMIN_MESSAGE = text("fleets.lastAdmin");

export interface FleetMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
  /** Enabled charging keys assigned to this member in this fleet. */
  enabledKeys: number;
  /** Every charging key assigned to this member in this fleet, enabled or not. */
  keys: number;
  /** Their removal waits for a provider sync. */
  syncing: boolean;
}

export async function listMembers(fleetId: string): Promise<FleetMember[]> {
  const [memberships, keys, pending] = await Promise.all([
    db.membership.findMany({
      where: { fleetId, ...PEOPLE_ONLY },
      include: { user: { select: { name: true, email: true } } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
    db.chargingKey.groupBy({
      by: ["assignedDriverId", "enabled"],
      where: { fleetId, assignedDriverId: { not: null } },
      _count: { _all: true },
    }),
    pendingSyncs(fleetId),
  ]);
  return memberships.map((m) => {
    const own = keys.filter((k) => k.assignedDriverId === m.userId);
    return {
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      since: m.createdAt.toISOString(),
      enabledKeys: own.find((k) => k.enabled)?._count._all ?? 0,
      keys: own.reduce((sum, k) => sum + k._count._all, 0),
      syncing: pending.members.has(m.userId),
    };
  });
}

/**
 * Locks the fleet's admin memberships, so that two concurrent demotions or removals are serialised
 * and the second one sees the first's result. Throws when `userId` is the only admin left.
 */
async function assertAnotherAdminRemains(tx: Tx, fleetId: string, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<Array<{ userId: string }>>`
    SELECT m."userId" FROM "Membership" m WHERE m."fleetId" = ${fleetId} AND m.role = 'ADMIN'
      AND NOT EXISTS (SELECT 1 FROM "ApiToken" t WHERE t."accountId" = m."userId") FOR UPDATE`;
  if (admins.some((a) => a.userId === userId) && admins.length <= 1) {
    throw new DomainError("CONFLICT", LAST_ADMIN_MESSAGE);
  }
}

async function membershipOrThrow(tx: Tx | typeof db, fleetId: string, userId: string) {
  const membership = await tx.membership.findUnique({ where: { userId_fleetId: { userId, fleetId } } });
  if (!membership) throw new DomainError("NOT_FOUND", text("fleets.notAMember"));
  return membership;
}

/** With an actor, the audit entry is written in the same transaction (also when the role was already so). */
export async function setMemberRole(fleetId: string, userId: string, role: Role, actor?: AuditActor) {
  return db.$transaction(async (tx) => {
    const before = await membershipOrThrow(tx, fleetId, userId);
    if (before.role !== role) {
      if (before.role === "ADMIN") await assertAnotherAdminRemains(tx, fleetId, userId);
      await tx.membership.update({ where: { id: before.id }, data: { role } });
    }
    const change = { before: { role: before.role }, after: { role } };
    if (actor) {
      await writeAudit(
        { ...actor, action: "fleets.members.set-role", fleetId, objectType: "Membership", objectId: userId, ...change },
        tx,
      );
    }
    return change;
  });
}

export interface RemoveMemberResult {
  removed: { userId: string; role: Role };
  /** Keys disabled at their provider and here. */
  disabledKeys: string[];
  /** Keys whose provider cannot disable them from the dashboard: still enabled. */
  keysLeftEnabled: string[];
  /** The provider has the change; the removal here follows when the reconciler gets it through. */
  syncing: boolean;
}

interface RemovalDesired {
  userId: string;
  role: Role;
  /** The departing member's keys to switch off, each at its own provider. */
  keys: Array<{ id: string; provider: ProviderName; keyId: string }>;
}

async function setKeysEnabled(desired: RemovalDesired, enabled: boolean, providers: SyncProviders): Promise<void> {
  const done: RemovalDesired["keys"] = [];
  try {
    for (const key of desired.keys) {
      await portForKey(providers, key.provider).setKeyEnabled(key.keyId, enabled);
      done.push(key);
    }
  } catch (error) {
    // A refusal means this removal will not happen: the keys already switched go back as they were.
    if (providerRefused(error)) {
      for (const key of done) {
        await portForKey(providers, key.provider)
          .setKeyEnabled(key.keyId, !enabled)
          .catch((error: unknown) =>
            logWithRequestId(
              "warn",
              { event: "members.key_not_restored", keyId: key.keyId, err: error },
              "could not switch a key back",
            ),
          );
      }
    }
    throw error;
  }
}

export const memberRemovalSync: SyncHandler<RemovalDesired> = {
  kind: "member.remove",
  push: ({ desired }, providers) => setKeysEnabled(desired, false, providers),
  async apply(tx, intent) {
    const { userId, keys } = intent.desired;
    const current = await membershipOrThrow(tx, intent.fleetId, userId);
    if (current.role === "ADMIN") await assertAnotherAdminRemains(tx, intent.fleetId, userId);
    await tx.membership.delete({ where: { id: current.id } });
    const audit = { actorId: intent.actorId, ip: intent.ip, fleetId: intent.fleetId };
    await writeAudit(
      {
        ...audit,
        action: "fleets.members.remove",
        objectType: "Membership",
        objectId: userId,
        before: { userId, role: current.role },
        after: null,
      },
      tx,
    );
    if (keys.length) {
      await tx.chargingKey.updateMany({
        where: { id: { in: keys.map((k) => k.id) } },
        data: { enabled: false, syncedAt: new Date() },
      });
    }
    for (const key of keys) {
      await writeAudit(
        {
          ...audit,
          action: "keys.disable",
          objectType: "ChargingKey",
          objectId: key.id,
          before: { enabled: true },
          after: { enabled: false },
        },
        tx,
      );
    }
  },
  revert: ({ desired }, providers) => setKeysEnabled(desired, true, providers),
};

/**
 * Removes a member; with `disableKeys`, the charging keys assigned to them in this fleet are switched off
 * at their providers first, then here together with the removal (one ProviderSync for all of it).
 */
export async function removeMember(
  fleetId: string,
  userId: string,
  options: { disableKeys: boolean; actor?: SyncActor; providers?: SyncProviders },
): Promise<RemoveMemberResult> {
  const providers = options.providers ?? defaultSyncProviders();
  const membership = await membershipOrThrow(db, fleetId, userId);
  // Checked early too, so that keys are not disabled for a removal that will be refused.
  if (membership.role === "ADMIN") {
    const admins = await db.membership.count({ where: { fleetId, role: "ADMIN", ...PEOPLE_ONLY } });
    if (admins <= 1) throw new DomainError("CONFLICT", LAST_ADMIN_MESSAGE);
  }
  const keys = options.disableKeys
    ? await db.chargingKey.findMany({ where: { fleetId, assignedDriverId: userId, enabled: true } })
    : [];
  const switchable = keys.filter((k) => providers.findKeyPort(k.provider));
  const leftEnabled = keys.filter((k) => !providers.findKeyPort(k.provider));
  const outcome = await runSync(
    memberRemovalSync,
    {
      fleetId,
      objectId: userId,
      desired: {
        userId,
        role: membership.role,
        keys: switchable.map((k) => ({ id: k.id, provider: k.provider, keyId: k.keyId })),
      },
      actor: options.actor ?? { actorId: null },
    },
    providers,
  );
  return {
    removed: { userId, role: membership.role },
    disabledKeys: switchable.map((k) => k.keyId),
    keysLeftEnabled: leftEnabled.map((k) => k.keyId),
    syncing: outcome.status === "syncing",
  };
}
