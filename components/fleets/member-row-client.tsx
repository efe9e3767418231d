"use client";
// One member of the fleet: their role (changeable), their keys, and removal. A driver without any charging
// key gets a prompt to assign one, linking to the key table prepared for them.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { useAction, failureOf } from "@/components/ui/use-action";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { setMemberRoleAction } from "@/lib/actions/fleets";
import { keysPageHref } from "@/lib/keys/table-params";
import { RemoveMemberDialog } from "./remove-member-dialog-client";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  enabledKeys: number;
  /** Every key assigned to them in this fleet, enabled or not. */
  keys: number;
  /** Their removal is being synced with the charging provider. */
  syncing?: boolean;
}

function NoKeyPrompt({ fleetId, member }: { fleetId: string; member: MemberRow }) {
  const t = useTranslations("fleets.member");
  const href = keysPageHref("/keys", { driverId: "none", assignTo: member.userId, fleet: fleetId });
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2" data-testid="no-key-prompt">
      <Badge tone="warning">{t("noKey")}</Badge>
      <Link href={href} className="text-sm font-medium underline" aria-label={t("assignKeyTo", { name: member.name })}>
        {t("assignKey")}
      </Link>
    </span>
  );
}

export function MemberRowView({ fleetId, member, isSelf }: { fleetId: string; member: MemberRow; isSelf: boolean }) {
  const t = useTranslations("fleets.member");
  const roles = useTranslations("roles");
  const common = useTranslations("common");
  const router = useRouter();
  const [removing, setRemoving] = useState(false);
  const changeRole = useAction(setMemberRoleAction, { onSuccess: () => router.refresh() });

  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`member-${member.email}`}>
      <td className="px-3 py-2">
        {member.name} {isSelf && <Badge>{t("you")}</Badge>} {member.syncing && <SyncingBadge />}
        <span className="block text-xs text-slate-500">{member.email}</span>
      </td>
      <td className="px-3 py-2">
        <label className="sr-only" htmlFor={`role-${member.userId}`}>
          {t("roleOf", { email: member.email })}
        </label>
        <select
          id={`role-${member.userId}`}
          value={member.role}
          disabled={changeRole.isPending}
          onChange={(e) => changeRole.mutate({ fleetId, userId: member.userId, role: e.target.value })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2 text-sm">
        {member.enabledKeys}
        {member.role === "DRIVER" && member.keys === 0 && <NoKeyPrompt fleetId={fleetId} member={member} />}
      </td>
      <td className="px-3 py-2">
        {member.syncing ? (
          <span className="text-xs text-slate-500">{t("beingRemoved")}</span>
        ) : (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => setRemoving(true)}
            aria-label={t("removeLabel", { email: member.email })}
          >
            {common("actions.remove")}
          </Button>
        )}
        {changeRole.error && (
          <p className="mt-1 text-sm text-red-600 dark:text-red-400" role="alert" data-testid="member-error">
            {failureOf(changeRole.error)?.message}
          </p>
        )}
        <RemoveMemberDialog fleetId={fleetId} member={member} open={removing} onOpenChange={setRemoving} />
      </td>
    </tr>
  );
}
