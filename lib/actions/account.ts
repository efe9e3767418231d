"use server";
// Actions on the signed-in user's own account: which fleet they work in, their password.
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { userAction } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { ACTIVE_FLEET_COOKIE } from "@/lib/auth/session";
import { changePasswordInput, switchFleetInput } from "@/lib/auth/schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { renewSessionCookie } from "@/lib/auth/renew-session";
import { TooManyAttemptsError, assertNotBlocked, clearAttempts, recordFailure } from "@/lib/rate-limit";

export const switchFleetAction = userAction({
  name: "account.switch-fleet",
  input: switchFleetInput,
  mutation: false,
  async run({ input, user }) {
    // Only a fleet the user belongs to can become the active one.
    if (!user.memberships.some((m) => m.fleetId === input.fleetId)) {
      throw new DomainError("FORBIDDEN", "You are not a member of that fleet.");
    }
    (await cookies()).set(ACTIVE_FLEET_COOKIE, input.fleetId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
    return { fleetId: input.fleetId };
  },
});

export const changePasswordAction = userAction({
  name: "account.change-password",
  input: changePasswordInput,
  mutation: true,
  async run({ input, user, audit }) {
    const attempts: Array<["currentPasswordPerAccount", string]> = [["currentPasswordPerAccount", user.id]];
    const record = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    try {
      await assertNotBlocked(attempts);
      if (!(await verifyPassword(input.currentPassword, record.passwordHash))) {
        await recordFailure(attempts);
        throw new DomainError("VALIDATION", "Some fields need your attention.", {
          currentPassword: ["That is not your current password"],
        });
      }
    } catch (error) {
      if (!(error instanceof TooManyAttemptsError)) throw error;
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      throw new DomainError("RATE_LIMITED", `Too many wrong passwords. Try again in ${minutes} minutes.`, {
        currentPassword: [`Too many wrong passwords. Try again in ${minutes} minutes.`],
      });
    }
    await clearAttempts(attempts);
    // A new version ends every other session of the user; this one is renewed under it.
    const updated = await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
    });
    await renewSessionCookie(updated.sessionVersion);
    audit({ objectType: "User", objectId: user.id });
    return { changed: true };
  },
});
