// Single sign-on with OpenID Connect: the next-auth provider for the configured identity provider, and what a
// sign-in through it does here. The person is found by her identity provider's subject (or, the first time, by her
// verified email, and linked); a new one is created into the SSO organisation; her roles in the fleets that
// OIDC_ROLE_MAPPING manages are set from her groups (lib/auth/sso-mapping.ts). Every change and the sign-in itself
// are audited in one transaction. Someone whom no group gives a role, and who has no membership, is not let in.
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, text } from "@/lib/errors";
import { log } from "@/lib/observability/log";
import type { Role } from "./permissions";
import { groupsOf, parseRoleMapping, rolesFromGroups } from "./sso-mapping";

export const SSO_PROVIDER_ID = "oidc";

/** Why a sign-in through the identity provider was not let in: the sign-in page says it in words. */
export type SsoRefusal = "sso-no-role" | "sso-no-email" | "sso-email-taken" | "sso-no-organization";

export interface SsoUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** Set instead of a user when the sign-in is refused. */
  refused?: SsoRefusal;
}

/** Claims of the ID token that a sign-in reads. */
export type SsoClaims = Record<string, unknown> & { sub?: unknown; email?: unknown; name?: unknown };

/** Whether single sign-on is configured, and its name for the sign-in button. */
export function ssoSettings(): { name: string; only: boolean } | null {
  const e = env();
  return e.OIDC_ISSUER ? { name: e.OIDC_NAME, only: e.SSO_ONLY } : null;
}

/** Passwords are off: SSO_ONLY is set (env() checks that single sign-on is configured then). */
export function passwordsAllowed(): boolean {
  return !env().SSO_ONLY;
}

/** The next-auth provider for the configured identity provider; none when it is not configured. */
export function ssoProvider(): OAuthConfig<SsoClaims> | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  const issuer = e.OIDC_ISSUER.replace(/\/+$/, "");
  return {
    id: SSO_PROVIDER_ID,
    name: e.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    async profile(claims) {
      return signInWithSso(issuer, claims);
    },
  };
}

async function ssoOrganisation(): Promise<{ id: string } | null> {
  const wanted = env().OIDC_ORGANIZATION;
  if (wanted)
    return db.organization.findFirst({ where: { OR: [{ id: wanted }, { name: wanted }] }, select: { id: true } });
  const all = await db.organization.findMany({ select: { id: true }, take: 2 });
  return all.length === 1 ? all[0] : null; // with several, OIDC_ORGANIZATION must say which
}

// next-auth wants an id even for a sign-in its signIn callback then turns away (lib/auth/options.ts).
const refused = (why: SsoRefusal): SsoUser => ({
  id: `refused:${why}`,
  email: "",
  name: "",
  sessionVersion: 0,
  refused: why,
});

/** What a sign-in through the identity provider does here; never throws for what the provider sent. */
export async function signInWithSso(issuer: string, claims: SsoClaims, ip: string | null = null): Promise<SsoUser> {
  const e = env();
  const sub = typeof claims.sub === "string" && claims.sub ? claims.sub : null;
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email.toLowerCase() : null;
  if (!sub || !email) return refused("sso-no-email");
  const verified = claims.email_verified !== false;
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 100) : email;
  const subject = `${issuer} ${sub}`;

  const organisation = await ssoOrganisation();
  if (!organisation) {
    log.error({ event: "auth.sso_no_organization" }, "single sign-on has no organisation: set OIDC_ORGANIZATION");
    return refused("sso-no-organization");
  }
  const fleets = await db.fleet.findMany({
    where: { organizationId: organisation.id },
    select: { id: true, plugsurfingFleetId: true },
  });
  const roles = rolesFromGroups(parseRoleMapping(e.OIDC_ROLE_MAPPING), groupsOf(claims[e.OIDC_GROUPS_CLAIM]), fleets);

  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { ssoSubject: subject } });
    if (!user) {
      const sameEmail = await tx.user.findUnique({ where: { email }, include: { apiTokenAccount: true } });
      if (sameEmail && (sameEmail.ssoSubject || sameEmail.apiTokenAccount || !verified))
        return refused("sso-email-taken");
      if (sameEmail) {
        user = await tx.user.update({ where: { id: sameEmail.id }, data: { ssoSubject: subject } });
        await writeAudit({ actorId: user.id, action: "sso.linked", objectType: "User", objectId: user.id, ip }, tx);
      } else {
        if (![...roles.values()].some(Boolean)) return refused("sso-no-role");
        // No password: "!" is no argon2 hash, so no password ever matches it.
        user = await tx.user.create({ data: { email, name, passwordHash: "!", ssoSubject: subject } });
        await writeAudit(
          {
            actorId: user.id,
            action: "sso.account-created",
            objectType: "User",
            objectId: user.id,
            ip,
            after: { email },
          },
          tx,
        );
      }
    }
    await applyRoles(tx, user.id, roles, ip);
    if ((await tx.membership.count({ where: { userId: user.id } })) === 0) return refused("sso-no-role");
    await writeAudit(
      { actorId: user.id, action: "auth.sign-in", objectType: "User", objectId: user.id, ip, after: { method: "sso" } },
      tx,
    );
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  });
}

/** Sets the person's role in each fleet the mapping manages; a fleet no group gives a role in is left. */
async function applyRoles(
  tx: Prisma.TransactionClient,
  userId: string,
  roles: Map<string, Role | null>,
  ip: string | null,
) {
  const current = new Map(
    (await tx.membership.findMany({ where: { userId, fleetId: { in: [...roles.keys()] } } })).map((m) => [
      m.fleetId,
      m.role,
    ]),
  );
  for (const [fleetId, role] of roles) {
    const before = current.get(fleetId) ?? null;
    if (before === role) continue;
    const entry = {
      actorId: userId,
      fleetId,
      objectType: "Membership",
      objectId: userId,
      ip,
      before: { role: before },
    };
    if (role === null) {
      await tx.membership.delete({ where: { userId_fleetId: { userId, fleetId } } });
      await writeAudit({ ...entry, action: "sso.role-removed" }, tx);
    } else {
      await tx.membership.upsert({
        where: { userId_fleetId: { userId, fleetId } },
        create: { userId, fleetId, role },
        update: { role },
      });
      await writeAudit({ ...entry, action: "sso.role-set", after: { role } }, tx);
    }
  }
}

/** Refuses what would set a password (sign-ups, a password change) while SSO_ONLY turns passwords off. */
export function assertPasswordsAllowed(): void {
  if (!passwordsAllowed()) throw new DomainError("FORBIDDEN", text("account.passwordsOff", { name: env().OIDC_NAME }));
}
