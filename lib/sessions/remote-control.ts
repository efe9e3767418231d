// Remote start and stop through a provider with the remote-control port, and the live view of a running session.
import "server-only";
import { ALERT_SESSION_SELECT, alertOnSessionStatus } from "@/lib/alerts/session-alerts";
import { writeAudit, type AuditActor, type AuditEntry } from "@/lib/audit";
import { db } from "@/lib/db";
import {
  PROVIDER_FEATURES,
  PROVIDER_LABELS,
  providerOfSessionSource,
  type ProviderName,
  type SessionRecord,
} from "@/lib/domain";
import { DomainError, text } from "@/lib/errors";
import { providersWith, type AdapterWith } from "@/lib/providers";
import { refuseStartByPolicy } from "@/lib/policies/enforce";
import { isProviderError } from "@/lib/providers/errors";
import { operatorFromEvseId } from "@/lib/providers/units";
import { findFleetDriver } from "./fleet-drivers";
import { getSessionOrThrow, RUNNING_STATUSES, type SessionListRow } from "./list-sessions";
import { rowFromRecord } from "./session-row";
import { startAvailability } from "./start-availability";
import { upsertSessions } from "./upsert-sessions";

type RemoteControl = AdapterWith<"remoteStartStop">;

export type StartOutcome = { kind: "started"; sessionId: string } | { kind: "threeDS"; threeDSClientSecret: string };

/** The provider that starts sessions: the one asked for, else the first that can; null when none can. */
export function remoteControl(provider?: ProviderName): RemoteControl | null {
  const controls = providersWith("remoteStartStop");
  return (provider ? controls.find((c) => c.name === provider) : controls[0]) ?? null;
}

/** The remote control of a stored session's provider, if that provider has one. */
function controlOf(session: Pick<SessionListRow, "source">): RemoteControl | null {
  const provider = providerOfSessionSource(session.source);
  return provider ? remoteControl(provider) : null;
}

/**
 * Starts a session for a driver of the fleet. The row is stored at once (WAITING_TO_START) so the live
 * card can follow it; the provider answers with a session id even when the start later fails. With an
 * actor, the audit entry is written in the transaction that stores the provider's answer (alone when the
 * answer is a 3-D Secure challenge: nothing is stored until the driver's payment app completes it).
 */
