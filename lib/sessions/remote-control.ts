// Remote start and stop through Plugsurfing, and the live view of a running session.
import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { provider } from "@/lib/providers";
import { isProviderError } from "@/lib/providers/errors";
import { findFleetDriver } from "./fleet-drivers";
import { getSessionOrThrow, RUNNING_STATUSES, type SessionListRow } from "./list-sessions";
import { rowFromPlugsurfingSession } from "./session-row";
import { upsertSessions } from "./upsert-sessions";

/** Plugsurfing refuses a second start on the same connector within this time. */
export const RESTART_GUARD_SECONDS = 60;

export type StartOutcome = { kind: "started"; sessionId: string } | { kind: "threeDS"; threeDSClientSecret: string };

/**
 * Starts a session for a driver of the fleet. The row is stored at once (WAITING_TO_START) so the live
 * card can follow it; Plugsurfing always answers with a session id, even when the start later fails.
 */
export async function startRemoteSession(input: {
  fleetId: string;
  driverId: string;
  connectorId: string;
  evseUid?: string;
  chargerName?: string;
}): Promise<StartOutcome> {
  const driver = await findFleetDriver(input.fleetId, input.driverId);
  if (!driver)
    throw new DomainError("VALIDATION", "Choose a driver of this fleet.", { driverId: ["Not a driver of this fleet"] });
  if (!driver.plugsurfingUserId) {
    throw new DomainError(
      "VALIDATION",
      `${driver.name} has no Plugsurfing user yet, so a session cannot be started for them.`,
      {
        driverId: ["No Plugsurfing user"],
      },
    );
  }
  const recent = await db.chargingSession.findFirst({
    where: {
      source: "PLUGSURFING_SESSION",
      connectorId: input.connectorId,
      startTime: { gte: new Date(Date.now() - RESTART_GUARD_SECONDS * 1000) },
    },
    orderBy: { startTime: "desc" },
  });
  if (recent) {
    const wait = Math.max(1, RESTART_GUARD_SECONDS - Math.floor((Date.now() - recent.startTime.getTime()) / 1000));
    throw new DomainError(
      "CONFLICT",
      `A session was started on this connector less than a minute ago. Plugsurfing refuses a second start within 60 seconds — try again in ${wait} s.`,
      undefined,
      { retryInSeconds: wait },
    );
  }
  const plugsurfing = provider("PLUGSURFING");
  await plugsurfing.ensureUser(driver.plugsurfingUserId, driver.email);
  let result;
  try {
    result = await plugsurfing.startSession(driver.plugsurfingUserId, input.connectorId);
  } catch (error) {
    if (isProviderError(error) && error.status === 409) {
      throw new DomainError(
        "CONFLICT",
        "Plugsurfing refused the start: a session was started on this connector less than 60 seconds ago. Wait a minute and try again.",
        undefined,
        { retryInSeconds: RESTART_GUARD_SECONDS },
      );
    }
    throw error;
  }
  if (result.threeDSClientSecret) return { kind: "threeDS", threeDSClientSecret: result.threeDSClientSecret };
  if (!result.sessionId)
    throw new DomainError("PROVIDER", "Plugsurfing did not return a session id. Please try again in a minute.");
  await upsertSessions(db, [
    rowFromPlugsurfingSession(
      {
        provider: "PLUGSURFING",
        sessionId: result.sessionId,
        status: "WAITING_TO_START",
        startTime: new Date().toISOString(),
        receiptAvailable: false,
        connectorId: input.connectorId,
        evseId: input.evseUid,
        chargerName: input.chargerName,
      },
      { fleetId: input.fleetId, driverId: driver.id },
    ),
  ]);
  const stored = await db.chargingSession.findUniqueOrThrow({
    where: { source_providerSessionId: { source: "PLUGSURFING_SESSION", providerSessionId: result.sessionId } },
  });
  return { kind: "started", sessionId: stored.id };
}

async function plugsurfingUserOf(driverId: string | null): Promise<string> {
  const identity = driverId
    ? await db.providerIdentity.findFirst({ where: { userId: driverId, kind: "PLUGSURFING_USER_ID" } })
    : null;
  if (!identity)
    throw new DomainError("CONFLICT", "This session's driver has no Plugsurfing user, so it cannot be followed here.");
  return identity.value;
}

/**
 * Reads a running session from Plugsurfing and stores what it says. Statuses lag reality and may
 * arrive out of order, so a session already COMPLETE here is never moved back.
 */
export async function refreshLiveSession(
  fleetId: string,
  sessionId: string,
  onlyDriverId?: string,
): Promise<SessionListRow> {
  const current = await getSessionOrThrow(fleetId, sessionId, onlyDriverId);
  if (current.source !== "PLUGSURFING_SESSION" || !RUNNING_STATUSES.includes(current.status)) return current;
  const live = await provider("PLUGSURFING").getSession(
    await plugsurfingUserOf(current.driverId),
    current.providerSessionId,
  );
  const row = rowFromPlugsurfingSession(live, { fleetId, driverId: current.driverId });
  // Keep what the start knew when the live answer leaves it out.
  row.evseId ??= current.evseId;
  row.chargerName ??= current.chargerName;
  row.operatorName ??= current.operatorName;
  row.country ??= current.country;
  await upsertSessions(db, [row]);
  return getSessionOrThrow(fleetId, sessionId, onlyDriverId);
}

export async function stopRemoteSession(
  fleetId: string,
  sessionId: string,
  onlyDriverId?: string,
): Promise<SessionListRow> {
  const current = await getSessionOrThrow(fleetId, sessionId, onlyDriverId);
  if (current.source !== "PLUGSURFING_SESSION")
    throw new DomainError("CONFLICT", "Only Plugsurfing sessions can be stopped from here.");
  // Stopping an already stopped session is harmless at Plugsurfing (200), so no state check is needed.
  await provider("PLUGSURFING").stopSession(await plugsurfingUserOf(current.driverId), current.providerSessionId);
  return refreshLiveSession(fleetId, sessionId, onlyDriverId);
}
