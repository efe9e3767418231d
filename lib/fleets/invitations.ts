// Invitations to a fleet by email: nobody is added to a fleet without her consent. The admin's answer is
// the same whether or not the email has an account; the invited person accepts or declines in the app.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type FleetInvitationStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, text, type ErrorText } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import type { Translate } from "@/lib/i18n/messages";
import { hashesEqual } from "@/lib/invitations/code";
import { notifyAdminsOfDriverWithoutKey } from "@/lib/notifications/driver-without-key";
import { sendEmail } from "@/lib/notifications/email";
import { fleetInvitationEmail } from "@/lib/notifications/emails";
import { notificationRow } from "@/lib/notifications/kinds";
import { wordsFor, wordsOf } from "@/lib/notifications/words";
import { assertNotBlocked, recordFailure, TooManyAttemptsError, type LIMITS } from "@/lib/rate-limit";

type Tx = Prisma.TransactionClient;

export const INVITATION_NOTIFICATION = "fleet.invitation" as const;
export const INVITATIONS_PAGE = "/invitations";

/** Who asks, for the audit entry written with the change. */
export interface InvitationActor {
  actorId: string;
  ip: string | null;
}

/** The admin's answer: the same words and shape for an email with an account and one without. */
export interface InviteResult {
  email: string;
  message: string;
}

/** The admin's answer in the words of `errors` (the reader's, in an action); English by default. */
export function invitationSentMessage(email: string, errors: Translate = wordsOf("en", "errors")): string {
  return errors("invitations.sent", { email });
}

/** 192 random bits, URL-safe: the secret of the emailed link. Only its hash is stored. */
function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(`fleet-invitation:${token}`).digest("hex");
}

