// Dashboard invitation codes against a real database: hash-only storage, expiry, revocation, use limits
// under concurrency, sign-up that leaves nothing behind on a wrong code, and the join rate limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { issueInvitationCode, listInvitationCodes, revokeInvitationCode } =
  await import("@/lib/invitations/invitation-codes");
const { joinWithCode, signUpAndJoin, CODE_MESSAGES, EMAIL_TAKEN } = await import("@/lib/invitations/redeem");
const { verifyPassword } = await import("@/lib/auth/password");
const { LIMITS } = await import("@/lib/rate-limit");
const { failureWords, toFailure } = await import("@/lib/actions/errors");

let fleetId = "";
let adminId = "";
let ipCounter = 0;
/** A fresh IP per test, so that per-IP counts do not leak between tests. */
const freshIp = () => `10.0.0.${++ipCounter}`;

async function newUser(label: string) {
  return db.user.create({
    data: { email: `${label}-${Math.random().toString(36).slice(2, 8)}@test.local`, name: label, passwordHash: "x" },
  });
}

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Codes org" } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Codes fleet", plugsurfingFleetId: "codes-fleet" } })
  ).id;
  adminId = (await newUser("admin")).id;
  await db.membership.create({ data: { userId: adminId, fleetId, role: "ADMIN" } });
});

afterAll(async () => {
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

describe("issuing", () => {
  it("stores only the hash and a hint, never the code", async () => {
    const issued = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 5 });
    expect(issued.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const compact = issued.code.replaceAll("-", "");
    const row = await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(compact);
    expect(stored).not.toContain(issued.code);
    expect(stored).not.toContain(compact.slice(4)); // nothing beyond the 4-character hint
    expect(row.hint).toBe(compact.slice(0, 4));
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.auditLog.findMany();
    expect(JSON.stringify(audit)).not.toContain(compact);
  });
});

describe("joining with a code", () => {
  it("makes the user a DRIVER of the code's fleet, whatever the case and dashes", async () => {
    const issued = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 5 });
    const user = await newUser("joiner");
    const typed = ` ${issued.code.toLowerCase().replaceAll("-", " ")} `;
    const result = await joinWithCode(user.id, typed, freshIp());
    expect(result).toEqual({ fleetId, fleetName: "Codes fleet", alreadyMember: false });
    expect(
      (await db.membership.findUniqueOrThrow({ where: { userId_fleetId: { userId: user.id, fleetId } } })).role,
    ).toBe("DRIVER");
    expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).uses).toBe(1);
    expect(await db.invitationRedemption.count({ where: { codeId: issued.id, userId: user.id } })).toBe(1);

    // Again: nothing changes, no use is counted.
    expect(await joinWithCode(user.id, issued.code, freshIp())).toMatchObject({ alreadyMember: true });
    expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).uses).toBe(1);
  });

  it("tells wrong, expired, revoked and used-up codes apart", async () => {
    const user = await newUser("unlucky");
    const reasonOf = (code: string) =>
      joinWithCode(user.id, code, freshIp()).then(
        () => "joined",
        (error: { details?: { reason?: string }; text?: unknown; code: string }) => {
          expect(error.code).toBe("VALIDATION");
          expect(error.text).toEqual(CODE_MESSAGES[error.details!.reason as keyof typeof CODE_MESSAGES]);
          return error.details?.reason;
        },
      );

    expect(await reasonOf("ABCD-EFGH-JKMN-PQRS-TVWX")).toBe("wrong");
    expect(await reasonOf("not a code")).toBe("wrong");

    const expired = await issueInvitationCode(
      fleetId,
      adminId,
      { expiresInDays: 1, maxUses: 5 },
      new Date(Date.now() - 2 * 86_400_000),
    );
    expect(await reasonOf(expired.code)).toBe("expired");

    const revoked = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 5 });
    await revokeInvitationCode(fleetId, revoked.id);
    expect(await reasonOf(revoked.code)).toBe("revoked");

    const single = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 1 });
    await joinWithCode((await newUser("first")).id, single.code, freshIp());
    expect(await reasonOf(single.code)).toBe("used-up");

    expect(new Set(Object.values(CODE_MESSAGES).map((m) => m.key)).size).toBe(4);
    const wrong = await joinWithCode(user.id, "ABCD-EFGH-JKMN-PQRS-TVWX", freshIp()).catch((e: unknown) => e);
    const inGerman =
      "Dieser Code ist ungültig. Prüfen Sie ihn auf Tippfehler oder fragen Sie Ihren Flotten-Admin nach dem Code.";
    expect(toFailure(wrong, "test", failureWords("de"))).toMatchObject({
      message: inGerman,
      fieldErrors: { code: [inGerman] },
    });
    expect(await db.membership.findFirst({ where: { userId: user.id } })).toBeNull();

    const statuses = Object.fromEntries((await listInvitationCodes(fleetId)).map((c) => [c.id, c.status]));
    expect(statuses[expired.id]).toBe("expired");
    expect(statuses[revoked.id]).toBe("revoked");
    expect(statuses[single.id]).toBe("used-up");
  });

  it("never lets concurrent redemptions exceed the use limit", async () => {
    const issued = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 3 });
    const users = await Promise.all(Array.from({ length: 8 }, (_, i) => newUser(`racer${i}`)));
    const results = await Promise.allSettled(users.map((u) => joinWithCode(u.id, issued.code, freshIp())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect(r.reason.details.reason).toBe("used-up");
    expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).uses).toBe(3);
    expect(await db.invitationRedemption.count({ where: { codeId: issued.id } })).toBe(3);
    expect(await db.membership.count({ where: { fleetId, userId: { in: users.map((u) => u.id) } } })).toBe(3);
  });
});

