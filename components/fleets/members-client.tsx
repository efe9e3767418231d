"use client";
// A fleet's members: invite by email (and withdraw invitations not yet answered), change roles, remove
// (optionally disabling a driver's charging keys). A removal still being synced with the charging provider
// shows "Syncing" on the member's row.
import type { PendingInvitation } from "@/lib/fleets/invitations";
import { InviteMemberForm } from "./invite-member-form-client";
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
  return (
    <div className="space-y-4">
      <InviteMemberForm fleetId={fleetId} />
      <PendingInvitations fleetId={fleetId} invitations={invitations} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm" aria-label="Members">
          <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th className="px-3 py-2">Member</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Enabled keys</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
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
