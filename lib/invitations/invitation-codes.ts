// The dashboard's own invitation codes for a fleet (issued, listed, revoked) and the codes Plugsurfing holds.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import { generateCode, hashCode, hintOf, normaliseCode } from "@/lib/invitations/code";
import { plugsurfingFleets, type FleetProvider } from "@/lib/fleets/fleet-provider";

export type CodeStatus = "active" | "expired" | "revoked" | "used-up";

/** Why a code cannot be used (revoked first: an admin's decision outranks the clock). */
export function codeStatus(
  code: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number },
  now: Date,
): CodeStatus {
  if (code.revokedAt) return "revoked";
  if (code.expiresAt <= now) return "expired";
  if (code.uses >= code.maxUses) return "used-up";
  return "active";
}

export interface InvitationCodeSummary {
  id: string;
  hint: string;
  status: CodeStatus;
  expiresAt: string;
  uses: number;
  maxUses: number;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * The code in full is returned here and never again: only its hash is stored. With an actor, the audit entry
 * (the hint, never the code) is written in the same transaction as the code.
 */
export async function issueInvitationCode(
  fleetId: string,
  createdById: string,
  options: { expiresInDays: number; maxUses: number },
  now = new Date(),
  actor?: AuditActor,
) {
  const code = generateCode();
  const normalised = normaliseCode(code)!;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.invitationCode.create({
      data: {
        fleetId,
        codeHash: hashCode(normalised),
        hint: hintOf(normalised),
        expiresAt: new Date(now.getTime() + options.expiresInDays * 24 * 60 * 60 * 1000),
        maxUses: options.maxUses,
        createdById,
      },
    });
    if (actor) {
      await writeAudit(
        {
          ...actor,
          action: "invitations.issue",
          fleetId,
          objectType: "InvitationCode",
          objectId: created.id,
          after: { hint: created.hint, expiresAt: created.expiresAt.toISOString(), maxUses: created.maxUses },
        },
        tx,
      );
    }
    return created;
  });
  return { id: row.id, code, hint: row.hint, expiresAt: row.expiresAt.toISOString(), maxUses: row.maxUses };
}

export async function listInvitationCodes(fleetId: string, now = new Date()): Promise<InvitationCodeSummary[]> {
  const rows = await db.invitationCode.findMany({ where: { fleetId }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map((r) => ({
    id: r.id,
    hint: r.hint,
    status: codeStatus(r, now),
    expiresAt: r.expiresAt.toISOString(),
    uses: r.uses,
    maxUses: r.maxUses,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/**
 * With an actor, the audit entry is written in the transaction of the revocation, or alone when the code was
 * revoked already (nothing changes, and the request is still on record).
 */
export async function revokeInvitationCode(fleetId: string, codeId: string, now = new Date(), actor?: AuditActor) {
  const code = await db.invitationCode.findFirst({ where: { id: codeId, fleetId } });
  if (!code) throw new DomainError("NOT_FOUND", text("invitations.code.notFound"));
  const entry = (revokedAt: string) =>
    actor && {
      ...actor,
      action: "invitations.revoke",
      fleetId,
      objectType: "InvitationCode",
      objectId: code.id,
      before: { revokedAt: null },
      after: { revokedAt },
    };
  if (code.revokedAt) {
    const revokedAt = code.revokedAt.toISOString();
    const alone = entry(revokedAt);
    if (alone) await writeAudit(alone);
    return { id: code.id, hint: code.hint, revokedAt, alreadyRevoked: true };
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.invitationCode.update({ where: { id: code.id }, data: { revokedAt: now } });
    const revokedAt = updated.revokedAt!.toISOString();
    const withChange = entry(revokedAt);
    if (withChange) await writeAudit(withChange, tx);
    return { id: updated.id, hint: updated.hint, revokedAt, alreadyRevoked: false };
  });
}

/** Active codes Plugsurfing holds for the fleet; its 404 ("no active codes") arrives here as []. */
export async function listPlugsurfingCodes(
  fleetId: string,
  plugsurfing: FleetProvider = plugsurfingFleets(),
): Promise<string[]> {
  const fleet = await db.fleet.findUnique({ where: { id: fleetId }, select: { plugsurfingFleetId: true } });
  if (!fleet) throw new DomainError("NOT_FOUND", text("fleets.notFound"));
  const codes = await plugsurfing.listInvitationCodes(fleet.plugsurfingFleetId);
  return codes.map((c) => c.code);
}
