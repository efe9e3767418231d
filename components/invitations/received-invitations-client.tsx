"use client";
// The signed-in person's invitations to fleets: accept (she lands in the fleet) or decline each pending one;
// the ones answered or withdrawn lately are listed below, so a notification never leads nowhere.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { useAction, failureOf } from "@/components/ui/use-action";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/actions/fleet-invitations";
import type { ReceivedInvitation } from "@/lib/fleets/invitations";

const NOTIFICATIONS: readonly (readonly unknown[])[] = [["notifications"]];

type Settled = Exclude<ReceivedInvitation["status"], "pending">;

const SETTLED_TONES: Record<Settled, BadgeTone> = {
  accepted: "success",
  declined: "neutral",
  withdrawn: "warning",
};

function PendingInvitation({ invitation }: { invitation: ReceivedInvitation }) {
  const t = useTranslations("invitations.received");
  const roles = useTranslations("roles");
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
        {t("invitedYou", {
          by: invitation.invitedBy ?? t("someAdmin"),
          fleet: invitation.fleetName,
          role: roles(invitation.role),
        })}
      </p>
      <p className="text-xs text-slate-500">{t("sent", { date: f.dateTime(invitation.createdAt) })}</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("explain", { fleet: invitation.fleetName })}</p>
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
          aria-label={t("acceptLabel", { fleet: invitation.fleetName })}
        >
          {t("accept")}
        </Button>
        <Button
          variant="secondary"
          loading={decline.isPending}
          disabled={busy}
          onClick={() => decline.mutate({ invitationId: invitation.id })}
          aria-label={t("declineLabel", { fleet: invitation.fleetName })}
        >
          {t("decline")}
        </Button>
      </div>
    </li>
  );
}

export function ReceivedInvitations({ invitations }: { invitations: ReceivedInvitation[] }) {
  const t = useTranslations("invitations.received");
  const roles = useTranslations("roles");
  const f = useFormat();
  const pending = invitations.filter((i) => i.status === "pending");
  const settled = invitations.filter((i) => i.status !== "pending");
  return (
    <div className="space-y-6">
      {pending.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("pendingLabel")}>
          {pending.map((invitation) => (
            <PendingInvitation key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
      {settled.length > 0 && (
        <section aria-labelledby="earlier-invitations">
          <h2 id="earlier-invitations" className="mb-2 text-sm font-semibold">
            {t("earlier")}
          </h2>
          <ul className="space-y-1 text-sm">
            {settled.map((invitation) => {
              const status = invitation.status as Settled;
              return (
                <li key={invitation.id} className="flex flex-wrap items-center gap-2">
                  <span>{t("earlierItem", { fleet: invitation.fleetName, role: roles(invitation.role) })}</span>
                  <Badge tone={SETTLED_TONES[status]}>{t(`settled.${status}`)}</Badge>
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
