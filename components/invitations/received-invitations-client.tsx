"use client";
// The signed-in person's invitations to fleets: accept (she lands in the fleet) or decline each pending one;
// the ones answered or withdrawn lately are listed below, so a notification never leads nowhere.
import { useRouter } from "next/navigation";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf, useAction } from "@/components/ui/use-action";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/actions/fleet-invitations";
import type { ReceivedInvitation } from "@/lib/fleets/invitations";

const NOTIFICATIONS: readonly (readonly unknown[])[] = [["notifications"]];

const SETTLED: Record<Exclude<ReceivedInvitation["status"], "pending">, { label: string; tone: BadgeTone }> = {
  accepted: { label: "Accepted", tone: "success" },
  declined: { label: "Declined", tone: "neutral" },
  withdrawn: { label: "Withdrawn by the fleet's admin", tone: "warning" },
};

function PendingInvitation({ invitation }: { invitation: ReceivedInvitation }) {
  const f = useFormat();
  const router = useRouter();
  const accept = useAction(acceptInvitationAction, {
    invalidates: NOTIFICATIONS,
    onSuccess: () => {
      // The fleet just joined is the active one: the start page sends her where her role there begins, and
      // the refresh has the shell read her memberships again.
      router.replace("/");
      router.refresh();
    },
  });
  const decline = useAction(declineInvitationAction, {
    invalidates: NOTIFICATIONS,
    onSuccess: () => router.refresh(),
  });
  const error = failureOf(accept.error ?? decline.error)?.message;
  const busy = accept.isPending || decline.isPending || accept.isSuccess;
  return (
    <li
      className="rounded-lg border border-brand-300 bg-white p-4 dark:border-brand-700 dark:bg-slate-900"
      data-testid={`invitation-${invitation.fleetName}`}
    >
      <p className="font-medium">
        {invitation.invitedBy ?? "A fleet admin"} invited you to join {invitation.fleetName} as{" "}
        {ROLE_LABELS[invitation.role]}
      </p>
      <p className="text-xs text-slate-500">Sent {f.dateTime(invitation.createdAt)}</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        Accepting makes you a member of {invitation.fleetName}: its admins can then assign you bookings and charging
        keys. Nothing changes until you accept.
      </p>
      {error && (
        <p className="mt-2 text-sm text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          loading={accept.isPending}
          disabled={busy}
          onClick={() => accept.mutate({ invitationId: invitation.id })}
          aria-label={`Accept the invitation to ${invitation.fleetName}`}
        >
          Accept
        </Button>
        <Button
          variant="secondary"
          loading={decline.isPending}
          disabled={busy}
          onClick={() => decline.mutate({ invitationId: invitation.id })}
          aria-label={`Decline the invitation to ${invitation.fleetName}`}
        >
          Decline
        </Button>
      </div>
    </li>
  );
}

export function ReceivedInvitations({ invitations }: { invitations: ReceivedInvitation[] }) {
  const f = useFormat();
  const pending = invitations.filter((i) => i.status === "pending");
  const settled = invitations.filter((i) => i.status !== "pending");
  return (
    <div className="space-y-6">
      {pending.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No invitations are waiting for your answer.</p>
      ) : (
        <ul className="space-y-3" aria-label="Invitations waiting for your answer">
          {pending.map((invitation) => (
            <PendingInvitation key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
      {settled.length > 0 && (
        <section aria-labelledby="earlier-invitations">
          <h2 id="earlier-invitations" className="mb-2 text-sm font-semibold">
            Earlier invitations
          </h2>
          <ul className="space-y-1 text-sm">
            {settled.map((invitation) => {
              const words = SETTLED[invitation.status as keyof typeof SETTLED];
              return (
                <li key={invitation.id} className="flex flex-wrap items-center gap-2">
                  <span>
                    {invitation.fleetName} as {ROLE_LABELS[invitation.role]}
                  </span>
                  <Badge tone={words.tone}>{words.label}</Badge>
                  <span className="text-xs text-slate-500">{f.date(invitation.respondedAt)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
