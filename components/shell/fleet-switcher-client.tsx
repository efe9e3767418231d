"use client";
// The fleet switcher: picks the active fleet, and follows the fleet whose page is on screen.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { homeFor, type Role } from "@/lib/auth/permissions";
import { switchFleetAction } from "@/lib/actions/account";

export interface FleetMembership {
  fleetId: string;
  fleetName: string;
  role: Role;
}

// Pages of one fleet name it in the URL and show it whichever fleet is active (lib/fleets/page-access.ts).
const FLEET_PAGE = /^\/fleets\/([^/]+)/;

function fleetIdInPath(pathname: string): string | null {
  const id = FLEET_PAGE.exec(pathname)?.[1];
  return id && id !== "new" ? id : null;
}

/**
 * The fleet the shell should show: the one whose page is open when the user belongs to it, else the
 * active one. Opening another fleet's page makes it the active fleet, so the pages after it agree.
 */
export function useShownFleetId(memberships: FleetMembership[], activeFleetId: string): string {
  const router = useRouter();
  const pathId = fleetIdInPath(usePathname());
  const viewed = memberships.some((m) => m.fleetId === pathId) ? pathId : null;
  const follow = useEffectEvent((fleetId: string) => {
    if (fleetId === activeFleetId) return;
    void switchFleetAction({ fleetId }).then((result) => {
      if (result.ok) router.refresh();
    });
  });
  // Only on arriving at a fleet's page: a switch made on that page is the user's to keep.
  useEffect(() => {
    if (viewed) follow(viewed);
  }, [viewed]);
  return viewed ?? activeFleetId;
}

export function FleetSwitcher({ memberships, shownFleetId }: { memberships: FleetMembership[]; shownFleetId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const t = useTranslations("shell");
  const roles = useTranslations("roles");
  if (memberships.length < 2) {
    return <p className="truncate px-3 text-sm font-medium">{memberships[0]?.fleetName}</p>;
  }
  const choose = (fleetId: string) => {
    const viewed = fleetIdInPath(pathname);
    const role = memberships.find((m) => m.fleetId === fleetId)?.role;
    // On a fleet's page, the same page of the chosen fleet: arriving there makes it the active one.
    if (viewed && role === "ADMIN") {
      router.push(pathname.replace(`/fleets/${viewed}`, `/fleets/${fleetId}`));
      return;
    }
    startTransition(async () => {
      const result = await switchFleetAction({ fleetId });
      if (!result.ok) return;
      queryClient.clear();
      if (viewed && role) router.push(homeFor(role));
      else router.refresh();
    });
  };
  return (
    <label className="block px-3">
      <span className="sr-only">{t("fleet")}</span>
      <select
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        value={shownFleetId}
        disabled={pending}
        aria-label={t("fleet")}
        onChange={(e) => choose(e.target.value)}
      >
        {memberships.map((m) => (
          <option key={m.fleetId} value={m.fleetId}>
            {t("fleetOption", { fleet: m.fleetName, role: roles(m.role) })}
          </option>
        ))}
      </select>
    </label>
  );
}
