"use server";
// Actions on the signed-in user's own account: which fleet they work in, their password.
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { userAction } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { ACTIVE_FLEET_COOKIE } from "@/lib/auth/session";
import { changePasswordInput, switchFleetInput } from "@/lib/auth/schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

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
    const record = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!(await verifyPassword(input.currentPassword, record.passwordHash))) {
      throw new DomainError("VALIDATION", "Some fields need your attention.", {
        currentPassword: ["That is not your current password"],
      });
    }
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    audit({ objectType: "User", objectId: user.id });
    return { changed: true };
  },
});
