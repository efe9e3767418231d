// The audit log's filters as the download link carries them: the same filters the page keeps in its URL.
import { z } from "zod";
import { calendarDay } from "@/lib/validation/calendar-day";

export const AUDIT_VIEWS = ["fleet", "security"] as const;

export const auditExportInput = z.object({
  fleetId: z.string().min(1).max(64),
  /** The fleet's own log, or its organisation's security log. */
  view: z.enum(AUDIT_VIEWS).default("fleet"),
  action: z.string().max(80).optional(),
  actor: z.string().max(64).optional(),
  object: z.string().max(80).optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  timeZone: z.string().max(60).default("UTC"),
});
export type AuditExportInput = z.infer<typeof auditExportInput>;
