"use client";
// The fleet's invitations still waiting for an answer, each of which its admins can withdraw.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf, useAction } from "@/components/ui/use-action";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { withdrawInvitationAction } from "@/lib/actions/fleets";
import type { PendingInvitation } from "@/lib/fleets/invitations";

export function PendingInvitations({ fleetId, invitations }: { fleetId: string; invitations: PendingInvitation[] }) {
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
        Waiting for an answer
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
                Invited as {ROLE_LABELS[invitation.role]}
                {invitation.invitedBy ? ` by ${invitation.invitedBy}` : ""} on {f.date(invitation.createdAt)}
              </span>
            </span>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              aria-label={`Withdraw the invitation for ${invitation.email}`}
              onClick={() => setWithdrawing(invitation)}
            >
              Withdraw
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
        title={withdrawing ? `Withdraw the invitation for ${withdrawing.email}?` : ""}
        description="They can no longer accept it; you can invite them again later."
        confirmLabel="Withdraw invitation"
        cancelLabel="Keep it"
        pending={withdraw.isPending}
        error={failureOf(withdraw.error)?.message}
        onConfirm={() => withdrawing && withdraw.mutate({ fleetId, invitationId: withdrawing.id })}
      />
    </section>
  );
}
