// The watchdog: a job every minute that looks at every fleet's running sessions and upcoming bookings and raises
// what needs a person's eye — a session charging nothing, one running past its fleet's limit, a stop or a start
// that failed, a booking still unconfirmed as its window nears. Each cause is raised once (raiseAlert); the
// alerts whose cause went away by itself (energy flows, the session ended, the booking was confirmed) are closed.
// Every query is bounded to running sessions, failed starts of the last day or bookings about to begin.
import "server-only";
import type { AlertKind } from "./kinds";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/queue";
import { RUNNING_SESSION_STATUSES } from "@/lib/sessions/session-status";
import {
  ALERT_BOOKING_SELECT,
  bookingAlertParts,
  unconfirmedCause,
  UNCONFIRMED_BOOKING_STATUSES,
} from "./booking-alerts";
import { raiseAlert, resolveAlerts } from "./raise-alert";
import { ALERT_SESSION_SELECT, alertOnSessionStatus, sessionCharger, sessionLinks } from "./session-alerts";

export const WATCHDOG_JOB = "alerts.watchdog";

/** A running session with no energy this long after it started charges nothing. */
export const NO_ENERGY_AFTER_MINUTES = 10;
/** A booking still unconfirmed this long before its window begins is raised. */
export const UNCONFIRMED_BEFORE_MINUTES = 15;
/** Failed starts are looked for this far back (the live view raises them at once; this catches the rest). */
const FAILED_START_LOOKBACK_HOURS = 24;
const MINUTE = 60_000;

/** The kinds whose alert closes by itself once its cause is gone; the others wait for a person. */
const SELF_CLOSING: AlertKind[] = ["session.no_energy", "session.too_long", "booking.unconfirmed"];

export interface WatchdogRound {
  /** Alerts newly raised in this round (a cause raised before is not counted again). */
  raised: number;
  /** Open alerts closed because their cause went away. */
  resolved: number;
}

/** One round over every fleet. `now` is the instant it judges by (tests pass the sandbox's clock). */
export async function runWatchdog(now = new Date()): Promise<WatchdogRound> {
  let raised = 0;
  const present = new Set<string>();
  const count = (r: { raised: boolean }) => {
    if (r.raised) raised += 1;
  };

  const running = await db.chargingSession.findMany({
    where: { status: { in: [...RUNNING_SESSION_STATUSES] }, fleetId: { not: null } },
    select: { ...ALERT_SESSION_SELECT, energyWh: true, fleet: { select: { sessionLimitHours: true } } },
  });
  for (const session of running) {
    const fleetId = session.fleetId!;
    const minutes = Math.floor((now.getTime() - session.startTime.getTime()) / MINUTE);
    const facts = { charger: sessionCharger(session), startedAt: session.startTime.toISOString() };
    if (!session.energyWh && minutes >= NO_ENERGY_AFTER_MINUTES) {
      const causeKey = `session:${session.id}:no-energy`;
      present.add(`${fleetId}|${causeKey}`);
      count(
        await raiseAlert({
          fleetId,
          kind: "session.no_energy",
          causeKey,
          facts: { ...facts, minutes },
          ...sessionLinks(session),
        }),
      );
    }
    const limitHours = session.fleet?.sessionLimitHours ?? 12;
    if (minutes >= limitHours * 60) {
      const causeKey = `session:${session.id}:too-long`;
      present.add(`${fleetId}|${causeKey}`);
      count(
        await raiseAlert({
          fleetId,
          kind: "session.too_long",
          causeKey,
          facts: { ...facts, limitHours },
          ...sessionLinks(session),
        }),
      );
    }
  }

  // Stops and starts that failed: the live view raises them when it learns of them; a sync may learn them too.
  const failed = await db.chargingSession.findMany({
    where: {
      fleetId: { not: null },
      OR: [
        { status: "STOP_FAILED" },
        { status: "FAILED", startTime: { gte: new Date(now.getTime() - FAILED_START_LOOKBACK_HOURS * 3_600_000) } },
      ],
    },
    select: ALERT_SESSION_SELECT,
  });
  for (const session of failed) if (await alertOnSessionStatus(session)) raised += 1;

  const waiting = await db.booking.findMany({
    where: {
      status: { in: [...UNCONFIRMED_BOOKING_STATUSES] },
      windowStart: { lte: new Date(now.getTime() + UNCONFIRMED_BEFORE_MINUTES * MINUTE) },
      windowEnd: { gt: now },
    },
    select: ALERT_BOOKING_SELECT,
  });
  for (const booking of waiting) {
    const causeKey = unconfirmedCause(booking.id);
    present.add(`${booking.fleetId}|${causeKey}`);
    count(await raiseAlert({ kind: "booking.unconfirmed", causeKey, ...bookingAlertParts(booking, false) }));
  }

  return { raised, resolved: await resolveGone(present) };
}

/** Closes the open self-closing alerts whose cause this round no longer saw, one statement per fleet concerned. */
async function resolveGone(present: Set<string>): Promise<number> {
  const open = await db.alert.findMany({
    where: { status: "OPEN", kind: { in: SELF_CLOSING } },
    select: { fleetId: true, causeKey: true },
  });
  const gone = new Map<string, string[]>();
  for (const alert of open) {
    if (present.has(`${alert.fleetId}|${alert.causeKey}`)) continue;
    gone.set(alert.fleetId, [...(gone.get(alert.fleetId) ?? []), alert.causeKey]);
  }
  let resolved = 0;
  for (const [fleetId, causeKeys] of gone) resolved += await resolveAlerts(fleetId, causeKeys);
  return resolved;
}

/** Every minute, one round at a time across every instance. */
export const watchdogJob = defineJob({
  name: WATCHDOG_JOB,
  policy: "singleton",
  cron: "* * * * *",
  async handle() {
    return runWatchdog();
  },
});
