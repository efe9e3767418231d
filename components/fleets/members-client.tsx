"use client";
// A fleet's members: invite by email (and withdraw invitations not yet answered), change roles, remove
// (optionally disabling a driver's charging keys). A removal still being synced with the charging provider
// shows "Syncing" on the member's row.
import { useTranslations } from "next-intl";
import type { PendingInvitation } from "@/lib/fleets/invitations";
import { InviteMemberForm } from "./fleet-forms-lazy";
import { MemberRowView, type MemberRow } from "./member-row-client";
import { PendingInvitations } from "./pending-invitations-client";

export function FleetMembers({
  fleetId,
  members,
  invitations,
  currentUserId,
}: {
  fleetId: string;
  members: MemberRow[];
  invitations: PendingInvitation[];
  currentUserId: string;
}) {
  const t = useTranslations("fleets.members");
  return (
    <div className="space-y-4">
      <InviteMemberForm fleetId={fleetId} />
      <PendingInvitations fleetId={fleetId} invitations={invitations} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm" aria-label={t("ariaLabel")}>
          <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th className="px-3 py-2">{t("member")}</th>
              <th className="px-3 py-2">{t("role")}</th>
              <th className="px-3 py-2">{t("enabledKeys")}</th>
              <th className="px-3 py-2">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRowView key={m.userId} fleetId={fleetId} member={m} isSelf={m.userId === currentUserId} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
