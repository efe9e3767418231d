// A password change ends every other session at their next request, and guesses at the current password
// are limited; a role change or a removal from a fleet holds from the very next request.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { LIMITS } from "@/lib/rate-limit";
import { hashPassword } from "./password";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sessionVersion?: number } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => session.current,
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { getCurrentUser } = await import("./session");
const { changePasswordAction, switchFleetAction } = await import("@/lib/actions/account");
const { assignBookingAction } = await import("@/lib/actions/bookings");

let userId = "";

beforeAll(async () => {
  userId = (
    await db.user.create({
      data: { email: "versions@test.local", name: "Versions", passwordHash: await hashPassword("old-password-1") },
    })
  ).id;
});

describe("session version", () => {
  it("ends sessions opened before a password change", async () => {
    session.current = { user: { id: userId, sessionVersion: 0 } };
    expect((await getCurrentUser())?.id).toBe(userId);
    const changed = await changePasswordAction({ currentPassword: "old-password-1", newPassword: "new-password-22" });
    expect(changed.ok).toBe(true);
    // The other device still holds version 0.
    expect(await getCurrentUser()).toBeNull();
    session.current = { user: { id: userId, sessionVersion: 1 } };
    expect((await getCurrentUser())?.id).toBe(userId);
  });

  it("limits guesses at the current password", async () => {
    session.current = { user: { id: userId, sessionVersion: 1 } };
    const codes: string[] = [];
    for (let i = 0; i <= LIMITS.currentPasswordPerAccount.points; i++) {
      const result = await changePasswordAction({
        currentPassword: `guess-${i}-xxxx`,
        newPassword: "another-password-3",
      });
      codes.push(result.ok ? "OK" : result.error.code);
    }
    expect(codes.slice(0, LIMITS.currentPasswordPerAccount.points)).toEqual(
      Array(LIMITS.currentPasswordPerAccount.points).fill("VALIDATION"),
    );
    expect(codes.at(-1)).toBe("RATE_LIMITED");
    // Even the right password waits until the block ends.
    const right = await changePasswordAction({ currentPassword: "new-password-22", newPassword: "another-password-3" });
    expect(right.ok ? "OK" : right.error.code).toBe("RATE_LIMITED");
    // Said in the language the user chose.
    await db.user.update({ where: { id: userId }, data: { locale: "de" } });
    const inGerman = await changePasswordAction({ currentPassword: "x", newPassword: "another-password-3" });
    expect(inGerman).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^Zu viele falsche Passwörter\. Versuchen Sie es in \d+ Minuten? erneut\.$/),
      },
    });
    expect(await switchFleetAction({ fleetId: "not-my-fleet" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: "Sie sind kein Mitglied dieser Flotte." },
    });
    await db.user.update({ where: { id: userId }, data: { locale: null } });
  });
});

describe("memberships", () => {
  it("a role change or a removal from the fleet holds from the next request of an open session", async () => {
    const org = await db.organization.create({ data: { name: "Roles org" } });
    const fleet = await db.fleet.create({
      data: { organizationId: org.id, name: "Roles", plugsurfingFleetId: "roles-fleet" },
    });
    const dan = await db.user.create({ data: { email: "dan@roles.test", name: "Dan", passwordHash: "x" } });
    await db.membership.create({ data: { userId: dan.id, fleetId: fleet.id, role: "DISPATCHER" } });
    session.current = { user: { id: dan.id, sessionVersion: 0 } };
    // A dispatcher may assign bookings: this one does not exist, which only a member allowed to ask is told.
    const asDispatcher = () => assignBookingAction({ fleetId: fleet.id, bookingId: "no-such-booking", driverId: null });
    const allowed = await asDispatcher();
    expect(!allowed.ok && allowed.error.code).toBe("NOT_FOUND");

    await db.membership.update({
      where: { userId_fleetId: { userId: dan.id, fleetId: fleet.id } },
      data: { role: "DRIVER" },
    });
    const asDriver = await asDispatcher();
    expect(!asDriver.ok && asDriver.error.code).toBe("FORBIDDEN");

    await db.membership.delete({ where: { userId_fleetId: { userId: dan.id, fleetId: fleet.id } } });
    const removed = await asDispatcher();
    expect(!removed.ok && removed.error.code).toBe("FORBIDDEN");
    expect((await getCurrentUser())?.memberships).toEqual([]);
  });
});
