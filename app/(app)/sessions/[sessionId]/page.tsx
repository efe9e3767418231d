import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { LiveSessionCard } from "@/components/sessions/live-session-card";
import { SessionDetail } from "@/components/sessions/session-detail";
import { DomainError } from "@/lib/errors";
import { getSessionOrThrow, RUNNING_STATUSES } from "@/lib/sessions/list-sessions";

export const metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { fleetId, role, user } = await requirePage("sessions");
  const { sessionId } = await params;
  const session = await getSessionOrThrow(fleetId, sessionId, role === "DRIVER" ? user.id : undefined).catch(
    (error) => {
      if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  return (
    <>
      <PageHeader title={session.chargerName ?? "Session"} description={<Link href="/sessions">← Sessions</Link>} />
      <div className="grid gap-4 lg:grid-cols-2">
        {/* Both cards read one cached copy of the session, so Stop or a poll updates them together. */}
        {RUNNING_STATUSES.includes(session.status) && <LiveSessionCard fleetId={fleetId} initial={session} />}
        <SessionDetail fleetId={fleetId} initial={session} />
      </div>
    </>
  );
}
