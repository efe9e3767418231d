// A fleet's key figures: provider identifiers, members by role, active keys, open bookings, this month's cost.
import { getTranslations } from "next-intl/server";
import { ROLES } from "@/lib/auth/permissions";
import type { FleetOverview } from "@/lib/fleets/fleet-overview";
import { serverFormatter } from "@/lib/format/server";

function Figure({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export async function FleetFigures({ fleet }: { fleet: FleetOverview }) {
  const f = await serverFormatter();
  const t = await getTranslations("fleets.figures");
  const limit = (minor: number | null) =>
    minor === null || !fleet.spendingLimitCurrency ? t("noLimit") : f.money(minor, fleet.spendingLimitCurrency);
  const members = ROLES.map((r) => t(`memberCount.${r}`, { count: fleet.membersByRole[r] }));
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      <Figure label={t("plugsurfingFleetId")}>
        <span className="font-mono" data-testid="plugsurfing-fleet-id">
          {fleet.plugsurfingFleetId}
        </span>
      </Figure>
      <Figure label={t("billing")}>
        {fleet.petitMondeFleetGroupId ? (
          <>
            {t("linked")}
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {t.rich("groupId", {
                id: fleet.petitMondeFleetGroupId,
                mono: (chunks) => <span className="font-mono">{chunks}</span>,
              })}
            </span>
          </>
        ) : (
          t("notLinked")
        )}
      </Figure>
      {fleet.petitMondeFleetGroupId && (
        <Figure label={t("spendingLimits")} wide>
          {t("limits", {
            monthly: limit(fleet.spendingLimitMonthlyMinor),
            session: limit(fleet.spendingLimitSessionMinor),
          })}
        </Figure>
      )}
      <Figure label={t("members")}>
        <span data-testid="member-counts">{members.join(" · ")}</span>
      </Figure>
      <Figure label={t("activeKeys")}>{fleet.activeKeys}</Figure>
      <Figure label={t("openBookings")}>{fleet.openBookings}</Figure>
      <Figure label={t("monthCost")}>{f.totals(fleet.monthCost)}</Figure>
    </dl>
  );
}
