// The report's input: fleet, period (calendar days in the reader's time zone), shared by page, route and CSV.
import { z } from "zod";
import { calendarDay } from "@/lib/validation/calendar-day";
import { isTimeZone } from "@/lib/format/reader";

const isoDay = calendarDay;

export const REPORT_KINDS = ["month", "driver", "fleet", "operator", "vehicle", "noShow"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const reportInput = z
  .object({
    fleetId: z.string().min(1),
    from: isoDay,
    /** Inclusive last day. */
    to: isoDay,
    timeZone: z.string().default("UTC").refine(isTimeZone, "Unknown time zone"),
  })
  .refine((v) => v.from <= v.to, { message: "The period ends before it starts", path: ["to"] });
export type ReportInput = z.infer<typeof reportInput>;

export const reportExportInput = z
  .object({
    fleetId: z.string().min(1),
    from: isoDay,
    to: isoDay,
    timeZone: z.string().default("UTC").refine(isTimeZone, "Unknown time zone"),
    report: z.enum(REPORT_KINDS),
  })
  .refine((v) => v.from <= v.to, { message: "The period ends before it starts", path: ["to"] });
