// A fleet's key figures: provider identifiers, members by role, active keys, open bookings, this month's cost.
import { ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import type { FleetOverview } from "@/lib/fleets/fleet-overview";
import { MoneyTotals } from "@/components/fleets/money-totals-client";

function euros(minor: number | null): string {
  return minor === null ? "no limit" : `${(minor / 100).toFixed(2)} EUR`;
}

export function FleetFigures({ fleet }: { fleet: FleetOverview }) {
  const members = ROLES.map(
    (r) => `${fleet.membersByRole[r]} ${ROLE_LABELS[r].toLowerCase()}${fleet.membersByRole[r] === 1 ? "" : "s"}`,
  );
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Plugsurfing fleet id</dt>
        <dd className="font-mono" data-testid="plugsurfing-fleet-id">
          {fleet.plugsurfingFleetId}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Petit Monde fleet group</dt>
        <dd className="font-mono">{fleet.petitMondeFleetGroupId ?? "not linked"}</dd>
      </div>
      {fleet.petitMondeFleetGroupId && (
        <div className="sm:col-span-2">
          <dt className="text-slate-500 dark:text-slate-400">Spending limits</dt>
          <dd>
            {euros(fleet.spendingLimitMonthlyMinor)} per month · {euros(fleet.spendingLimitSessionMinor)} per session
          </dd>
        </div>
      )}
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Members</dt>
        <dd data-testid="member-counts">{members.join(" · ")}</dd>
      </div>
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Active charging keys</dt>
        <dd>{fleet.activeKeys}</dd>
      </div>
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Open bookings</dt>
        <dd>{fleet.openBookings}</dd>
      </div>
      <div>
        <dt className="text-slate-500 dark:text-slate-400">Cost this month (UTC, incl. VAT)</dt>
        <dd>
          <MoneyTotals amounts={fleet.monthCost} />
        </dd>
      </div>
    </dl>
  );
}
