// The report's input: fleet, period (calendar days in the reader's time zone), shared by page, route and CSV.
import { z } from "zod";
import { calendarDay } from "@/lib/validation/calendar-day";
import { isTimeZone } from "@/lib/format/reader";
import { THRESHOLD_MODES } from "./price-threshold";

const isoDay = calendarDay;

export const REPORT_KINDS = ["month", "driver", "fleet", "operator", "vehicle", "noShow", "priceDifference"] as const;
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

/** The price check's threshold: over this percent of the estimate, or this amount (major units), either way. */
const thresholdShape = {
  thresholdMode: z.enum(THRESHOLD_MODES).default("percent"),
  threshold: z.coerce.number().min(0).max(1_000_000).default(10),
};

export const priceDifferenceInput = z
  .object({
    fleetId: z.string().min(1),
    from: isoDay,
    to: isoDay,
    timeZone: z.string().default("UTC").refine(isTimeZone, "Unknown time zone"),
    ...thresholdShape,
  })
  .refine((v) => v.from <= v.to, { message: "The period ends before it starts", path: ["to"] });
export type PriceDifferenceInput = z.infer<typeof priceDifferenceInput>;

export const reportExportInput = z
  .object({
    fleetId: z.string().min(1),
    from: isoDay,
    to: isoDay,
    timeZone: z.string().default("UTC").refine(isTimeZone, "Unknown time zone"),
    report: z.enum(REPORT_KINDS),
    /** Read by the price differences report only. */
    ...thresholdShape,
  })
  .refine((v) => v.from <= v.to, { message: "The period ends before it starts", path: ["to"] });
