"use server";
// Alert actions: dismiss with a note, stop its session, book again nearby, tell its driver (lib/alerts).
import { fleetAction } from "@/lib/actions/safe-action";
import { dismissAlert, messageAlertDriver, rebookAlert, stopAlertSession } from "@/lib/alerts/alert-actions";
import { alertIdInput, dismissAlertInput, messageDriverInput } from "@/lib/alerts/schemas";

const ACTING_ROLES = ["ADMIN", "DISPATCHER"] as const;

export const dismissAlertAction = fleetAction({
  name: "alerts.dismiss",
  input: dismissAlertInput,
  roles: ACTING_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    return dismissAlert(fleetId, input.alertId, input.note, await actor());
  },
});

export const stopAlertSessionAction = fleetAction({
  name: "alerts.stop-session",
  input: alertIdInput,
  roles: ACTING_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    return stopAlertSession(fleetId, input.alertId, await actor());
  },
});

export const rebookAlertAction = fleetAction({
  name: "alerts.rebook",
  input: alertIdInput,
  roles: ACTING_ROLES,
  mutation: true,
  async run({ input, fleetId, user, actor }) {
    return rebookAlert(fleetId, input.alertId, user.id, await actor());
  },
});

export const messageAlertDriverAction = fleetAction({
  name: "alerts.message-driver",
  input: messageDriverInput,
  roles: ACTING_ROLES,
  mutation: true,
  async run({ input, fleetId, user, actor }) {
    return messageAlertDriver(fleetId, input.alertId, input.message, user, await actor());
  },
});
