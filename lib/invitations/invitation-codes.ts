// The dashboard's own invitation codes for a fleet (issued, listed, revoked) and the codes Plugsurfing holds.
import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
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

/** The code in full is returned here and never again: only its hash is stored. */
export async function issueInvitationCode(
  fleetId: string,
  createdById: string,
  options: { expiresInDays: number; maxUses: number },
  now = new Date(),
) {
  const code = generateCode();
  const normalised = normaliseCode(code)!;
  const row = await db.invitationCode.create({
    data: {
      fleetId,
      codeHash: hashCode(normalised),
      hint: hintOf(normalised),
      expiresAt: new Date(now.getTime() + options.expiresInDays * 24 * 60 * 60 * 1000),
      maxUses: options.maxUses,
      createdById,
    },
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

export async function revokeInvitationCode(fleetId: string, codeId: string, now = new Date()) {
  const code = await db.invitationCode.findFirst({ where: { id: codeId, fleetId } });
  if (!code) throw new DomainError("NOT_FOUND", "That code does not exist in this fleet.");
  if (code.revokedAt)
    return { id: code.id, hint: code.hint, revokedAt: code.revokedAt.toISOString(), alreadyRevoked: true };
  const updated = await db.invitationCode.update({ where: { id: code.id }, data: { revokedAt: now } });
  return { id: updated.id, hint: updated.hint, revokedAt: updated.revokedAt!.toISOString(), alreadyRevoked: false };
}

/** Active codes Plugsurfing holds for the fleet; its 404 ("no active codes") arrives here as []. */
export async function listPlugsurfingCodes(
  fleetId: string,
  plugsurfing: FleetProvider = plugsurfingFleets(),
): Promise<string[]> {
  const fleet = await db.fleet.findUnique({ where: { id: fleetId }, select: { plugsurfingFleetId: true } });
  if (!fleet) throw new DomainError("NOT_FOUND", "That fleet does not exist.");
  const codes = await plugsurfing.listInvitationCodes(fleet.plugsurfingFleetId);
  return codes.map((c) => c.code);
}
