import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActiveMembership, getCurrentUser } from "@/lib/auth/session";
import { PAGES, canOpenPage, type PageKey } from "@/lib/auth/permissions";
import { AppShell } from "@/components/shell/app-shell-client";

/** The signed-in frame: sidebar, fleet switcher, user menu. Each page still checks its own access. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const active = await getActiveMembership(user);
  if (!active) redirect("/join");
  const t = await getTranslations("nav");
  const nav = (Object.keys(PAGES) as PageKey[])
    .filter((key) => canOpenPage(active.role, key))
    .map((key) => ({ key, label: t(key), href: PAGES[key].href }));
  return (
    <AppShell
      user={{ name: user.name, email: user.email }}
      memberships={user.memberships}
      activeFleetId={active.fleetId}
      activeRole={active.role}
      nav={nav}
    >
      {children}
    </AppShell>
  );
}
