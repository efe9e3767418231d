// A session's status in plain words, whether it is still running, and what to do when a start failed.

/** Statuses during which the provider may still change the session (and the page keeps asking). */
export const RUNNING_SESSION_STATUSES = ["WAITING_TO_START", "STARTED", "STOP_FAILED"] as const;

const LABELS: Record<string, string> = {
  WAITING_TO_START: "waiting to start",
  STARTED: "started",
  STOP_FAILED: "stop not confirmed",
  COMPLETE: "complete",
  FAILED: "did not start",
  NO_SHOW: "no-show",
  UNKNOWN: "status unknown",
};

export type SessionStatusTone = "neutral" | "info" | "success" | "warning" | "danger";

const TONES: Record<string, SessionStatusTone> = {
  WAITING_TO_START: "info",
  STARTED: "info",
  STOP_FAILED: "danger",
  COMPLETE: "success",
  NO_SHOW: "warning",
};

export function isRunningStatus(status: string): boolean {
  return (RUNNING_SESSION_STATUSES as readonly string[]).includes(status);
}

/** The provider's status list is open: any status not known here is still shown in words, never as a code. */
export function sessionStatusLabel(status: string): string {
  return LABELS[status] ?? (status.replace(/[_-]+/g, " ").trim().toLowerCase() || "unknown");
}

/** How a status badge looks: a start that failed reads as danger, an unknown status as neutral. */
export function sessionStatusTone(status: string): SessionStatusTone {
  return TONES[status] ?? (isFailedStart(status) ? "danger" : "neutral");
}

/** A status that ends a session without it ever charging (STOP_FAILED is a running session, not one of these). */
export function isFailedStart(status: string): boolean {
  return status !== "STOP_FAILED" && /FAIL|REJECT|INVALID|ERROR|ABORT/i.test(status);
}

export interface StartFailure {
  reason: string;
  next: string;
}

/** Why a start ended without charging, and what to do next; null when the session did not fail to start. */
export function startFailure(status: string, providerLabel: string): StartFailure | null {
  if (!isFailedStart(status)) return null;
  return {
    reason:
      `The charger did not start charging, and ${providerLabel} gave no reason. ` +
      "Usually the connector was already in use or out of order, or the cable was not plugged into the vehicle.",
    next:
      "Check that the cable is plugged in, or try another connector. Before you try this connector again, " +
      `wait a minute: ${providerLabel} refuses a second start on the same connector within a minute.`,
  };
}
