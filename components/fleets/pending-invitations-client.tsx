"use client";
// The fleet's invitations still waiting for an answer, each of which its admins can withdraw.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/ui/format-provider";
import { useAction, failureOf } from "@/components/ui/use-action";
import { withdrawInvitationAction } from "@/lib/actions/fleets";
import type { PendingInvitation } from "@/lib/fleets/invitations";

export function PendingInvitations({ fleetId, invitations }: { fleetId: string; invitations: PendingInvitation[] }) {
  const t = useTranslations("fleets.pending");
  const roles = useTranslations("roles");
  const f = useFormat();
  const router = useRouter();
  const [withdrawing, setWithdrawing] = useState<PendingInvitation | null>(null);
  const withdraw = useAction(withdrawInvitationAction, {
    onSuccess: () => {
      setWithdrawing(null);
      router.refresh();
    },
  });
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="pending-invitations" className="space-y-2">
      <h3 id="pending-invitations" className="text-sm font-semibold">
        {t("heading")}
      </h3>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm"
            data-testid={`invitation-${invitation.email}`}
          >
            <span className="min-w-0 flex-1">
              <span className="font-medium">{invitation.email}</span>
              <span className="block text-xs text-slate-500">
                {invitation.invitedBy
                  ? t("invitedAsBy", {
                      role: roles(invitation.role),
                      by: invitation.invitedBy,
                      date: f.date(invitation.createdAt),
                    })
                  : t("invitedAs", { role: roles(invitation.role), date: f.date(invitation.createdAt) })}
              </span>
            </span>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              aria-label={t("withdrawLabel", { email: invitation.email })}
              onClick={() => setWithdrawing(invitation)}
            >
              {t("withdraw")}
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={withdrawing !== null}
        onOpenChange={(open) => {
          if (!open) {
            withdraw.reset();
            setWithdrawing(null);
          }
        }}
        title={withdrawing ? t("confirmTitle", { email: withdrawing.email }) : ""}
        description={t("confirmBody")}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
        pending={withdraw.isPending}
        error={failureOf(withdraw.error)?.message}
        onConfirm={() => withdrawing && withdraw.mutate({ fleetId, invitationId: withdrawing.id })}
      />
    </section>
  );
}
