"use client";
// Invitation codes: the dashboard's own (issue, copy once, revoke) and the active ones Plugsurfing holds.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { failureOf, useAction } from "@/components/ui/use-action";
import { revokeInvitationCodeAction } from "@/lib/actions/invitations";
import type { CodeStatus, InvitationCodeSummary } from "@/lib/invitations/invitation-codes";
import { IssueCodeForm } from "./issue-code-form-client";
import { PlugsurfingCodes } from "./plugsurfing-codes-client";

const STATUS: Record<CodeStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
  revoked: { label: "Revoked", tone: "danger" },
  "used-up": { label: "Used up", tone: "warning" },
};

function CodeRow({ fleetId, code }: { fleetId: string; code: InvitationCodeSummary }) {
  const router = useRouter();
  const revoke = useAction(revokeInvitationCodeAction, { onSuccess: () => router.refresh() });
  return (
    <tr className="border-t border-slate-200 dark:border-slate-800" data-testid={`code-${code.hint}`}>
      <td className="px-3 py-2 font-mono">{code.hint}-…</td>
      <td className="px-3 py-2">
        <Badge tone={STATUS[code.status].tone}>{STATUS[code.status].label}</Badge>
      </td>
      <td className="px-3 py-2">
        {code.uses} / {code.maxUses}
      </td>
      <td className="px-3 py-2">
        <LocalTime iso={code.expiresAt} />
      </td>
      <td className="px-3 py-2">
        {code.status === "active" && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            loading={revoke.isPending}
            onClick={() => revoke.mutate({ fleetId, codeId: code.id })}
            aria-label={`Revoke code ${code.hint}`}
          >
            Revoke
          </Button>
        )}
        {revoke.error && (
          <p className="text-sm text-red-600 dark:text-red-400" role="alert">
            {failureOf(revoke.error)?.message}
          </p>
        )}
      </td>
    </tr>
  );
}

export function InvitationCodes({ fleetId, codes }: { fleetId: string; codes: InvitationCodeSummary[] }) {
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h3 className="font-medium">Dashboard codes</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Drivers sign up at <span className="font-mono">/join</span> with a code and become drivers of this fleet.
        </p>
        <IssueCodeForm fleetId={fleetId} />
        {codes.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <table className="w-full text-left text-sm" aria-label="Dashboard invitation codes">
              <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                <tr>
                  <th className="px-3 py-2">Code</th>
                  <th className="px-3 py-2">Status</th>
                  <th className="px-3 py-2">Uses</th>
                  <th className="px-3 py-2">Expires</th>
                  <th className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {codes.map((c) => (
                  <CodeRow key={c.id} fleetId={fleetId} code={c} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="space-y-2">
        <h3 className="font-medium">Plugsurfing codes</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Codes drivers enter in Plugsurfing apps to join this fleet there.
        </p>
        <PlugsurfingCodes fleetId={fleetId} />
      </section>
    </div>
  );
}
