"use server";
// Session actions: remote start/stop, "sync now" and odometer readings; drivers act only for themselves.
import { fleetAction } from "@/lib/actions/safe-action";
import { DomainError, text } from "@/lib/errors";
import { startRemoteSession, stopRemoteSession } from "@/lib/sessions/remote-control";
import { setSessionOdometer } from "@/lib/sessions/odometer";
import { refreshSessionsInput, setOdometerInput, startSessionInput, stopSessionInput } from "@/lib/sessions/schemas";
import { syncSessionsNow } from "@/lib/sessions/sync-jobs";

export const startSessionAction = fleetAction({
  name: "sessions.start",
  input: startSessionInput,
  roles: ["ADMIN", "DISPATCHER", "DRIVER"],
  mutation: true,
  async run({ input, fleetId, role, user, actor }) {
    if (role === "DRIVER" && input.driverId !== user.id)
      throw new DomainError("FORBIDDEN", text("sessions.driversOnlyThemselves"));
    // The audit entry is written with the stored session (lib/sessions/remote-control.ts).
    const outcome = await startRemoteSession({ ...input, fleetId }, await actor());
    // The 3-D Secure secret is for the driver's payment app, never for the dashboard's logs or browser.
    return outcome.kind === "started" ? outcome : { kind: "threeDS" as const };
  },
});

export const stopSessionAction = fleetAction({
  name: "sessions.stop",
  input: stopSessionInput,
  roles: ["ADMIN", "DISPATCHER", "DRIVER"],
  mutation: true,
  async run({ input, fleetId, role, user, actor }) {
    const onlyDriverId = role === "DRIVER" ? user.id : undefined;
    return stopRemoteSession(fleetId, input.sessionId, onlyDriverId, await actor());
  },
});

export const syncSessionsAction = fleetAction({
  name: "sessions.sync-now",
  input: refreshSessionsInput,
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  mutation: true,
  async run({ fleetId, actor }) {
    // Its summary entry follows the sync's page writes; lib/sessions/sync-jobs.ts says why that is the boundary.
    return syncSessionsNow(fleetId, await actor());
  },
});

export const setOdometerAction = fleetAction({
  name: "sessions.set-odometer",
  input: setOdometerInput,
  roles: ["ADMIN", "DISPATCHER"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // Audited in the same transaction as the reading (lib/sessions/odometer.ts).
    return setSessionOdometer(fleetId, input.sessionId, input.odometerKm, await actor());
  },
});
