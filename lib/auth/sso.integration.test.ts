// A sign-in through the identity provider against a throwaway PostgreSQL: the person is created into the SSO
// organisation with the roles her groups give, found again by her subject, linked by a verified email, refused when
// no group gives a role; a change of groups changes her roles; everything is audited. With SSO_ONLY, passwords are off.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OIDC_ISSUER = "https://idp.example.com";
  process.env.OIDC_CLIENT_ID = "fleet-dashboard";
  process.env.OIDC_CLIENT_SECRET = "client-secret";
  process.env.OIDC_NAME = "Example ID";
  process.env.OIDC_ORGANIZATION = "SSO test org";
  process.env.OIDC_ROLE_MAPPING =
    "fleet-dispatch=*:DISPATCHER, north-admins=sso-north:ADMIN, finance=sso-south:MANAGER";
});

import { db } from "@/lib/db";
import { hashPassword } from "./password";
import { signInWithSso } from "./sso";

const ISSUER = "https://idp.example.com";
let north = "";
let south = "";
let elsewhere = "";

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "SSO test org" } });
  north = (await db.fleet.create({ data: { organizationId: org.id, name: "North", plugsurfingFleetId: "sso-north" } }))
    .id;
  south = (await db.fleet.create({ data: { organizationId: org.id, name: "South", plugsurfingFleetId: "sso-south" } }))
    .id;
  const other = await db.organization.create({ data: { name: "Another org" } });
  elsewhere = (
    await db.fleet.create({
      data: { organizationId: other.id, name: "Elsewhere", plugsurfingFleetId: "sso-elsewhere" },
    })
  ).id;
});

const rolesOf = async (userId: string) =>
  Object.fromEntries(
    (await db.membership.findMany({ where: { userId } })).map((m) => [
      m.fleetId === north ? "north" : m.fleetId === south ? "south" : m.fleetId,
      m.role,
    ]),
  );
const actionsOf = async (userId: string) =>
  (await db.auditLog.findMany({ where: { actorId: userId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map(
    (a) => a.action,
  );

describe("single sign-on", () => {
  it("creates a new person into the organisation with the roles her groups give, and finds her again by her subject", async () => {
    const claims = {
      sub: "u-1",
      email: "Ines@Example.com",
      email_verified: true,
      name: "Ines",
      groups: ["fleet-dispatch"],
    };
    const first = await signInWithSso(ISSUER, claims);
    expect(first.refused).toBeUndefined();
    expect(first).toMatchObject({ email: "ines@example.com", name: "Ines" });
    expect(await rolesOf(first.id)).toEqual({ north: "DISPATCHER", south: "DISPATCHER" });
    expect(await db.user.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      ssoSubject: `${ISSUER} u-1`,
      passwordHash: "!",
    });

    const again = await signInWithSso(ISSUER, { ...claims, email: "ines.new@example.com" });
    expect(again.id).toBe(first.id);
    expect(await actionsOf(first.id)).toEqual([
      "sso.account-created",
      "sso.role-set",
      "sso.role-set",
      "auth.sign-in",
      "auth.sign-in",
    ]);
  });

  it("changes her roles when her groups change, and lets her in no more when none gives one", async () => {
    const claims = { sub: "u-2", email: "jon@example.com", name: "Jon", groups: ["fleet-dispatch", "north-admins"] };
    const { id } = await signInWithSso(ISSUER, claims);
    expect(await rolesOf(id)).toEqual({ north: "ADMIN", south: "DISPATCHER" });

    await signInWithSso(ISSUER, { ...claims, groups: ["finance"] });
    expect(await rolesOf(id)).toEqual({ south: "MANAGER" });
    const removal = await db.auditLog.findFirstOrThrow({ where: { actorId: id, action: "sso.role-removed" } });
    expect(removal).toMatchObject({ fleetId: north, before: { role: "ADMIN" } });

    expect((await signInWithSso(ISSUER, { ...claims, groups: "someone-else" })).refused).toBe("sso-no-role");
    expect(await rolesOf(id)).toEqual({});
  });

  it("leaves a membership in a fleet no rule names as it is", async () => {
    const claims = { sub: "u-3", email: "kai@example.com", name: "Kai", groups: ["finance"] };
    const { id } = await signInWithSso(ISSUER, claims);
    await db.membership.create({ data: { userId: id, fleetId: elsewhere, role: "DRIVER" } });
    await signInWithSso(ISSUER, { ...claims, groups: [] });
    expect(await rolesOf(id)).toEqual({ [elsewhere]: "DRIVER" });
  });

  it("creates nobody whom no group gives a role", async () => {
    const refused = await signInWithSso(ISSUER, { sub: "u-4", email: "lea@example.com", groups: ["visitors"] });
    expect(refused.refused).toBe("sso-no-role");
    expect(await db.user.count({ where: { email: "lea@example.com" } })).toBe(0);
  });

  it("links an account with the same verified email, and refuses an unverified one", async () => {
    const existing = await db.user.create({
      data: { email: "mia@example.com", name: "Mia", passwordHash: await hashPassword("long enough password") },
    });
    const unverified = await signInWithSso(ISSUER, {
      sub: "u-5",
      email: "mia@example.com",
      email_verified: false,
      groups: ["finance"],
    });
    expect(unverified.refused).toBe("sso-email-taken");
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).ssoSubject).toBeNull();

    const linked = await signInWithSso(ISSUER, { sub: "u-5", email: "mia@example.com", groups: ["finance"] });
    expect(linked.id).toBe(existing.id);
    expect(await actionsOf(existing.id)).toEqual(["sso.linked", "sso.role-set", "auth.sign-in"]);
    // Someone else at the identity provider with that email is not let into her account.
    expect((await signInWithSso(ISSUER, { sub: "u-6", email: "mia@example.com", groups: ["finance"] })).refused).toBe(
      "sso-email-taken",
    );
  });

  it("refuses claims without an email address", async () => {
    expect((await signInWithSso(ISSUER, { sub: "u-7", groups: ["finance"] })).refused).toBe("sso-no-email");
    expect((await signInWithSso(ISSUER, { email: "x@example.com", groups: ["finance"] })).refused).toBe("sso-no-email");
  });

  it("with SSO_ONLY, offers no password sign-in and refuses to set a password", async () => {
    const passwordsOn = await import("./options");
    expect(passwordsOn.authOptions().providers.map((p) => p.id)).toEqual(["oidc", "credentials"]);

    process.env.SSO_ONLY = "true";
    vi.resetModules();
    try {
      const { authOptions } = await import("./options");
      expect(authOptions().providers.map((p) => p.id)).toEqual(["oidc"]);
      const { assertPasswordsAllowed } = await import("./sso");
      expect(() => assertPasswordsAllowed()).toThrow("account.passwordsOff");
    } finally {
      delete process.env.SSO_ONLY;
      vi.resetModules();
    }
  });
});
