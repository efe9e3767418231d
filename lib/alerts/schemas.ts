// What the alerts page and its actions accept.
import { z } from "zod";
import { ALERT_KINDS } from "./kind-names";

export const ALERT_VIEWS = ["open", "closed", "all"] as const;

export const alertListParams = z.object({
  status: z.enum(ALERT_VIEWS).catch("open"),
  kind: z.enum(ALERT_KINDS).optional().catch(undefined),
});

const alertInput = z.object({ fleetId: z.string().min(1), alertId: z.string().min(1).max(100) });

export const alertIdInput = alertInput;
export const dismissAlertInput = alertInput.extend({ note: z.string().trim().min(1).max(500) });
export const messageDriverInput = alertInput.extend({ message: z.string().trim().min(1).max(500) });
