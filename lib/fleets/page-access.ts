// Guards of the fleets pages: they belong to fleet ADMINs, whichever fleet is active in the switcher.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";

/** The list and "new fleet" pages: signed in and ADMIN of at least one fleet. */
export async function requireFleetsAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!user.memberships.some((m) => m.role === "ADMIN")) redirect("/forbidden?page=fleets");
  return user;
}

/** One fleet's page: a fleet the user does not administer is "not found", so its existence is not revealed. */
export async function requireAdminOfFleet(fleetId: string): Promise<CurrentUser> {
  const user = await requireFleetsAdmin();
  if (!user.memberships.some((m) => m.fleetId === fleetId && m.role === "ADMIN")) notFound();
  return user;
}
