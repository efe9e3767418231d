"use server";
// Session actions: remote start/stop and "sync now"; drivers act only for themselves.
import { fleetAction } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { startRemoteSession, stopRemoteSession } from "@/lib/sessions/remote-control";
import { refreshSessionsInput, startSessionInput, stopSessionInput } from "@/lib/sessions/schemas";
import { runSessionSync } from "@/lib/sessions/sync-jobs";

export const startSessionAction = fleetAction({
  name: "sessions.start",
  input: startSessionInput,
  roles: ["ADMIN", "DISPATCHER", "DRIVER"],
  mutation: true,
  async run({ input, fleetId, role, user, audit }) {
    if (role === "DRIVER" && input.driverId !== user.id)
      throw new DomainError("FORBIDDEN", "Drivers can start sessions only for themselves.");
    const outcome = await startRemoteSession({ ...input, fleetId });
    audit({
      objectType: "ChargingSession",
      objectId: outcome.kind === "started" ? outcome.sessionId : undefined,
      after: { driverId: input.driverId, connectorId: input.connectorId, outcome: outcome.kind },
    });
    // The 3-D Secure secret is for the driver's payment app, never for the dashboard's logs or browser.
    return outcome.kind === "started" ? outcome : { kind: "threeDS" as const };
  },
});

export const stopSessionAction = fleetAction({
  name: "sessions.stop",
  input: stopSessionInput,
  roles: ["ADMIN", "DISPATCHER", "DRIVER"],
  mutation: true,
  async run({ input, fleetId, role, user, audit }) {
    const session = await stopRemoteSession(fleetId, input.sessionId, role === "DRIVER" ? user.id : undefined);
    audit({ objectType: "ChargingSession", objectId: session.id, after: { status: session.status } });
    return session;
  },
});

export const syncSessionsAction = fleetAction({
  name: "sessions.sync-now",
  input: refreshSessionsInput,
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  mutation: true,
  async run({ fleetId, audit }) {
    const result = await runSessionSync({ fleetId });
    const summary = {
      drivers: new Set(result.passes.flatMap((p) => p.driverId ?? [])).size,
      changed: result.passes.reduce((n, p) => n + p.changed, 0),
      failures: result.failures.length,
    };
    audit({ objectType: "ChargingSessionSync", after: summary });
    return summary;
  },
});
