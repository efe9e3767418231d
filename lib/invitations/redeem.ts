// Joining a fleet with a dashboard invitation code: rate-limited, constant-time checked, never over-used,
// and the fleet's admins told when the new driver has no charging key yet.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text, type ErrorText } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { assertNotBlocked, clearAttempts, recordFailure, TooManyAttemptsError } from "@/lib/rate-limit";
import { hashCode, hashesEqual, normaliseCode } from "@/lib/invitations/code";
import { codeStatus, type CodeStatus } from "@/lib/invitations/invitation-codes";
import { notifyAdminsOfDriverWithoutKey } from "@/lib/notifications/driver-without-key";
import { noticeWaitingInvitations } from "@/lib/fleets/invitations";

type Tx = Prisma.TransactionClient;

export const CODE_MESSAGES: Record<Exclude<CodeStatus, "active"> | "wrong", ErrorText> = {
  wrong: text("invitations.code.wrong"),
  expired: text("invitations.code.expired"),
  revoked: text("invitations.code.revoked"),
  "used-up": text("invitations.code.usedUp"),
};

export class InvitationCodeError extends DomainError {
  constructor(readonly reason: keyof typeof CODE_MESSAGES) {
    super("VALIDATION", CODE_MESSAGES[reason], { code: [CODE_MESSAGES[reason]] }, { reason });
  }
}

export interface JoinResult {
  fleetId: string;
  fleetName: string;
  /** True when the user was already a member: nothing changed and no use was counted. */
  alreadyMember: boolean;
}

type AttemptKeys = Array<["joinPerAccount" | "joinPerIp", string]>;

/** Per account, and per address when the address is known (never one bucket for every unknown client). */
function attemptKeys(account: string, ip: string | null): AttemptKeys {
  return ip
    ? [
        ["joinPerAccount", account],
        ["joinPerIp", ip],
      ]
    : [["joinPerAccount", account]];
}

function tooMany(error: TooManyAttemptsError): DomainError {
  const minutes = Math.ceil(error.retryAfterSeconds / 60);
  return new DomainError("RATE_LIMITED", text("rateLimit.invitationCodes", { minutes }));
}

/** Runs an attempt under the join limits: every failure counts, a success clears the account's count. */
async function limited<T>(keys: AttemptKeys, attempt: () => Promise<T>): Promise<T> {
  try {
    await assertNotBlocked(keys);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) throw tooMany(error);
    throw error;
  }
  try {
    const result = await attempt();
    await clearAttempts([keys[0]]);
    return result;
  } catch (error) {
    if (error instanceof InvitationCodeError) {
      try {
        await recordFailure(keys);
      } catch (limitError) {
        if (limitError instanceof TooManyAttemptsError) throw tooMany(limitError);
        throw limitError;
      }
    }
    throw error;
  }
}

/** The stored code matching what was typed, or a "wrong" error. The lookup is by hash; the match is confirmed in constant time. */
async function findCode(typed: string, now: Date) {
  const normalised = normaliseCode(typed);
  if (!normalised) throw new InvitationCodeError("wrong");
  const typedHash = hashCode(normalised);
  const row = await db.invitationCode.findUnique({
    where: { codeHash: typedHash },
    include: { fleet: { select: { name: true } } },
  });
  if (!row || !hashesEqual(row.codeHash, typedHash)) throw new InvitationCodeError("wrong");
  const status = codeStatus(row, now);
  if (status !== "active") throw new InvitationCodeError(status);
  return row;
}

/**
 * Counts one use and makes the user a DRIVER, in the caller's transaction. The use is counted by a
 * conditional UPDATE, so concurrent redemptions can never exceed maxUses. A driver without a charging key
 * in the fleet is announced to its admins in the same transaction.
 */