export function invitationLink(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/invite/${token}`;
}

/** `refusal` is an `errors` key under rateLimit that says what was refused, and in how many minutes to retry. */
function tooMany(error: TooManyAttemptsError, refusal: string): DomainError {
  return new DomainError("RATE_LIMITED", text(refusal, { minutes: Math.ceil(error.retryAfterSeconds / 60) }));
}

/** Counts one attempt against a limit, refusing it once the limit is reached. */
async function countAttempt(limit: keyof typeof LIMITS, key: string, refusal: string): Promise<void> {
  try {
    await assertNotBlocked([[limit, key]]);
    await recordFailure([[limit, key]]);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) throw tooMany(error, refusal);
    throw error;
  }
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The in-app notice of an invitation, for an account holder; `inviterName` null: the inviter is gone. */
async function notifyInvited(
  tx: Tx,
  userId: string,
  invitation: { id: string; role: Role },
  fleetName: string,
  inviterName: string | null,
): Promise<void> {
  await tx.notification.create({
    data: notificationRow({
      userId,
      kind: INVITATION_NOTIFICATION,
      facts: { inviter: inviterName, fleet: fleetName, role: invitation.role },
      data: { href: INVITATIONS_PAGE, invitationId: invitation.id },
    }),
  });
}

/** Marks the notices of an invitation read once it is answered or withdrawn. */
async function settleNotices(tx: Tx, invitationId: string, now: Date): Promise<void> {
  await tx.notification.updateMany({
    where: { kind: INVITATION_NOTIFICATION, readAt: null, data: { path: ["invitationId"], equals: invitationId } },
    data: { readAt: now },
  });
}

/**
 * Invites an email address to the fleet with a role. Whether or not the address has an account, the same
 * happens for the admin: one pending invitation (inviting again updates its role), an email with a link when
 * SMTP is set, and the same answer. An account holder also finds it in her notifications; someone without an
 * account finds it once she has signed up (with the link, or with an invitation code).
 */
export async function inviteByEmail(
  fleetId: string,
  values: { email: string; role: Role },
  actor: InvitationActor,
  now = new Date(),
): Promise<InviteResult> {
  await countAttempt("invitesPerActor", actor.actorId, "rateLimit.invitations");
  const email = values.email.trim().toLowerCase();
  // Members of this fleet are listed on the page the admin invites from: saying so reveals nothing new.
  if (await db.membership.findFirst({ where: { fleetId, user: { email } }, select: { id: true } })) {
    throw new DomainError("CONFLICT", text("invitations.alreadyMember", { email }), {
      email: [text("invitations.alreadyMemberField")],
    });
  }
  const [fleet, inviter] = await Promise.all([
    db.fleet.findUniqueOrThrow({ where: { id: fleetId }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.actorId }, select: { name: true } }),
  ]);
  const token = newToken();
  // The email is said in the language of the address's account, where it has one that chose a language.
  let recipientLocale: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const pending = await tx.fleetInvitation.findFirst({ where: { fleetId, email, status: "PENDING" } });
      const data = { role: values.role, invitedById: actor.actorId, tokenHash: hashInvitationToken(token) };
      const invitation = pending
        ? await tx.fleetInvitation.update({ where: { id: pending.id }, data })
        : await tx.fleetInvitation.create({ data: { ...data, fleetId, email, createdAt: now } });
      // Nothing in the entry says whether the address has an account: fleet admins read this log.
      await writeAudit(
        {
          ...actor,
          action: "fleets.members.invite",
          fleetId,
          objectType: "FleetInvitation",
          objectId: invitation.id,
          before: pending ? { email, role: pending.role, status: "pending" } : null,
          after: { email, role: invitation.role, status: "pending" },
        },
        tx,
      );
      const account = await tx.user.findUnique({ where: { email }, select: { id: true, locale: true } });
      recipientLocale = account?.locale ?? null;
      if (account && !pending) await notifyInvited(tx, account.id, invitation, fleet.name, inviter.name);
    });
  } catch (error) {
    // Two admins inviting the same address at the same moment: the other invitation stands.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return { email, message: invitationSentMessage(email) };
  }
  // One email for both: its link leads to signing in or, for someone without an account, to signing up.
  const invitationEmail = fleetInvitationEmail(
    { inviter: inviter.name, fleet: fleet.name, role: values.role, link: invitationLink(token) },
    wordsFor(recipientLocale),
  );
  await sendEmail({ to: email, ...invitationEmail }).catch((error: unknown) => {
    console.error(`[invitations] email for fleet ${fleetId} failed`, error);
    return false;
  });
  return { email, message: invitationSentMessage(email) };
}

/** Pending invitations of a fleet, for its admins. */
export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
}

export async function listPendingInvitations(fleetId: string): Promise<PendingInvitation[]> {
  const rows = await db.fleetInvitation.findMany({
    where: { fleetId, status: "PENDING" },
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: r.invitedBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** An invitation as the invited person sees it. */
export interface ReceivedInvitation {
  id: string;
  fleetName: string;
  role: Role;
  invitedBy: string | null;
  status: "pending" | "accepted" | "declined" | "withdrawn";
  createdAt: string;
  respondedAt: string | null;
}

const STATUS_WORDS: Record<FleetInvitationStatus, ReceivedInvitation["status"]> = {
  PENDING: "pending",
  ACCEPTED: "accepted",
  DECLINED: "declined",
  WITHDRAWN: "withdrawn",
};

/** The signed-in person's invitations: the pending ones, then those settled in the last 30 days. */
export async function listReceivedInvitations(email: string, now = new Date()): Promise<ReceivedInvitation[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await db.fleetInvitation.findMany({
    where: {
      email: email.trim().toLowerCase(),
      OR: [{ status: "PENDING" }, { respondedAt: { gte: since } }],
    },
    include: { fleet: { select: { name: true } }, invitedBy: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }],
    take: 50,
  });
  return rows
    .map((r) => ({
      id: r.id,
      fleetName: r.fleet.name,
      role: r.role,
      invitedBy: r.invitedBy?.name ?? null,
      status: STATUS_WORDS[r.status],
      createdAt: r.createdAt.toISOString(),
      respondedAt: r.respondedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending"));
}

export async function countPendingInvitations(email: string): Promise<number> {
  return db.fleetInvitation.count({ where: { email: email.trim().toLowerCase(), status: "PENDING" } });
}

const SETTLED_MESSAGES: Record<Exclude<FleetInvitationStatus, "PENDING">, ErrorText> = {
  ACCEPTED: text("invitations.alreadyAccepted"),
  DECLINED: text("invitations.alreadyDeclined"),
  WITHDRAWN: text("invitations.withdrawnByAdmin"),
};

const NOT_YOURS = text("invitations.notYours");

/**
 * Moves one of the person's own pending invitations to `status`, in the caller's transaction. An invitation
 * addressed to someone else reads as missing; a settled one says how it was settled.
 */
async function claimOwnInvitation(tx: Tx, email: string, invitationId: string, status: "ACCEPTED" | "DECLINED") {
  const invitation = await tx.fleetInvitation.findUnique({
    where: { id: invitationId },
    include: { fleet: { select: { name: true } } },
  });
  if (!invitation || !sameEmail(invitation.email, email)) throw new DomainError("NOT_FOUND", NOT_YOURS);
  const now = new Date();
  // Conditional, so two answers at once (or an answer and a withdrawal) settle it exactly once.
  const claimed = await tx.fleetInvitation.updateMany({
    where: { id: invitation.id, status: "PENDING" },
    data: { status, respondedAt: now },
  });
  if (claimed.count === 0) {
    const current = await tx.fleetInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    throw new DomainError("CONFLICT", SETTLED_MESSAGES[current.status as keyof typeof SETTLED_MESSAGES]);
  }
  await settleNotices(tx, invitation.id, now);
  return { ...invitation, now };
}

/** Tells the admin who invited her how she answered. */
async function tellInviter(
  tx: Tx,
  invitation: { id: string; invitedById: string | null; fleetId: string; fleet: { name: string } },
  who: string,
  answer: "accepted" | "declined",
): Promise<void> {
  if (!invitation.invitedById) return;
  await tx.notification.create({
    data: notificationRow({
      userId: invitation.invitedById,
      kind: "fleet.invitation-answered",
      facts: { who, fleet: invitation.fleet.name, answer },
      data: { href: `/fleets/${invitation.fleetId}`, invitationId: invitation.id },
    }),
  });
}

export interface AcceptResult {
  fleetId: string;
  fleetName: string;
  role: Role;
  /** She was a member already (joined with a code meanwhile): her role there is unchanged. */
  alreadyMember: boolean;
}

async function acceptInTx(
  tx: Tx,
  user: { id: string; email: string; name: string },
  invitationId: string,
  actor: InvitationActor,
  action: string,
): Promise<AcceptResult> {
  const invitation = await claimOwnInvitation(tx, user.email, invitationId, "ACCEPTED");
  const { fleetId } = invitation;
  const existing = await tx.membership.findUnique({ where: { userId_fleetId: { userId: user.id, fleetId } } });
  if (!existing) {
    await tx.membership.create({ data: { userId: user.id, fleetId, role: invitation.role } });
    if (invitation.role === "DRIVER") {
      await notifyAdminsOfDriverWithoutKey(tx, { fleetId, fleetName: invitation.fleet.name, driverId: user.id });
    }
  }
  await writeAudit(
    {
      ...actor,
      action,
      fleetId,
      objectType: "FleetInvitation",
      objectId: invitation.id,
      before: { status: "pending", email: invitation.email, role: invitation.role },
      after: {
        status: "accepted",
        userId: user.id,
        role: existing?.role ?? invitation.role,
        membership: existing ? "already a member" : "created",
      },
    },
    tx,
  );
  await tellInviter(tx, invitation, user.name, "accepted");
  return {
    fleetId,
    fleetName: invitation.fleet.name,
    role: existing?.role ?? invitation.role,
    alreadyMember: Boolean(existing),
  };
}

/** She accepts: the membership with the offered role, its audit entry and the invitation's end, at once. */
export async function acceptInvitation(
  user: { id: string; email: string; name: string },
  invitationId: string,
  actor: InvitationActor,
): Promise<AcceptResult> {
  try {
    return await db.$transaction((tx) => acceptInTx(tx, user, invitationId, actor, "fleets.invitations.accept"));
  } catch (error) {
    // She joined the same fleet with a code at this very moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", text("invitations.joinedAnotherWay"));
    }
    throw error;
  }
}

/** She declines: no membership; the fleet's log and the admin who invited her are told. */
export async function declineInvitation(
  user: { id: string; email: string; name: string },
  invitationId: string,
  actor: InvitationActor,
): Promise<{ fleetName: string }> {
  return db.$transaction(async (tx) => {
    const invitation = await claimOwnInvitation(tx, user.email, invitationId, "DECLINED");
    await writeAudit(
      {
        ...actor,
        action: "fleets.invitations.decline",
        fleetId: invitation.fleetId,
        objectType: "FleetInvitation",
        objectId: invitation.id,
        before: { status: "pending", email: invitation.email, role: invitation.role },
        after: { status: "declined" },
      },
      tx,
    );
    await tellInviter(tx, invitation, user.name, "declined");
    return { fleetName: invitation.fleet.name };
  });
}

/** An admin of the fleet takes a pending invitation back; the link and the notice stop working. */
export async function withdrawInvitation(
  fleetId: string,
  invitationId: string,
  actor: InvitationActor,
): Promise<{ id: string; email: string }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.fleetInvitation.findFirst({ where: { id: invitationId, fleetId } });
    if (!invitation) throw new DomainError("NOT_FOUND", text("invitations.notInFleet"));
    const now = new Date();
    const withdrawn = await tx.fleetInvitation.updateMany({
      where: { id: invitation.id, fleetId, status: "PENDING" },
      data: { status: "WITHDRAWN", respondedAt: now },
    });
    if (withdrawn.count === 0) {
      const current = await tx.fleetInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
      throw new DomainError(
        "CONFLICT",
        current.status === "WITHDRAWN"
          ? text("invitations.alreadyWithdrawn")
          : text(current.status === "ACCEPTED" ? "invitations.acceptedBy" : "invitations.declinedBy", {
              email: invitation.email,
            }),
      );
    }
    await settleNotices(tx, invitation.id, now);
    await writeAudit(
      {
        ...actor,
        action: "fleets.invitations.withdraw",
        fleetId,
        objectType: "FleetInvitation",
        objectId: invitation.id,
        before: { status: "pending", email: invitation.email, role: invitation.role },
        after: { status: "withdrawn" },
      },
      tx,
    );
    return { id: invitation.id, email: invitation.email };
  });
}

/** What the emailed link shows: only to whoever holds the link, i.e. the person it was sent to. */
export interface InvitationByLink {
  id: string;
  email: string;
  fleetName: string;
  role: Role;
  invitedBy: string | null;
  pending: boolean;
}

async function findByToken(token: string) {
  const tokenHash = hashInvitationToken(token);
  const row = await db.fleetInvitation.findUnique({
    where: { tokenHash },
    include: { fleet: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  return row && hashesEqual(row.tokenHash, tokenHash) ? row : null;
}

export async function getInvitationByLink(token: string): Promise<InvitationByLink | null> {
  const row = await findByToken(token);
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    fleetName: row.fleet.name,
    role: row.role,
    invitedBy: row.invitedBy?.name ?? null,
    pending: row.status === "PENDING",
  };
}

export const LINK_NOT_VALID = text("invitations.linkNotValid");
export const ACCOUNT_EXISTS = text("invitations.accountExists");

/**
 * Someone without an account, from the emailed link: her account (with the invitation's email) and the
 * membership in one transaction. Rate-limited per address; the link's secret is the proof she received it.
 */
export async function signUpWithInvitation(
  values: { token: string; name: string; password: string },
  ip: string | null,
): Promise<AcceptResult & { userId: string; email: string }> {
  const limitKey = ip ?? `link:${hashInvitationToken(values.token)}`;
  await countAttempt("invitationSignUpPerIp", limitKey, "rateLimit.signUps");
  const invitation = await findByToken(values.token);
  if (!invitation || invitation.status !== "PENDING") {
    throw new DomainError("VALIDATION", LINK_NOT_VALID, { token: [LINK_NOT_VALID] });
  }
  // Said only to the holder of the link, who received it at this address.
  if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
    throw new DomainError("CONFLICT", ACCOUNT_EXISTS);
  }
  const passwordHash = await hashPassword(values.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: invitation.email, name: values.name, passwordHash } });
      const accepted = await acceptInTx(
        tx,
        user,
        invitation.id,
        { actorId: user.id, ip },
        "fleets.invitations.sign-up-and-accept",
      );
      await noticeWaitingInvitations(tx, user);
      return { ...accepted, userId: user.id, email: user.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", ACCOUNT_EXISTS);
    }
    throw error;
  }
}

/**
 * A new account picks up the invitations already waiting for its email: each becomes a notification, in
 * the transaction that creates the account (sign-up with a code, or with another invitation's link).
 */
export async function noticeWaitingInvitations(tx: Tx, user: { id: string; email: string }): Promise<number> {
  const waiting = await tx.fleetInvitation.findMany({
    where: { email: user.email.trim().toLowerCase(), status: "PENDING" },
    include: { fleet: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  for (const invitation of waiting) {
    await notifyInvited(tx, user.id, invitation, invitation.fleet.name, invitation.invitedBy?.name ?? null);
  }
  return waiting.length;
}
