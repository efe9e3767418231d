// The alerts a session raises the moment its news is learned: a stop or a start that failed (from the live view
// of a session the app started or stopped), and a synced session that cost far more than its booking's estimate.
import "server-only";
import type { SessionSource } from "@/generated/prisma/client";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import { db } from "@/lib/db";
import { isFailedStart, isRunningStatus } from "@/lib/sessions/session-status";
import { raiseAlert } from "./raise-alert";
import { isCostFarAboveEstimate, startFailureReason } from "./rules";

/** What an alert needs of a stored session. */
export interface AlertSession {
  id: string;
  fleetId: string | null;
  driverId: string | null;
  vehicleId: string | null;
  bookingId: string | null;
  status: string;
  startTime: Date;
  chargerName: string | null;
  site: string | null;
  evseId: string | null;
  providerSessionId: string;
}

export const ALERT_SESSION_SELECT = {
  id: true,
  fleetId: true,
  driverId: true,
  vehicleId: true,
  bookingId: true,
  status: true,
  startTime: true,
  chargerName: true,
  site: true,
  evseId: true,
  providerSessionId: true,
} as const;

/** The charger a session alert names: as the session names it, else its EVSE or the provider's session id. */
export function sessionCharger(session: AlertSession): { name: string; timeZone: null } {
  return { name: session.chargerName ?? session.site ?? session.evseId ?? session.providerSessionId, timeZone: null };
}

/** Who and what an alert about this session concerns. */
export function sessionLinks(session: AlertSession) {
  return {
    sessionId: session.id,
    bookingId: session.bookingId,
    driverId: session.driverId,
    vehicleId: session.vehicleId,
  };
}

/**
 * Raises what a session's stored status says went wrong: a stop that failed, or a start that did (true when it
 * raised one now). Called where
 * the app learns a session's status (the live view after a start or a stop) and by the watchdog's rounds.
 */
export async function alertOnSessionStatus(session: AlertSession): Promise<boolean> {
  const fleetId = session.fleetId;
  if (!fleetId) return false;
  const charger = sessionCharger(session);
  if (session.status === "STOP_FAILED") {
    const alert = await raiseAlert({
      fleetId,
      kind: "session.stop_failed",
      causeKey: `session:${session.id}:stop-failed`,
      facts: { charger, startedAt: session.startTime.toISOString() },
      ...sessionLinks(session),
    });
    return alert.raised;
  }
  if (isFailedStart(session.status)) {
    const alert = await raiseAlert({
      fleetId,
      kind: "session.start_failed",
      causeKey: `session:${session.id}:start-failed`,
      facts: { charger, at: session.startTime.toISOString(), reason: startFailureReason(session.status) },
      ...sessionLinks(session),
    });
    return alert.raised;
  }
  return false;
}

/**
 * After a sync wrote these rows: raises session.cost_above_estimate for each finished, priced session of a
 * booking whose estimate (the one shown when it was booked, kept in its charger snapshot) it exceeds by far.
 */
export async function checkSyncedSessions(
  rows: ReadonlyArray<{ source: SessionSource; providerSessionId: string; bookingId: string | null }>,
): Promise<number> {
  const booked = rows.filter((r) => r.bookingId);
  if (booked.length === 0) return 0;
  const bySource = new Map<SessionSource, string[]>();
  for (const row of booked) bySource.set(row.source, [...(bySource.get(row.source) ?? []), row.providerSessionId]);
  const sessions = await db.chargingSession.findMany({
    where: {
      OR: [...bySource].map(([source, ids]) => ({ source, providerSessionId: { in: ids } })),
      bookingId: { not: null },
      fleetId: { not: null },
      priceInclVatMinor: { not: null },
    },
    select: {
      ...ALERT_SESSION_SELECT,
      priceInclVatMinor: true,
      currency: true,
    },
  });
  const bookings = await db.booking.findMany({
    where: { id: { in: sessions.map((s) => s.bookingId!) } },
    select: { id: true, locationSnapshot: true },
  });
  const snapshots = new Map(bookings.map((b) => [b.id, b.locationSnapshot as unknown as ChargerSnapshot]));
  let raised = 0;
  for (const session of sessions) {
    if (isRunningStatus(session.status) || isFailedStart(session.status) || !session.currency) continue;
    const snapshot = snapshots.get(session.bookingId!);
    if (snapshot?.estimateMinor === undefined || !snapshot.currency) continue;
    const cost = { amountMinor: session.priceInclVatMinor!, currency: session.currency };
    const estimate = { amountMinor: snapshot.estimateMinor, currency: snapshot.currency };
    if (!isCostFarAboveEstimate(cost, estimate)) continue;
    const alert = await raiseAlert({
      fleetId: session.fleetId!,
      kind: "session.cost_above_estimate",
      causeKey: `session:${session.id}:cost-above-estimate`,
      facts: { charger: { name: snapshot.name, timeZone: snapshot.timeZone }, estimate, cost },
      ...sessionLinks(session),
    });
    if (alert.raised) raised += 1;
  }
  return raised;
}
