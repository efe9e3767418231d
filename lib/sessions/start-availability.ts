// Whether a remote start can work on an EVSE now, and in plain words why not: the map and the start page agree.
import type { EvseStatus } from "@/lib/domain";

export type StartAvailability = { canStart: true } | { canStart: false; reason: string };

const WHY_NOT: Record<Exclude<EvseStatus, "AVAILABLE">, string> = {
  CHARGING: "In use — start is offered when it is free.",
  BLOCKED: "Blocked, for example by a parked car — start is offered when it is free.",
  RESERVED: "Reserved for someone else — start is offered when it is free.",
  OUTOFORDER: "Out of order — choose another charge point.",
  INOPERATIVE: "Not working at the moment — choose another charge point.",
  PLANNED: "Not in service yet — choose another charge point.",
  REMOVED: "No longer in service — choose another charge point.",
  UNKNOWN: "Its status is unknown — start is offered once it reports that it is free.",
};

/**
 * A start is offered only on a free EVSE that accepts remote starts: the provider answers a session id
 * even when the start cannot work, and the failure only shows a while later.
 */
export function startAvailability(evse: { status: EvseStatus; remoteStart: boolean }): StartAvailability {
  if (!evse.remoteStart)
    return {
      canStart: false,
      reason: "Cannot be started from the dashboard — start at the charger with a charging key.",
    };
  if (evse.status === "AVAILABLE") return { canStart: true };
  return { canStart: false, reason: WHY_NOT[evse.status] ?? WHY_NOT.UNKNOWN };
}
