"use client";
// Invitation codes: the dashboard's own (issue, copy once, revoke) and the active ones Plugsurfing holds.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { useAction, failureOf } from "@/components/ui/use-action";
import { revokeInvitationCodeAction } from "@/lib/actions/invitations";
import type { CodeStatus, InvitationCodeSummary } from "@/lib/invitations/invitation-codes";
import { IssueCodeForm } from "./fleet-forms-lazy";
import { PlugsurfingCodes } from "./plugsurfing-codes-client";

const STATUS_TONES: Record<CodeStatus, BadgeTone> = {
  active: "success",
  expired: "neutral",
  revoked: "danger",
  "used-up": "warning",
};

function CodeRow({ fleetId, code }: { fleetId: string; code: InvitationCodeSummary }) {
  const t = useTranslations("fleets.codes");
  const router = useRouter();
  const revoke = useAction(revokeInvitationCodeAction, { onSuccess: () => router.refresh() });
  return (
    <tr className="border-t border-slate-200 dark:border-slate-800" data-testid={`code-${code.hint}`}>
      <td className="px-3 py-2 font-mono">{code.hint}-…</td>
      <td className="px-3 py-2">
        <Badge tone={STATUS_TONES[code.status]}>{t(`status.${code.status}`)}</Badge>
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
            aria-label={t("revokeLabel", { hint: code.hint })}
          >
            {t("revoke")}
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
  const t = useTranslations("fleets.codes");
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h3 className="font-medium">{t("dashboardHeading")}</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t.rich("dashboardText", { mono: (chunks) => <span className="font-mono">{chunks}</span> })}
        </p>
        <IssueCodeForm fleetId={fleetId} />
        {codes.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <table className="w-full text-left text-sm" aria-label={t("tableLabel")}>
              <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                <tr>
                  <th className="px-3 py-2">{t("code")}</th>
                  <th className="px-3 py-2">{t("statusHeader")}</th>
                  <th className="px-3 py-2">{t("uses")}</th>
                  <th className="px-3 py-2">{t("expires")}</th>
                  <th className="px-3 py-2">
                    <span className="sr-only">{t("actions")}</span>
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
        <h3 className="font-medium">{t("plugsurfingHeading")}</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("plugsurfingText")}</p>
        <PlugsurfingCodes fleetId={fleetId} />
      </section>
    </div>
  );
}
