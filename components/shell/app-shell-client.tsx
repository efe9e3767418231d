"use client";
// The app frame: a sidebar (a drawer on phones), the fleet switcher, the theme switch and the user menu.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  CalendarClock,
  ChartColumn,
  KeyRound,
  Map as MapIcon,
  Menu,
  Moon,
  ScrollText,
  Settings,
  Sun,
  Truck,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { Role } from "@/lib/auth/permissions";
import { NotificationBell } from "@/components/notifications/notification-bell-client";
import { FleetSwitcher, useShownFleetId, type FleetMembership } from "./fleet-switcher-client";
import { UserMenu } from "./user-menu-client";

interface NavItem {
  key: string;
  label: string;
  href: string;
}

interface AppShellProps {
  user: { name: string; email: string };
  memberships: FleetMembership[];
  activeFleetId: string;
  activeRole: Role;
  nav: NavItem[];
  children: ReactNode;
}

type HeaderMenu = "notifications" | "user";

const ICONS: Record<string, LucideIcon> = {
  map: MapIcon,
  bookings: CalendarClock,
  "my-bookings": CalendarClock,
  fleets: Truck,
  keys: KeyRound,
  sessions: Zap,
  reports: ChartColumn,
  audit: ScrollText,
  settings: Settings,
};

const themeListeners = new Set<() => void>();
const themeStore = {
  subscribe(listener: () => void) {
    themeListeners.add(listener);
    return () => themeListeners.delete(listener);
  },
  isDark: () => document.documentElement.classList.contains("dark"),
  setDark(dark: boolean) {
    document.documentElement.classList.toggle("dark", dark);
    localStorage.setItem("theme", dark ? "dark" : "light");
    themeListeners.forEach((l) => l());
  },
};

function ThemeToggle() {
  const t = useTranslations("shell");
  const dark = useSyncExternalStore(themeStore.subscribe, themeStore.isDark, () => false);
  return (
    <button
      type="button"
      onClick={() => themeStore.setDark(!dark)}
      className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      aria-pressed={dark}
      aria-label={dark ? t("lightTheme") : t("darkTheme")}
    >
      {dark ? <Sun className="size-4" aria-hidden /> : <Moon className="size-4" aria-hidden />}
    </button>
  );
}

export function AppShell({ user, memberships, activeFleetId, activeRole, nav, children }: AppShellProps) {
  const t = useTranslations("shell");
  const roles = useTranslations("roles");
  const pathname = usePathname();
  // The drawer belongs to the page it was opened on: navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  // One header menu at a time, and it too belongs to the page it was opened on.
  const [menu, setMenu] = useState<{ name: HeaderMenu; on: string } | null>(null);
  const openMenu = menu?.on === pathname ? menu.name : null;
  // A click on one menu's trigger opens it before the other sees the outside click and closes itself.
  const menuOpenChange = (name: HeaderMenu) => (value: boolean) =>
    setMenu((current) => (value ? { name, on: pathname } : current?.name === name ? null : current));
  const shownFleetId = useShownFleetId(memberships, activeFleetId);
  const shownRole = memberships.find((m) => m.fleetId === shownFleetId)?.role ?? activeRole;

  const sidebar = (
    <nav aria-label={t("mainNavigation")} className="flex h-full flex-col gap-4 py-4">
      <Link href="/" className="px-4 text-lg font-semibold">
        <Zap className="mr-1 inline size-5 text-brand-600" aria-hidden />
        {t("appName")}
      </Link>
      <FleetSwitcher memberships={memberships} shownFleetId={shownFleetId} />
      <ul className="flex-1 space-y-0.5 px-2">
        {nav.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          const Icon = ICONS[item.key] ?? Zap;
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-3 py-2 text-sm",
                  current
                    ? "bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
                    : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );

  return (
    <div className="flex min-h-dvh">
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
        {sidebar}
      </aside>
      {open && (
        <div className="fixed inset-0 z-40 md:hidden" role="dialog" aria-modal="true" aria-label={t("menu")}>
          <button className="absolute inset-0 bg-black/40" aria-label={t("closeMenu")} onClick={() => setOpen(false)} />
          <aside className="absolute inset-y-0 left-0 w-64 bg-white shadow-xl dark:bg-slate-900">{sidebar}</aside>
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
          <button
            type="button"
            className="rounded-md px-2 py-1 md:hidden"
            aria-label={t("openMenu")}
            aria-expanded={open}
            onClick={() => setOpen(true)}
          >
            <Menu className="size-5" aria-hidden />
          </button>
          <div className="flex-1" />
          <NotificationBell open={openMenu === "notifications"} onOpenChange={menuOpenChange("notifications")} />
          <ThemeToggle />
          <UserMenu
            user={user}
            roleLabel={roles(shownRole)}
            open={openMenu === "user"}
            onOpenChange={menuOpenChange("user")}
          />
        </header>
        <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
