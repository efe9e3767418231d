// Whether a remote start can work on an EVSE now, and why not: the map and the start page agree. The words for
// each reason are the `errors.sessions.unavailable` message (and the screens' own, by the same cases).
import { EVSE_STATUSES, type EvseStatus } from "@/lib/domain";

/** Why a start cannot work: the EVSE's status, or that it takes no remote start at all. */
export type StartBlocker = Exclude<EvseStatus, "AVAILABLE"> | "noRemoteStart";

export type StartAvailability = { canStart: true } | { canStart: false; why: StartBlocker };

function knownStatus(status: EvseStatus): Exclude<EvseStatus, "AVAILABLE"> {
  return status !== "AVAILABLE" && (EVSE_STATUSES as readonly string[]).includes(status) ? status : "UNKNOWN";
}

/**
 * A start is offered only on a free EVSE that accepts remote starts: the provider answers a session id
 * even when the start cannot work, and the failure only shows a while later.
 */
export function startAvailability(evse: { status: EvseStatus; remoteStart: boolean }): StartAvailability {
  if (!evse.remoteStart) return { canStart: false, why: "noRemoteStart" };
  if (evse.status === "AVAILABLE") return { canStart: true };
  return { canStart: false, why: knownStatus(evse.status) };
}