export async function startRemoteSession(
  input: {
    fleetId: string;
    driverId: string;
    connectorId: string;
    provider?: ProviderName;
    locationId?: string;
    evseUid?: string;
    chargerName?: string;
    /** The fleet's booking it is started for: the session is stored with it. */
    bookingId?: string;
  },
  actor?: AuditActor,
): Promise<StartOutcome> {
  const control = remoteControl(input.provider);
  if (!control)
    throw new DomainError("VALIDATION", text("sessions.noRemoteStart"), {
      connectorId: [text("sessions.noRemoteStartField")],
    });
  const label = PROVIDER_LABELS[control.name];
  const driver = await findFleetDriver(input.fleetId, input.driverId);
  if (!driver)
    throw new DomainError("VALIDATION", text("sessions.chooseFleetDriver"), {
      driverId: [text("sessions.notFleetDriver")],
    });
  await refuseStartByPolicy(input.fleetId, input.driverId, control.name);
  const userId = driver.providerUserIds[control.name];
  if (!userId) {
    throw new DomainError("VALIDATION", text("sessions.driverWithoutUser", { name: driver.name, provider: label }), {
      driverId: [text("sessions.noProviderUser", { provider: label })],
    });
  }
  // Only this fleet's own booking: another fleet's id is refused as not found, never linked.
  if (
    input.bookingId &&
    !(await db.booking.findFirst({ where: { id: input.bookingId, fleetId: input.fleetId }, select: { id: true } }))
  )
    throw new DomainError("NOT_FOUND", text("bookings.notFound"));
  const guard = control.restartGuardSeconds;
  const source = PROVIDER_FEATURES[control.name].sessionSource;
  const recent = await db.chargingSession.findFirst({
    // Only this fleet's starts: another fleet's recent start is not this fleet's to know (the provider's own
    // refusal, below, covers it without saying whose it was).
    where: {
      fleetId: input.fleetId,
      source,
      connectorId: input.connectorId,
      startTime: { gte: new Date(Date.now() - guard * 1000) },
    },
    orderBy: { startTime: "desc" },
  });
  if (recent) {
    const wait = Math.max(1, guard - Math.floor((Date.now() - recent.startTime.getTime()) / 1000));
    throw new DomainError("CONFLICT", text("sessions.restartGuard", { guard, provider: label, wait }), undefined, {
      retryInSeconds: wait,
    });
  }
  await refuseWhereStartCannotWork(control, input);
  await control.ensureDriver(userId, driver.email);
  let result;
  try {
    result = await control.startSession(userId, input.connectorId);
  } catch (error) {
    if (isProviderError(error) && error.status === 409) {
      throw new DomainError("CONFLICT", text("sessions.startRefused", { provider: label }), undefined, {
        retryInSeconds: guard,
      });
    }
    throw error;
  }
  const entry = (outcome: StartOutcome["kind"], sessionId?: string): AuditEntry | undefined =>
    actor && {
      ...actor,
      action: "sessions.start",
      fleetId: input.fleetId,
      objectType: "ChargingSession",
      objectId: sessionId,
      after: { driverId: input.driverId, connectorId: input.connectorId, outcome },
    };
  if (result.threeDSClientSecret) {
    const alone = entry("threeDS");
    if (alone) await writeAudit(alone);
    return { kind: "threeDS", threeDSClientSecret: result.threeDSClientSecret };
  }
  if (!result.sessionId) throw new DomainError("PROVIDER", text("sessions.noSessionId", { provider: label }));
  const providerSessionId = result.sessionId;
  const stored = await db.$transaction(async (tx) => {
    await upsertSessions(tx, [
      rowFromRecord(pendingSession(source, providerSessionId, input), {
        fleetId: input.fleetId,
        driverId: driver.id,
        bookingId: input.bookingId ?? null,
      }),
    ]);
    const row = await tx.chargingSession.findUniqueOrThrow({
      where: { source_providerSessionId: { source, providerSessionId } },
    });
    const withChange = entry("started", row.id);
    if (withChange) await writeAudit(withChange, tx);
    return row;
  });
  return { kind: "started", sessionId: stored.id };
}

/**
 * The page offered this connector a while ago; if the charger now says it is in use (or cannot be started
 * remotely), the provider would still answer a session id and fail it later, so refuse here, in words.
 * When the charger cannot be read, the start goes ahead: the live card explains a failure if one follows.
 */
async function refuseWhereStartCannotWork(
  control: RemoteControl,
  input: { connectorId: string; locationId?: string },
): Promise<void> {
  const locations = providersWith("search").find((a) => a.name === control.name);
  if (!input.locationId || !locations?.getLocation) return;
  const location = await locations.getLocation(input.locationId).catch(() => null);
  const evse = location?.evses.find((e) => e.connectors.some((c) => c.id === input.connectorId));
  if (!evse) return;
  const availability = startAvailability({
    status: evse.status,
    remoteStart: evse.capabilities.includes("REMOTE_START_STOP_CAPABLE"),
  });
  if (!availability.canStart)
    throw new DomainError("CONFLICT", text("sessions.notStarted", { why: availability.why }), {
      connectorId: [text("sessions.unavailable", { why: availability.why })],
    });
}

