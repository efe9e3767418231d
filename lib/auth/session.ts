// The signed-in user, their fleet memberships, and the fleet they are working in.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { canOpenPage, homeFor, type PageKey, type Role } from "@/lib/auth/permissions";

export const ACTIVE_FLEET_COOKIE = "active-fleet";

export interface Membership {
  fleetId: string;
  fleetName: string;
  role: Role;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  /** The language the user chose in Settings ("en", "de"); null or absent = the browser's. */
  locale?: string | null;
  /** The IANA time zone the user chose in Settings; null or absent = the browser's. */
  timeZone?: string | null;
  memberships: Membership[];
}

/**
 * The principal of a request that is not a browser session: an API token's service account
 * (lib/api-tokens/authenticate.ts). While set, every action and route handler sees it as the current user,
 * so a token goes through the same fleet checks, denials and audit entries as a signed-in member.
 */
const principal = new AsyncLocalStorage<CurrentUser>();

/** Runs `fn` with `user` as the current user of everything it calls. */
export function runAsPrincipal<T>(user: CurrentUser, fn: () => Promise<T>): Promise<T> {
  return principal.run(user, fn);
}

/** The token's principal while one runs, else the signed-in user. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return principal.getStore() ?? sessionUser();
}

/** Reads the session and the user's memberships fresh from the database, once per request. */
const sessionUser = cache(async (): Promise<CurrentUser | null> => {
  await connection(); // per-request: never prerendered at build time
  const session = await getServerSession(authOptions());
  const { id, sessionVersion } = (session?.user ?? {}) as { id?: string; sessionVersion?: number };
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    include: { memberships: { include: { fleet: { select: { name: true } } }, orderBy: { createdAt: "asc" } } },
  });
  // Opened before the last password change: signed out, here and on every other device.
  if (!user || (sessionVersion ?? 0) !== user.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    memberships: user.memberships.map((m) => ({ fleetId: m.fleetId, fleetName: m.fleet.name, role: m.role })),
  };
});

/** Makes `fleetId` the fleet the user works in (the switcher, or a fleet just joined); a year-long cookie. */
export async function setActiveFleet(fleetId: string): Promise<void> {
  (await cookies()).set(ACTIVE_FLEET_COOKIE, fleetId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}

/** The fleet chosen in the fleet switcher, if the user still belongs to it; else their first fleet. */
export async function getActiveMembership(user: CurrentUser): Promise<Membership | null> {
  const chosen = (await cookies()).get(ACTIVE_FLEET_COOKIE)?.value;
  return user.memberships.find((m) => m.fleetId === chosen) ?? user.memberships[0] ?? null;
}

/**
 * Guards a page: signed-out users go to /login, users whose role in the active fleet may not open
 * the page go to /forbidden. Returns the context the page renders with.
 */
export async function requirePage(page: PageKey): Promise<{ user: CurrentUser; fleetId: string; role: Role }> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const membership = await getActiveMembership(user);
  if (!membership) redirect("/join");
  if (!canOpenPage(membership.role, page)) redirect(`/forbidden?page=${page}`);
  return { user, fleetId: membership.fleetId, role: membership.role };
}

export async function landingPathFor(user: CurrentUser): Promise<string> {
  const membership = await getActiveMembership(user);
  return membership ? homeFor(membership.role) : "/join";
}