describe("signing up with a code", () => {
  it("creates the account only together with the membership", async () => {
    const email = `new-driver-${Math.random().toString(36).slice(2, 8)}@test.local`;
    const values = { name: "New Driver", email, password: "correct horse battery", code: "ABCD-EFGH-JKMN-PQRS-TVWX" };
    await expect(signUpAndJoin(values, freshIp())).rejects.toMatchObject({ details: { reason: "wrong" } });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    const issued = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 2 });
    const joined = await signUpAndJoin({ ...values, code: issued.code }, freshIp());
    expect(joined).toMatchObject({ fleetId, fleetName: "Codes fleet" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ fleetId, role: "DRIVER" }]);
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);

    // The same email again: refused, and the code keeps its remaining use.
    await expect(signUpAndJoin({ ...values, code: issued.code }, freshIp())).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: [EMAIL_TAKEN] },
    });
    expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).uses).toBe(1);
  });
});

describe("rate limits", () => {
  it("blocks an account after too many failed attempts, even with a valid code", async () => {
    const user = await newUser("guesser");
    const valid = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 5 });
    const limit = LIMITS.joinPerAccount.points;
    const codes: string[] = [];
    for (let i = 0; i < limit + 1; i++) {
      // Each attempt from a new IP: only the per-account limit can stop it.
      const outcome = await joinWithCode(
        user.id,
        `ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ${String(i).padStart(2, "0")}`,
        freshIp(),
      ).catch((e) => e.code);
      codes.push(outcome);
    }
    expect(codes.slice(0, limit)).toEqual(Array(limit).fill("VALIDATION"));
    expect(codes[limit]).toBe("RATE_LIMITED");
    const blocked = await joinWithCode(user.id, valid.code, freshIp()).catch((e: unknown) => e);
    expect(blocked).toMatchObject({ code: "RATE_LIMITED" });
    expect(toFailure(blocked, "test").message).toMatch(/Too many attempts.*Try again in \d+ minutes?/);
    expect(toFailure(blocked, "test", failureWords("de")).message).toMatch(
      /^Zu viele Versuche mit Einladungscodes\. Versuchen Sie es in \d+ Minuten? erneut\.$/,
    );
    expect(await db.membership.findFirst({ where: { userId: user.id } })).toBeNull();
  });

  it("blocks an IP after too many failed attempts across accounts", async () => {
    const ip = freshIp();
    const limit = LIMITS.joinPerIp.points;
    let blockedAt = -1;
    for (let i = 0; i < limit + 2 && blockedAt < 0; i++) {
      const user = await newUser(`ip${i}`); // a new account each time: only the per-IP limit applies
      const code = await joinWithCode(user.id, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", ip).catch((e) => e.code);
      if (code === "RATE_LIMITED") blockedAt = i;
    }
    expect(blockedAt).toBe(limit);
    const valid = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 5 });
    await expect(joinWithCode((await newUser("late")).id, valid.code, ip)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Another IP is not affected.
    await expect(joinWithCode((await newUser("elsewhere")).id, valid.code, freshIp())).resolves.toMatchObject({
      alreadyMember: false,
    });
  });

  it("clears an account's failures once it joins", async () => {
    const user = await newUser("typo");
    await joinWithCode(user.id, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", freshIp()).catch(() => undefined);
    const valid = await issueInvitationCode(fleetId, adminId, { expiresInDays: 7, maxUses: 5 });
    await joinWithCode(user.id, valid.code, freshIp());
    const rows = await db.rateLimit.findMany({ where: { key: { contains: user.id } } });
    expect(rows.filter((r) => r.points > 0)).toEqual([]);
  });
});
