// Invitations by email against a real database, through the actions: nobody joins a fleet without
// accepting, the admin's answer (and the email) never tell whether an address has an account, only the
// invited person answers, admins withdraw, the invite is rate-limited per admin, and someone without an
// account picks the invitation up when she signs up (from the link, or with a code).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
const outbox = vi.hoisted(() => ({ sent: [] as Array<{ to: string; subject: string; text: string }> }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
// SMTP is "set": what would be sent is kept here.
vi.mock("@/lib/notifications/email", () => ({
  sendEmail: async (message: { to: string; subject: string; text: string }) => {
    outbox.sent.push(message);
    return true;
  },
}));

const { db } = await import("@/lib/db");
const fleets = await import("@/lib/actions/fleets");
const answers = await import("@/lib/actions/fleet-invitations");
const notifications = await import("@/lib/actions/notifications");
const { invitationSentMessage, INVITATION_NOTIFICATION, listReceivedInvitations } =
  await import("@/lib/fleets/invitations");
const { issueInvitationCode } = await import("@/lib/invitations/invitation-codes");
const { signUpAndJoin } = await import("@/lib/invitations/redeem");
const { LIMITS } = await import("@/lib/rate-limit");

const RUN = Math.random().toString(36).slice(2, 8);
const email = (label: string) => `${label}-${RUN}@test.local`;

let organizationId = "";
let fleetId = "";
let otherFleetId = "";
let adminId = "";

async function newFleet(name: string) {
  return (await db.fleet.create({ data: { organizationId, name, plugsurfingFleetId: `inv-${name}-${RUN}` } })).id;
}

async function newUser(label: string, memberships: Array<{ fleetId: string; role: Role }> = []) {
  const user = await db.user.create({ data: { email: email(label), name: `${label} person`, passwordHash: "x" } });
  for (const m of memberships) await db.membership.create({ data: { userId: user.id, ...m } });
  return user;
}

/** Signs in as the user, with the memberships the database holds now (as getCurrentUser reads them). */
async function signIn(userId: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { fleet: { select: { name: true } } } } },
  });
  session.user = {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: user.memberships.map((m) => ({ fleetId: m.fleetId, fleetName: m.fleet.name, role: m.role })),
  };
}

async function invite(address: string, role: Role = "DRIVER", inFleet = fleetId) {
  await signIn(adminId);
  return fleets.inviteMemberAction({ fleetId: inFleet, email: address, role });
}

async function pendingInvitation(address: string, inFleet = fleetId) {
  return db.fleetInvitation.findFirstOrThrow({ where: { fleetId: inFleet, email: address, status: "PENDING" } });
}

async function membership(userId: string, inFleet = fleetId) {
  return db.membership.findUnique({ where: { userId_fleetId: { userId, fleetId: inFleet } } });
}

