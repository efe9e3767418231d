import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { LiveSessionCard } from "@/components/sessions/live-session-card";
import { SessionDetail } from "@/components/sessions/session-detail";
import { DomainError } from "@/lib/errors";
import { getSessionOrThrow, RUNNING_STATUSES } from "@/lib/sessions/list-sessions";

export async function generateMetadata() {
  const t = await getTranslations("sessions");
  return { title: t("session") };
}

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { fleetId, role, user } = await requirePage("sessions");
  const { sessionId } = await params;
  const t = await getTranslations("sessions");
  const session = await getSessionOrThrow(fleetId, sessionId, role === "DRIVER" ? user.id : undefined).catch(
    (error) => {
      if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  return (
    <>
      <PageHeader
        title={session.chargerName ?? t("session")}
        description={<Link href="/sessions">{t("backToSessions")}</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {/* Both cards read one cached copy of the session, so Stop or a poll updates them together. */}
        {RUNNING_STATUSES.includes(session.status) && <LiveSessionCard fleetId={fleetId} initial={session} />}
        <SessionDetail
          fleetId={fleetId}
          initial={session}
          canEditOdometer={role === "ADMIN" || role === "DISPATCHER"}
        />
      </div>
    </>
  );
}
