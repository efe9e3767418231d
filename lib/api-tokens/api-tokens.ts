// A fleet's API tokens: created (the token shown once), listed, revoked. Each token acts through its own
// service account, a member of the fleet with the token's role, so the fleet checks, the createdById of what
// it makes and the audit trail are the same as for a person (lib/auth/session.ts runAsPrincipal).
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { newTokenSecret } from "./token-secret";
import type { CreateApiTokenInput } from "./schemas";

/** An impossible password hash: the service account can never sign in. */
export const NO_PASSWORD = "!api-token";

const DAY_MS = 24 * 60 * 60 * 1000;

export type ApiTokenStatus = "active" | "expired" | "revoked";

export interface ApiTokenSummary {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  status: ApiTokenStatus;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function apiTokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

/** ADMIN outranks DISPATCHER outranks MANAGER outranks DRIVER (the order of ROLES). */
export function roleAtMost(role: Role, limit: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(limit);
}

/**
 * The token in full is returned here and never again. The account, its membership, the token and the audit
 * entry (the prefix, never the secret) are written in one transaction.
 */
export async function createApiToken(
  args: { fleetId: string; creatorId: string; creatorRole: Role; input: Omit<CreateApiTokenInput, "fleetId"> },
  actor: AuditActor,
  now = new Date(),
) {
  const { fleetId, creatorId, creatorRole, input } = args;
  if (!roleAtMost(input.role, creatorRole)) throw new DomainError("FORBIDDEN", text("apiTokens.roleTooHigh"));
  const secret = newTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  const created = await db.$transaction(async (tx) => {
    const account = await tx.user.create({
      data: {
        // Never an address anyone reads: .invalid is reserved (RFC 2606).
        email: `${secret.prefix.toLowerCase()}.${now.getTime()}@api-token.invalid`,
        name: input.name,
        passwordHash: NO_PASSWORD,
        memberships: { create: { fleetId, role: input.role } },
      },
    });
    const token = await tx.apiToken.create({
      data: {
        fleetId,
        name: input.name,
        role: input.role,
        prefix: secret.prefix,
        secretHash: secret.secretHash,
        accountId: account.id,
        createdById: creatorId,
        expiresAt,
      },
    });
    await writeAudit(
      {
        ...actor,
        action: "api-tokens.create",
        fleetId,
        objectType: "ApiToken",
        objectId: token.id,
        after: {
          name: token.name,
          role: token.role,
          prefix: token.prefix,
          expiresAt: expiresAt?.toISOString() ?? null,
        },
      },
      tx,
    );
    return token;
  });
  return { id: created.id, token: secret.token, prefix: created.prefix, name: created.name, role: created.role };
}

export async function listApiTokens(fleetId: string, now = new Date()): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { fleetId },
    include: { createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    status: apiTokenStatus(r, now),
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy?.name ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: r.lastUsedIp,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Revoked for good: its account loses its membership too, so nothing it still holds reaches the fleet. */
export async function revokeApiToken(fleetId: string, tokenId: string, actor: AuditActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, fleetId } });
    if (!token) throw new DomainError("NOT_FOUND", text("apiTokens.notFound"));
    if (token.revokedAt) throw new DomainError("CONFLICT", text("apiTokens.alreadyRevoked"));
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await tx.membership.deleteMany({ where: { userId: token.accountId } });
    await writeAudit(
      {
        ...actor,
        action: "api-tokens.revoke",
        fleetId,
        objectType: "ApiToken",
        objectId: token.id,
        before: { name: token.name, role: token.role, prefix: token.prefix },
        after: { revokedAt: now.toISOString() },
      },
      tx,
    );
    return { id: token.id, revokedAt: now.toISOString() };
  });
}
