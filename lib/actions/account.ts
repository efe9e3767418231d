"use server";
// Actions on the signed-in user's own account: which fleet they work in, their password, their language and
// time zone.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { userAction } from "@/lib/actions/safe-action";
import { DomainError, text } from "@/lib/errors";
import { setActiveFleet } from "@/lib/auth/session";
import { changePasswordInput, setLanguageInput, setTimeZoneInput, switchFleetInput } from "@/lib/auth/schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { renewSessionCookie } from "@/lib/auth/renew-session";
import { TooManyAttemptsError, assertNotBlocked, clearAttempts, recordFailure } from "@/lib/rate-limit";
import { assertPasswordsAllowed } from "@/lib/auth/sso";

export const switchFleetAction = userAction({
  name: "account.switch-fleet",
  input: switchFleetInput,
  mutation: false,
  async run({ input, user }) {
    // Only a fleet the user belongs to can become the active one.
    if (!user.memberships.some((m) => m.fleetId === input.fleetId)) {
      throw new DomainError("FORBIDDEN", text("account.notAMember"));
    }
    await setActiveFleet(input.fleetId);
    return { fleetId: input.fleetId };
  },
});

export const changePasswordAction = userAction({
  name: "account.change-password",
  input: changePasswordInput,
  mutation: true,
  async run({ input, user, actor }) {
    assertPasswordsAllowed();
    const attempts: Array<["currentPasswordPerAccount", string]> = [["currentPasswordPerAccount", user.id]];
    const record = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    try {
      await assertNotBlocked(attempts);
      if (!(await verifyPassword(input.currentPassword, record.passwordHash))) {
        await recordFailure(attempts);
        throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
          currentPassword: [text("account.wrongCurrentPassword")],
        });
      }
    } catch (error) {
      if (!(error instanceof TooManyAttemptsError)) throw error;
      const tooMany = text("rateLimit.wrongPasswords", { minutes: Math.ceil(error.retryAfterSeconds / 60) });
      throw new DomainError("RATE_LIMITED", tooMany, { currentPassword: [tooMany] });
    }
    await clearAttempts(attempts);
    // A new version ends every other session of the user; this one is renewed under it. The entry goes with
    // the new hash: a password that cannot be audited is not changed.
    const passwordHash = await hashPassword(input.newPassword);
    const who = await actor();
    const updated = await db.$transaction(async (tx) => {
      const changed = await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
      });
      await writeAudit({ ...who, action: "account.change-password", objectType: "User", objectId: user.id }, tx);
      return changed;
    });
    await renewSessionCookie(updated.sessionVersion);
    return { changed: true };
  },
});

export const setLanguageAction = userAction({
  name: "account.set-language",
  input: setLanguageInput,
  mutation: true,
  async run({ input, user, actor }) {
    const who = await actor();
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
      await tx.user.update({ where: { id: user.id }, data: { locale: input.locale } });
      await writeAudit(
        {
          ...who,
          action: "account.set-language",
          objectType: "User",
          objectId: user.id,
          before: { locale: before.locale },
          after: { locale: input.locale },
        },
        tx,
      );
    });
    return { locale: input.locale };
  },
});

export const setTimeZoneAction = userAction({
  name: "account.set-time-zone",
  input: setTimeZoneInput,
  mutation: true,
  async run({ input, user, actor }) {
    const who = await actor();
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { timeZone: true } });
      await tx.user.update({ where: { id: user.id }, data: { timeZone: input.timeZone } });
      await writeAudit(
        {
          ...who,
          action: "account.set-time-zone",
          objectType: "User",
          objectId: user.id,
          before: { timeZone: before.timeZone },
          after: { timeZone: input.timeZone },
        },
        tx,
      );
    });
    return { timeZone: input.timeZone };
  },
});
