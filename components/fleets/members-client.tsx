"use client";
// A fleet's members: invite by email, change roles, remove (optionally disabling a driver's charging keys).
// A removal still being synced with the charging provider shows "Syncing" on the member's row.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { CopyButton } from "@/components/fleets/copy-button-client";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { inviteMemberAction, removeMemberAction, setMemberRoleAction } from "@/lib/actions/fleets";
import { inviteMemberInput } from "@/lib/fleets/schemas";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  enabledKeys: number;
  /** Their removal is being synced with the charging provider. */
  syncing?: boolean;
}

function InviteMemberForm({ fleetId }: { fleetId: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState("");
  const [invited, setInvited] = useState<{ email: string; temporaryPassword: string | null } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { fleetId, email: form.get("email"), name: form.get("name") || undefined, role: form.get("role") };
    setFormError("");
    setInvited(null);
    const parsed = inviteMemberInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      return;
    }
    setErrors({});
    setPending(true);
    const result = await inviteMemberAction(parsed.data);
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      if (!result.error.fieldErrors) setFormError(result.error.message);
      return;
    }
    setInvited({ email: parsed.data.email, temporaryPassword: result.data.temporaryPassword });
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Invite a member">
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField label="Email" name="email" type="email" autoComplete="off" error={errors.email} />
        <InputField label="Name (for new accounts)" name="name" error={errors.name} />
        <SelectField label="Role" name="role" defaultValue="DRIVER" error={errors.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
      </div>
      {formError && <p className="text-sm text-red-600 dark:text-red-400">{formError}</p>}
      {invited && (
        <div
          className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950"
          role="status"
          data-testid="invite-result"
        >
          {invited.temporaryPassword ? (
            <>
              <p>
                Account created for <strong>{invited.email}</strong>. Give them this temporary password — it is shown
                only now:
              </p>
              <p className="mt-2 flex items-center gap-2">
                <code
                  className="rounded bg-white px-2 py-1 font-mono dark:bg-slate-900"
                  data-testid="temporary-password"
                >
                  {invited.temporaryPassword}
                </code>
                <CopyButton value={invited.temporaryPassword} label="Copy password" />
              </p>
              <p className="mt-1 text-xs">They can change it under Settings after signing in.</p>
            </>
          ) : (
            <p>
              <strong>{invited.email}</strong> already had an account and was added to this fleet.
            </p>
          )}
        </div>
      )}
      <Button type="submit" loading={pending}>
        Invite
      </Button>
    </form>
  );
}

function MemberRowView({ fleetId, member, isSelf }: { fleetId: string; member: MemberRow; isSelf: boolean }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [disableKeys, setDisableKeys] = useState(true);
  const [pending, setPending] = useState(false);

  async function changeRole(role: Role) {
    setError("");
    setPending(true);
    const result = await setMemberRoleAction({ fleetId, userId: member.userId, role });
    setPending(false);
    if (!result.ok) setError(result.error.message);
    router.refresh();
  }

  async function remove() {
    setError("");
    setPending(true);
    const result = await removeMemberAction({
      fleetId,
      userId: member.userId,
      disableKeys: member.role === "DRIVER" && disableKeys,
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setConfirming(false);
    router.refresh();
  }

  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`member-${member.email}`}>
      <td className="px-3 py-2">
        {member.name} {isSelf && <Badge>you</Badge>} {member.syncing && <SyncingBadge />}
        <span className="block text-xs text-slate-500">{member.email}</span>
      </td>
      <td className="px-3 py-2">
        <label className="sr-only" htmlFor={`role-${member.userId}`}>
          Role of {member.email}
        </label>
        <select
          id={`role-${member.userId}`}
          value={member.role}
          disabled={pending}
          onChange={(e) => changeRole(e.target.value as Role)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2 text-sm">{member.enabledKeys}</td>
      <td className="px-3 py-2">
        {member.syncing ? (
          <span className="text-xs text-slate-500">Being removed…</span>
        ) : !confirming ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => setConfirming(true)}
            aria-label={`Remove ${member.email}`}
          >
            Remove
          </Button>
        ) : (
          <div className="space-y-2 text-sm" role="group" aria-label={`Confirm removing ${member.email}`}>
            <p>Remove {member.name} from this fleet?</p>
            {member.role === "DRIVER" && (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={disableKeys} onChange={(e) => setDisableKeys(e.target.checked)} />
                Also disable their {member.enabledKeys} charging key{member.enabledKeys === 1 ? "" : "s"} in this fleet
              </label>
            )}
            <div className="flex gap-2">
              <Button type="button" variant="danger" size="sm" loading={pending} onClick={remove}>
                Remove
              </Button>
              <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </div>
        )}
        {error && (
          <p className="mt-1 text-sm text-red-600 dark:text-red-400" data-testid="member-error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

export function FleetMembers({
  fleetId,
  members,
  currentUserId,
}: {
  fleetId: string;
  members: MemberRow[];
  currentUserId: string;
}) {
  return (
    <div className="space-y-4">
      <InviteMemberForm fleetId={fleetId} />
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
