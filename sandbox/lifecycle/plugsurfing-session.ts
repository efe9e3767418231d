// A remote-started Plugsurfing session's state at any simulated instant, derived from its record (no timers).
import type { PlugsurfingSession } from "../state";

export type PlugsurfingSessionStatus = "WAITING_TO_START" | "STARTED" | "STOP_FAILED" | "COMPLETE" | "FAILED";

export interface SessionSnapshot {
  status: PlugsurfingSessionStatus;
  startTime: number;
  endTime?: number;
  energyWh: number;
  /** Plugged-in time so far (or in total once complete). */
  durationMs: number;
  active: boolean;
}

/** A failed start is reported after this long in WAITING_TO_START. */
export const FAILED_START_AFTER_MS = 15_000;

export function sessionSnapshot(session: PlugsurfingSession, now: number, connectorKw: number): SessionSnapshot {
  const created = session.createdAt;
  if (session.failure) {
    const failedAt = created + FAILED_START_AFTER_MS;
    return now < failedAt
      ? { status: "WAITING_TO_START", startTime: created, energyWh: 0, durationMs: 0, active: true }
      : { status: "FAILED", startTime: created, endTime: failedAt, energyWh: 0, durationMs: 0, active: false };
  }
  const startedAt = created + session.startDelayMs;
  // A stuck session (a scenario) is never unplugged by its driver: only a stop ends it.
  const unplugAt = session.stuck ? Infinity : startedAt + session.plugDurationMs;
  const stopAt = Math.min(session.stopRequestedAt ?? Infinity, unplugAt);
  if (stopAt <= startedAt) {
    // Stopped before the charger began: the attempt completes with nothing charged.
    if (now < stopAt)
      return { status: "WAITING_TO_START", startTime: created, energyWh: 0, durationMs: 0, active: true };
    return { status: "COMPLETE", startTime: created, endTime: stopAt, energyWh: 0, durationMs: 0, active: false };
  }
  if (now < startedAt)
    return { status: "WAITING_TO_START", startTime: created, energyWh: 0, durationMs: 0, active: true };
  const until = Math.min(now, stopAt);
  const kw = Math.min(connectorKw, session.vehicleKw);
  const energyWh = session.stuck
    ? 0
    : Math.min(session.energyNeedWh, Math.round((kw * 1000 * (until - startedAt)) / 3_600_000));
  if (now < stopAt) {
    const stopFailed = session.stopFailedAt !== undefined && session.stopFailedAt <= now;
    return {
      status: stopFailed ? "STOP_FAILED" : "STARTED",
      startTime: startedAt,
      energyWh,
      durationMs: now - startedAt,
      active: true,
    };
  }
  return {
    status: "COMPLETE",
    startTime: startedAt,
    endTime: stopAt,
    energyWh,
    durationMs: stopAt - startedAt,
    active: false,
  };
}
