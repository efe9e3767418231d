// A provider's word that one of its sessions moved (Plugsurfing's signed session events): a fast path beside
// polling, never instead of it. The session the event names is read from the provider and stored as a poll would
// store it; one the dashboard does not know yet (started at the charger with a card) brings its driver's sync
// forward. An event lost, late, repeated or out of order changes nothing that the next poll would not.
import "server-only";
import { db } from "@/lib/db";
import { defineJob, enqueue } from "@/lib/jobs/queue";
import { PROVIDER_FEATURES, type ProviderName } from "@/lib/domain/provider";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { RUNNING_STATUSES } from "./list-sessions";
import { refreshLiveSession } from "./remote-control";
import { requestSessionSync } from "./sync-jobs";

export const SESSION_EVENT_JOB = "sessions.provider-event";

export interface SessionEvent {
  provider: ProviderName;
  providerSessionId: string;
  providerUserId: string | null;
}

export type SessionEventOutcome =
  /** A running session here, read again from the provider. */
  | "refreshed"
  /** Already finished here: nothing more to learn from the provider. */
  | "settled"
  /** Not known here: its driver's sessions are synced now. */
  | "sync-requested"
  /** Not known here, and no driver of any fleet has the event's user. */
  | "unknown";

export async function applySessionEvent(event: SessionEvent): Promise<SessionEventOutcome> {
  const { sessionSource, driverIdentity } = PROVIDER_FEATURES[event.provider];
  const session = await db.chargingSession.findUnique({
    where: { source_providerSessionId: { source: sessionSource, providerSessionId: event.providerSessionId } },
    select: { id: true, fleetId: true, status: true },
  });
  if (session?.fleetId && RUNNING_STATUSES.includes(session.status)) {
    await refreshLiveSession(session.fleetId, session.id);
    return "refreshed";
  }
  if (session) return "settled";
  const identity = event.providerUserId
    ? await db.providerIdentity.findUnique({
        where: { kind_value: { kind: driverIdentity, value: event.providerUserId } },
        select: { userId: true },
      })
    : null;
  if (!identity) return "unknown";
  await requestSessionSync({ driverId: identity.userId });
  return "sync-requested";
}

/** Hands an event to the job queue: the provider sends each event once and is answered at once. */
export function queueSessionEvent(event: SessionEvent): Promise<string | null> {
  return enqueue(SESSION_EVENT_JOB, event);
}

export const sessionEventJob = defineJob<SessionEvent>({
  name: SESSION_EVENT_JOB,
  pollingIntervalSeconds: 1,
  handle: async (event) => {
    const outcome = await applySessionEvent(event);
    logWithRequestId("info", { event: "sessions.provider_event", provider: event.provider, outcome }, "session event");
    return { outcome };
  },
});
