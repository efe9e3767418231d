// What the alerts page and its actions accept.
import { z } from "zod";
import { ALERT_VIEWS } from "./alert-params";
import { ALERT_KINDS } from "./kind-names";

/** The alerts list's read: a view, a kind, a page; a value from the URL that is none of these is the default. */
export const listAlertsInput = z.object({
  fleetId: z.string().min(1),
  status: z.enum(ALERT_VIEWS).catch("open"),
  kind: z.enum(ALERT_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const alertInput = z.object({ fleetId: z.string().min(1), alertId: z.string().min(1).max(100) });

export const alertIdInput = alertInput;
export const dismissAlertInput = alertInput.extend({ note: z.string().trim().min(1).max(500) });
export const messageDriverInput = alertInput.extend({ message: z.string().trim().min(1).max(500) });