/** The link's secret, from the last email sent to the address. */
function tokenFrom(address: string): string {
  const mail = outbox.sent.findLast((m) => m.to === address);
  const token = mail?.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation link was emailed to ${address}`);
  return token;
}

beforeAll(async () => {
  organizationId = (await db.organization.create({ data: { name: "Invitations org" } })).id;
  fleetId = await newFleet("berlin");
  // Another organisation's fleet, where the invited people already belong.
  const elsewhere = (await db.organization.create({ data: { name: "Another org" } })).id;
  otherFleetId = (
    await db.fleet.create({ data: { organizationId: elsewhere, name: "Elsewhere", plugsurfingFleetId: `else-${RUN}` } })
  ).id;
  adminId = (await newUser("admin", [{ fleetId, role: "ADMIN" }])).id;
});

beforeEach(() => {
  outbox.sent = [];
});

afterAll(async () => {
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

describe("inviting an address that has an account", () => {
  it("creates a pending invitation and a notification for her, and no membership", async () => {
    const dana = await newUser("dana", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    const result = await invite(dana.email, "DISPATCHER");
    expect(result).toEqual({ ok: true, data: { email: dana.email, message: invitationSentMessage(dana.email) } });

    expect(await membership(dana.id)).toBeNull();
    const invitation = await pendingInvitation(dana.email);
    expect(invitation).toMatchObject({ role: "DISPATCHER", invitedById: adminId, respondedAt: null });
    const notices = await db.notification.findMany({ where: { userId: dana.id, kind: INVITATION_NOTIFICATION } });
    expect(notices).toHaveLength(1);
    expect(notices[0].data).toMatchObject({ href: "/invitations", invitationId: invitation.id });
    // Her own fleet is untouched, and the entry in this fleet's log is written with the invitation.
    expect(await membership(dana.id, otherFleetId)).toMatchObject({ role: "DRIVER" });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "fleets.members.invite", objectId: invitation.id },
    });
    expect(entry).toMatchObject({ fleetId, actorId: adminId, after: { email: dana.email, role: "DISPATCHER" } });
  });

  it("tells her in the language she chose: her notification in the bell, and the email", async () => {
    const greta = await newUser("greta", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    await db.user.update({ where: { id: greta.id }, data: { locale: "de" } });
    expect((await invite(greta.email, "DRIVER")).ok).toBe(true);

    const mail = outbox.sent.find((m) => m.to === greta.email)!;
    expect(mail.subject).toBe("admin person hat Sie zu berlin bei Fleet Charging eingeladen");
    expect(mail.text.split("\n")[0]).toBe("admin person hat Sie eingeladen, der Flotte berlin als Fahrer beizutreten.");

    // Stored in English; listed for her in German.
    const [stored] = await db.notification.findMany({ where: { userId: greta.id, kind: INVITATION_NOTIFICATION } });
    expect(stored.title).toBe("admin person invited you to join berlin");
    await signIn(greta.id);
    session.user = { ...session.user!, locale: "de" };
    expect(await notifications.listNotificationsAction({ limit: 5 })).toMatchObject({
      ok: true,
      data: {
        unread: 1,
        items: [
          {
            id: stored.id,
            title: "admin person hat Sie eingeladen, berlin beizutreten",
            body: "Als Fahrer. Bis Sie annehmen, ändert sich nichts: Öffnen Sie „Einladungen“, um anzunehmen oder abzulehnen.",
            data: { href: "/invitations" },
          },
        ],
      },
    });
    // Someone reading English sees the same notice as it was stored.
    session.user = { ...session.user!, locale: "en" };
    expect(await notifications.listNotificationsAction({ limit: 5 })).toMatchObject({
      ok: true,
      data: { items: [{ title: stored.title, body: stored.body }] },
    });
  });

  it("answers an existing member of this fleet that she is one (the admin sees the members anyway)", async () => {
    const member = await newUser("member", [{ fleetId, role: "DRIVER" }]);
    expect(await invite(member.email)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.fleetInvitation.count({ where: { email: member.email } })).toBe(0);
  });
});

describe("no answer tells whether an address has an account", () => {
  it("gives the same reply, email and audit entry for an address with an account and one without", async () => {
    const known = await newUser("known", [{ fleetId: otherFleetId, role: "MANAGER" }]);
    const unknown = email("nobody");
    const withAccount = await invite(known.email, "MANAGER");
    const withoutAccount = await invite(unknown, "MANAGER");
    const blind = (value: unknown, address: string) => JSON.stringify(value).replaceAll(address, "ADDRESS");

    expect(withAccount.ok).toBe(true);
    expect(blind(withAccount, known.email)).toBe(blind(withoutAccount, unknown));
    // Nothing was created for the unknown address but the invitation itself.
    expect(await db.user.findUnique({ where: { email: unknown } })).toBeNull();
    expect((await pendingInvitation(unknown)).role).toBe("MANAGER");

    // The emails are alike too: both lead to the same kind of link.
    const [toKnown, toUnknown] = [known.email, unknown].map((to) => outbox.sent.find((m) => m.to === to)!);
    expect(blind({ ...toKnown, text: toKnown.text.replace(tokenFrom(known.email), "TOKEN") }, known.email)).toBe(
      blind({ ...toUnknown, text: toUnknown.text.replace(tokenFrom(unknown), "TOKEN") }, unknown),
    );

    const entries = await db.auditLog.findMany({
      where: { action: "fleets.members.invite", after: { path: ["role"], equals: "MANAGER" } },
      orderBy: { at: "asc" },
    });
    const shapes = entries.map((e) => ({ ...e, id: "", at: "", objectId: "" }));
    expect(shapes).toHaveLength(2);
    expect(blind(shapes[0], known.email)).toBe(blind(shapes[1], unknown));
  });

  it("limits invitations per admin, with the same refusal for every address", async () => {
    const busyAdmin = await newUser("busy", [{ fleetId, role: "ADMIN" }]);
    await signIn(busyAdmin.id);
    const limit = LIMITS.invitesPerActor.points;
    for (let i = 0; i < limit; i++) {
      const result = await fleets.inviteMemberAction({ fleetId, email: email(`probe-${i}`), role: "DRIVER" });
      expect(result.ok, `invitation ${i + 1}`).toBe(true);
    }
    const refused = await fleets.inviteMemberAction({ fleetId, email: email("one-too-many"), role: "DRIVER" });
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(await db.fleetInvitation.count({ where: { email: email("one-too-many") } })).toBe(0);
    // Another admin is not held up by this one.
    expect((await invite(email("someone-else"))).ok).toBe(true);
  });
});

describe("answering", () => {
  it("accepting creates the membership with the offered role, with its audit entry", async () => {
    const erin = await newUser("erin", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    await invite(erin.email, "MANAGER");
    const invitation = await pendingInvitation(erin.email);

    await signIn(erin.id);
    const accepted = await answers.acceptInvitationAction({ invitationId: invitation.id });
    expect(accepted).toEqual({
      ok: true,
      data: { fleetId, fleetName: "berlin", role: "MANAGER", alreadyMember: false },
    });
    expect(await membership(erin.id)).toMatchObject({ role: "MANAGER" });
    expect(await db.fleetInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      status: "ACCEPTED",
      respondedAt: expect.any(Date),
    });
    expect(
      await db.auditLog.findFirst({
        where: { action: "fleets.invitations.accept", objectId: invitation.id, actorId: erin.id, fleetId },
      }),
    ).toMatchObject({ after: { status: "accepted", role: "MANAGER", userId: erin.id } });
    // Her notice is settled; the admin who invited her is told.
    expect(
      await db.notification.count({ where: { userId: erin.id, kind: INVITATION_NOTIFICATION, readAt: null } }),
    ).toBe(0);
    expect(await db.notification.count({ where: { userId: adminId, kind: "fleet.invitation-answered" } })).toBe(1);

    // Accepting twice changes nothing and says why.
    expect(await answers.acceptInvitationAction({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "You have already accepted this invitation." },
    });
    session.user = { ...session.user!, locale: "de" };
    expect(await answers.acceptInvitationAction({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Sie haben diese Einladung bereits angenommen." },
    });
  });

  it("declining creates no membership", async () => {
    const fay = await newUser("fay", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    await invite(fay.email, "ADMIN");
    const invitation = await pendingInvitation(fay.email);
    await signIn(fay.id);
    expect(await answers.declineInvitationAction({ invitationId: invitation.id })).toEqual({
      ok: true,
      data: { fleetName: "berlin" },
    });
    expect(await membership(fay.id)).toBeNull();
    expect((await db.fleetInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("DECLINED");
    expect(await db.auditLog.count({ where: { action: "fleets.invitations.decline", objectId: invitation.id } })).toBe(
      1,
    );
    // Declined is final: it cannot be accepted afterwards.
    expect(await answers.acceptInvitationAction({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await membership(fay.id)).toBeNull();
  });

  it("refuses anyone else the invitation: another user, and the admin who sent it", async () => {
    const gus = await newUser("gus", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    await invite(gus.email, "ADMIN");
    const invitation = await pendingInvitation(gus.email);
    const intruder = await newUser("intruder", [{ fleetId: otherFleetId, role: "ADMIN" }]);

    for (const who of [intruder.id, adminId]) {
      await signIn(who);
      for (const answer of [answers.acceptInvitationAction, answers.declineInvitationAction]) {
        expect(await answer({ invitationId: invitation.id })).toMatchObject({
          ok: false,
          error: { code: "NOT_FOUND", message: "This invitation does not exist or is not addressed to you." },
        });
      }
    }
    expect(await membership(intruder.id)).toBeNull();
    expect((await db.fleetInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
    expect(await listReceivedInvitations(intruder.email)).toEqual([]);
    // Signed out: nothing at all.
    session.user = null;
    expect(await answers.acceptInvitationAction({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
  });
});

describe("withdrawing", () => {
  it("lets an admin of the fleet withdraw a pending invitation, which can then not be accepted", async () => {
    const hal = await newUser("hal", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    await invite(hal.email);
    const invitation = await pendingInvitation(hal.email);
    await signIn(adminId);
    expect(await fleets.withdrawInvitationAction({ fleetId, invitationId: invitation.id })).toEqual({
      ok: true,
      data: { id: invitation.id, email: hal.email },
    });
    expect(
      await db.auditLog.findFirst({ where: { action: "fleets.invitations.withdraw", objectId: invitation.id } }),
    ).toMatchObject({ fleetId, actorId: adminId, after: { status: "withdrawn" } });
    await signIn(hal.id);
    expect(await answers.acceptInvitationAction({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "The fleet's admin has withdrawn this invitation." },
    });
    expect(await membership(hal.id)).toBeNull();
  });

  it("refuses other fleets' admins and this fleet's other roles", async () => {
    const ida = await newUser("ida", [{ fleetId: otherFleetId, role: "DRIVER" }]);
    await invite(ida.email);
    const invitation = await pendingInvitation(ida.email);
    // An admin of another fleet, naming her own fleet: the invitation is not there.
    const outsider = await newUser("outsider", [{ fleetId: otherFleetId, role: "ADMIN" }]);
    await signIn(outsider.id);
    expect(await fleets.withdrawInvitationAction({ fleetId: otherFleetId, invitationId: invitation.id })).toMatchObject(
      { ok: false, error: { code: "NOT_FOUND" } },
    );
    expect(await fleets.withdrawInvitationAction({ fleetId, invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const dispatcher = await newUser("dispatcher", [{ fleetId, role: "DISPATCHER" }]);
    await signIn(dispatcher.id);
    expect(await fleets.withdrawInvitationAction({ fleetId, invitationId: invitation.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await db.fleetInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
  });
});

describe("an address without an account", () => {
  it("signs up from the emailed link and lands in the fleet with the offered role", async () => {
    const address = email("newcomer");
    await invite(address, "DISPATCHER");
    const token = tokenFrom(address);
    session.user = null;
    const signedUp = await answers.signUpWithInvitationAction({ token, name: "Nora New", password: "a-long-password" });
    expect(signedUp).toMatchObject({
      ok: true,
      data: { email: address, fleetId, role: "DISPATCHER", alreadyMember: false },
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: address } });
    expect(await membership(user.id)).toMatchObject({ role: "DISPATCHER" });
    expect(
      await db.auditLog.count({
        where: { action: "fleets.invitations.sign-up-and-accept", actorId: user.id, fleetId },
      }),
    ).toBe(1);
    // The link is spent.
    expect(
      await answers.signUpWithInvitationAction({ token, name: "Nora Again", password: "a-long-password" }),
    ).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("finds the invitation in her notifications when she signs up with a code instead", async () => {
    const address = email("coder");
    await invite(address, "MANAGER");
    const code = await issueInvitationCode(otherFleetId, adminId, { expiresInDays: 7, maxUses: 1 });
    const { userId } = await signUpAndJoin(
      { name: "Cody", email: address, password: "a-long-password", code: code.code },
      "10.9.9.9",
    );
    const notices = await db.notification.findMany({ where: { userId, kind: INVITATION_NOTIFICATION } });
    expect(notices).toHaveLength(1);
    expect(await membership(userId)).toBeNull();

    const invitation = await pendingInvitation(address);
    await signIn(userId);
    expect(await answers.acceptInvitationAction({ invitationId: invitation.id })).toMatchObject({ ok: true });
    expect(await membership(userId)).toMatchObject({ role: "MANAGER" });
  });

  it("does not let the link sign up an address that has an account meanwhile", async () => {
    const address = email("late");
    await invite(address);
    const token = tokenFrom(address);
    const user = await db.user.create({ data: { email: address, name: "Late", passwordHash: "x" } });
    expect(
      await answers.signUpWithInvitationAction({ token, name: "Someone", password: "a-long-password" }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await membership(user.id)).toBeNull();
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });
});