/** What is known of a session the moment it is started. */
function pendingSession(
  source: SessionRecord["source"],
  sessionId: string,
  input: { connectorId: string; evseUid?: string; chargerName?: string },
): SessionRecord {
  const { country, operator } = operatorFromEvseId(input.evseUid);
  return {
    source,
    providerSessionId: sessionId,
    status: "WAITING_TO_START",
    balanceStatus: null,
    startTime: new Date(),
    endTime: null,
    durationSeconds: null,
    energyWh: null,
    priceExclVatMinor: null,
    priceInclVatMinor: null,
    vatRateBasisPoints: null,
    currency: null,
    paymentMethod: null,
    receiptAvailable: false,
    evseId: input.evseUid ?? null,
    connectorId: input.connectorId,
    chargerName: input.chargerName ?? null,
    site: null,
    operatorName: operator,
    country,
    attribution: {},
  };
}

async function providerUserOf(control: RemoteControl, driverId: string | null): Promise<string> {
  const identity = driverId
    ? await db.providerIdentity.findFirst({
        where: { userId: driverId, kind: PROVIDER_FEATURES[control.name].driverIdentity },
      })
    : null;
  if (!identity)
    throw new DomainError("CONFLICT", text("sessions.cannotFollow", { provider: PROVIDER_LABELS[control.name] }));
  return identity.value;
}

/**
 * Reads a running session from its provider and stores what it says. Statuses lag reality and may
 * arrive out of order, so a session already COMPLETE here is never moved back.
 */
export function refreshLiveSession(fleetId: string, sessionId: string, onlyDriverId?: string): Promise<SessionListRow> {
  return storeLiveSession(fleetId, sessionId, onlyDriverId);
}

/** The refresh, with an optional audit entry (given the stored status) in the transaction that stores it. */
async function storeLiveSession(
  fleetId: string,
  sessionId: string,
  onlyDriverId: string | undefined,
  entry?: (status: string) => AuditEntry,
): Promise<SessionListRow> {
  const current = await getSessionOrThrow(fleetId, sessionId, onlyDriverId);
  const control = controlOf(current);
  if (!control || !RUNNING_STATUSES.includes(current.status)) {
    if (entry) await writeAudit(entry(current.status));
    return current;
  }
  const live = await control.liveSession(await providerUserOf(control, current.driverId), current.providerSessionId);
  const row = rowFromRecord(live, { fleetId, driverId: current.driverId });
  // Keep what the start knew when the live answer leaves it out.
  row.evseId ??= current.evseId;
  row.chargerName ??= current.chargerName;
  row.operatorName ??= current.operatorName;
  row.country ??= current.country;
  await db.$transaction(async (tx) => {
    await upsertSessions(tx, [row]);
    if (!entry) return;
    const stored = await tx.chargingSession.findUniqueOrThrow({ where: { id: current.id }, select: { status: true } });
    await writeAudit(entry(stored.status), tx);
  });
  // A stop or a start that failed is raised as soon as it is learned, not a watchdog round later.
  await alertOnSessionStatus(
    await db.chargingSession.findUniqueOrThrow({ where: { id: current.id }, select: ALERT_SESSION_SELECT }),
  );
  return getSessionOrThrow(fleetId, sessionId, onlyDriverId);
}

/**
 * Asks the provider to stop, then stores what it says of the session; with an actor, the audit entry is
 * written in the transaction of that write (alone when the session is no longer running here).
 */
export async function stopRemoteSession(
  fleetId: string,
  sessionId: string,
  onlyDriverId?: string,
  actor?: AuditActor,
): Promise<SessionListRow> {
  const current = await getSessionOrThrow(fleetId, sessionId, onlyDriverId);
  const control = controlOf(current);
  if (!control) throw new DomainError("CONFLICT", text("sessions.notRemote"));
  // Stopping an already stopped session is harmless (the provider answers 200), so no state check is needed.
  await control.stopSession(await providerUserOf(control, current.driverId), current.providerSessionId);
  const entry =
    actor &&
    ((status: string): AuditEntry => ({
      ...actor,
      action: "sessions.stop",
      fleetId,
      objectType: "ChargingSession",
      objectId: current.id,
      after: { status },
    }));
  return storeLiveSession(fleetId, sessionId, onlyDriverId, entry);
}
