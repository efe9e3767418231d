// Who may open which page. Pages are also guarded on the server by requirePage(); the sidebar only hides links.
import type { Role } from "@/generated/prisma/enums";

export type { Role };
export const ROLES = ["ADMIN", "DISPATCHER", "MANAGER", "DRIVER"] as const satisfies readonly Role[];

export const PAGES = {
  map: { label: "Map", href: "/map", roles: ["ADMIN", "DISPATCHER"] },
  bookings: { label: "Bookings", href: "/bookings", roles: ["ADMIN", "DISPATCHER"] },
  "my-bookings": { label: "My bookings", href: "/my-bookings", roles: ["DRIVER"] },
  fleets: { label: "Fleets", href: "/fleets", roles: ["ADMIN"] },
  vehicles: { label: "Vehicles", href: "/vehicles", roles: ["ADMIN", "DISPATCHER", "MANAGER"] },
  keys: { label: "Charging keys", href: "/keys", roles: ["ADMIN", "DISPATCHER", "MANAGER"] },
  sessions: { label: "Sessions", href: "/sessions", roles: ["ADMIN", "DISPATCHER", "MANAGER", "DRIVER"] },
  alerts: { label: "Alerts", href: "/alerts", roles: ["ADMIN", "DISPATCHER", "MANAGER"] },
  reports: { label: "Reports", href: "/reports", roles: ["ADMIN", "MANAGER"] },
  audit: { label: "Audit log", href: "/audit", roles: ["ADMIN"] },
  settings: { label: "Settings", href: "/settings", roles: ["ADMIN", "DISPATCHER", "MANAGER", "DRIVER"] },
} as const satisfies Record<string, { label: string; href: string; roles: readonly Role[] }>;

export type PageKey = keyof typeof PAGES;
export const PAGE_ROLES: Record<PageKey, readonly Role[]> = Object.fromEntries(
  Object.entries(PAGES).map(([key, page]) => [key, page.roles]),
) as unknown as Record<PageKey, readonly Role[]>;

export function canOpenPage(role: Role, page: PageKey): boolean {
  return PAGE_ROLES[page].includes(role);
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case "DRIVER":
      return PAGES["my-bookings"].href;
    case "MANAGER":
      return PAGES.reports.href;
    case "ADMIN":
    case "DISPATCHER":
      return PAGES.map.href;
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}
