// A fleet's key figures: provider identifiers, members by role, active keys, open bookings, this month's cost.
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { FleetOverview } from "@/lib/fleets/fleet-overview";
import { serverFormatter } from "@/lib/format/server";

const ROLE_PLURALS: Record<Role, string> = {
  ADMIN: "admins",
  DISPATCHER: "dispatchers",
  MANAGER: "managers",
  DRIVER: "drivers",
};

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
  const limit = (minor: number | null) =>
    minor === null || !fleet.spendingLimitCurrency ? "no limit" : f.money(minor, fleet.spendingLimitCurrency);
  const members = ROLES.map((r) => {
    const count = fleet.membersByRole[r];
    return `${count} ${count === 1 ? ROLE_LABELS[r].toLowerCase() : ROLE_PLURALS[r]}`;
  });
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      <Figure label="Plugsurfing fleet id">
        <span className="font-mono" data-testid="plugsurfing-fleet-id">
          {fleet.plugsurfingFleetId}
        </span>
      </Figure>
      <Figure label="Billing with Petit Monde">
        {fleet.petitMondeFleetGroupId ? (
          <>
            Linked: bookings paid with the fleet&apos;s card are billed to its fleet group
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              Group id at Petit Monde: <span className="font-mono">{fleet.petitMondeFleetGroupId}</span>
            </span>
          </>
        ) : (
          "Not linked"
        )}
      </Figure>
      {fleet.petitMondeFleetGroupId && (
        <Figure label="Spending limits" wide>
          {limit(fleet.spendingLimitMonthlyMinor)} per month · {limit(fleet.spendingLimitSessionMinor)} per session
        </Figure>
      )}
      <Figure label="Members">
        <span data-testid="member-counts">{members.join(" · ")}</span>
      </Figure>
      <Figure label="Active charging keys">{fleet.activeKeys}</Figure>
      <Figure label="Open bookings">{fleet.openBookings}</Figure>
      <Figure label="Cost this month (UTC, incl. VAT)">{f.totals(fleet.monthCost)}</Figure>
    </dl>
  );
}