async function consumeCode(
  tx: Tx,
  code: { id: string; fleetId: string; fleet: { name: string } },
  userId: string,
  now: Date,
): Promise<void> {
  const counted = await tx.invitationCode.updateMany({
    where: { id: code.id, revokedAt: null, expiresAt: { gt: now }, uses: { lt: tx.invitationCode.fields.maxUses } },
    data: { uses: { increment: 1 } },
  });
  if (counted.count === 0) {
    const current = await tx.invitationCode.findUniqueOrThrow({ where: { id: code.id } });
    const status = codeStatus(current, now);
    throw new InvitationCodeError(status === "active" ? "used-up" : status);
  }
  await tx.invitationRedemption.create({ data: { codeId: code.id, userId } });
  await tx.membership.create({ data: { userId, fleetId: code.fleetId, role: "DRIVER" } });
  await notifyAdminsOfDriverWithoutKey(tx, { fleetId: code.fleetId, fleetName: code.fleet.name, driverId: userId });
}

/**
 * A signed-in user joins the code's fleet as a DRIVER. She is the actor: the audit entry is written in the
 * transaction that makes her a member, or alone when she already was one (nothing changed, still audited).
 */
export async function joinWithCode(
  userId: string,
  typedCode: string,
  ip: string | null,
  now = new Date(),
): Promise<JoinResult> {
  return limited(attemptKeys(`user:${userId}`, ip), async () => {
    const code = await findCode(typedCode, now);
    const alreadyMember = async () => {
      await writeAudit({
        actorId: userId,
        ip,
        action: "invitations.join",
        objectType: "Action",
        after: { alreadyMember: true },
      });
      return { fleetId: code.fleetId, fleetName: code.fleet.name, alreadyMember: true };
    };
    const existing = await db.membership.findUnique({ where: { userId_fleetId: { userId, fleetId: code.fleetId } } });
    if (existing) return alreadyMember();
    try {
      await db.$transaction(async (tx) => {
        await consumeCode(tx, code, userId, now);
        await writeAudit(
          {
            actorId: userId,
            ip,
            action: "invitations.join",
            fleetId: code.fleetId,
            objectType: "Membership",
            objectId: userId,
            before: null,
            after: { role: "DRIVER", via: "invitation-code" },
          },
          tx,
        );
      });
    } catch (error) {
      // The same user redeeming twice at once: the second finds the first's membership.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return alreadyMember();
      throw error;
    }
    return { fleetId: code.fleetId, fleetName: code.fleet.name, alreadyMember: false };
  });
}

export const EMAIL_TAKEN = text("invitations.emailTaken");

/**
 * A new driver: the account is created only together with a successful redemption and its audit entry
 * (under the new account), in one transaction, so a wrong code leaves no account behind.
 */
export async function signUpAndJoin(
  values: { name: string; email: string; password: string; code: string },
  ip: string | null,
  now = new Date(),
): Promise<JoinResult & { userId: string }> {
  return limited(attemptKeys(`email:${values.email}`, ip), async () => {
    const code = await findCode(values.code, now);
    // Checked after the code, so that account existence is only revealed to holders of a valid code.
    if (await db.user.findUnique({ where: { email: values.email }, select: { id: true } })) {
      throw new DomainError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    }
    const passwordHash = await hashPassword(values.password);
    try {
      const user = await db.$transaction(async (tx) => {
        const created = await tx.user.create({ data: { name: values.name, email: values.email, passwordHash } });
        await consumeCode(tx, code, created.id, now);
        await writeAudit(
          {
            actorId: created.id,
            ip,
            action: "invitations.sign-up-and-join",
            fleetId: code.fleetId,
            objectType: "Membership",
            objectId: created.id,
            after: { role: "DRIVER", via: "invitation-code", newAccount: true },
          },
          tx,
        );
        // Invitations by email already waiting for this address show up in the new account's notifications.
        await noticeWaitingInvitations(tx, created);
        return created;
      });
      return { userId: user.id, fleetId: code.fleetId, fleetName: code.fleet.name, alreadyMember: false };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new DomainError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      }
      throw error;
    }
  });
}
