// The booking inputs, validated with the same schemas in the wizard (browser) and in the actions (server).
import { z } from "zod";
import { isTimeZone } from "@/lib/format/reader";
import { calendarDay } from "@/lib/validation/calendar-day";
import { SCHEMA_MESSAGES } from "@/lib/validation/plain-errors";
import { BOARD_SPANS } from "./board-layout";
import { BOOKABLE_PROVIDERS } from "./bookable-providers";
import { BULK_BOOKINGS_MAX, EXPORT_IDS_MAX } from "./bulk-limits";
import {
  BOOKING_STATUSES,
  CONNECTOR_STANDARDS,
  POWER_TYPES,
  PROVIDERS,
  PROVIDER_FEATURES,
  TOKEN_STRATEGIES,
  type ProviderName,
  type TokenStrategy,
} from "@/lib/domain";

export const MIN_LEAD_MS = 15 * 60_000;
/** Petit Monde's usual maximum window; DepotFinity publishes none, so the same bound keeps both honest. */
export const MAX_WINDOW_MS = 4 * 60 * 60_000;

export { BOOKABLE_PROVIDERS } from "./bookable-providers";
export type BookableProvider = ProviderName;

/** Which ways of paying at the charger each provider accepts (none for providers that take no bookings). */
export const STRATEGIES_BY_PROVIDER = Object.fromEntries(
  PROVIDERS.map((p) => [p, PROVIDER_FEATURES[p].bookingTokens ?? []]),
) as Record<ProviderName, readonly TokenStrategy[]>;

/** What the booking remembers of the charger, shown to dispatchers and drivers later. */
export const chargerSnapshotSchema = z.object({
  name: z.string().min(1),
  address: z.string().optional(),
  city: z.string().optional(),
  postalCode: z.string().optional(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** false when the provider gave no position: latitude/longitude are then where the search was made. */
  positionKnown: z.boolean().optional(),
  timeZone: z.string().min(1),
  operatorName: z.string().optional(),
  evseId: z.string().optional(),
  connectorLabel: z.string().optional(),
  /** The first connector's facts, so an alternative can be matched to a taken charge point. */
  connectorStandard: z.enum(CONNECTOR_STANDARDS).optional(),
  powerType: z.enum(POWER_TYPES).optional(),
  powerKw: z.number().nonnegative().optional(),
  reservable: z.boolean(),
  /** The provider's estimate for the whole window (a total, never a rate), minor units of `currency`. */
  estimateMinor: z.number().int().nonnegative().optional(),
  currency: z.string().length(3).optional(),
  /** The rates behind the price, VAT included (see Tariff in lib/domain). */
  tariff: z
    .object({
      currency: z.string().length(3),
      perKwhMinor: z.number().int(),
      perMinuteMinor: z.number().int().optional(),
      perSessionMinor: z.number().int().optional(),
    })
    .optional(),
});
export type ChargerSnapshot = z.infer<typeof chargerSnapshotSchema>;

/** Automatic re-booking looks this far (km) for an alternative: the dispatcher's choice, within these bounds. */
export const REBOOK_RADIUS_KM = { min: 1, max: 25, default: 5 } as const;

const isoInstant = z.iso.datetime({ offset: true, message: SCHEMA_MESSAGES.bookingDateTime });

/** One booking request without its fleet: what a wizard or a batch line holds. */
export const bookingRequestShape = z.object({
  provider: z.enum(BOOKABLE_PROVIDERS),
  locationId: z.string().min(1, SCHEMA_MESSAGES.bookingPickCharger),
  evseUid: z.string().min(1, SCHEMA_MESSAGES.bookingPickChargePoint),
  connectorId: z.string().min(1).optional(),
  charger: chargerSnapshotSchema,
  windowStart: isoInstant,
  windowEnd: isoInstant,
  tokenStrategy: z.enum(TOKEN_STRATEGIES),
  /** The driver who charges (DRIVER_TOKEN, RFID) or who is assigned right away (GROUP_TOKEN). */
  driverId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  tokenId: z.string().min(1).optional(),
  rfidValue: z
    .string()
    .regex(/^[0-9A-Fa-f]{4,32}$/, SCHEMA_MESSAGES.bookingRfidFormat)
    .optional(),
  /** The fleet's vehicle it is for: its connectors must fit the charge point's. */
  vehicleId: z.string().min(1).max(64).optional(),
  /**
   * Opt-in: if the booking expires, is refused as taken or is cancelled by the operator, book the nearest
   * compatible free charge point within this many km for the rest of the window (lib/bookings/auto-rebook.ts).
   */
  rebookWithinKm: z.number().int().min(REBOOK_RADIUS_KM.min).max(REBOOK_RADIUS_KM.max).optional(),
});
export type BookingRequest = z.infer<typeof bookingRequestShape>;

type Issue = { path: (string | number)[]; message: string };

/** The window rules every booking follows: at least 15 minutes ahead, ending after it starts, 4 hours at most. */
export function windowIssues(window: { windowStart: string; windowEnd: string }, now: number = Date.now()): Issue[] {
  const issues: Issue[] = [];
  const start = Date.parse(window.windowStart);
  const end = Date.parse(window.windowEnd);
  if (Number.isNaN(start) || Number.isNaN(end)) return issues; // the field's own format error says enough
  if (start < now + MIN_LEAD_MS) issues.push({ path: ["windowStart"], message: SCHEMA_MESSAGES.bookingWindowTooSoon });
  if (end <= start) issues.push({ path: ["windowEnd"], message: SCHEMA_MESSAGES.windowEndsAfterStart });
  else if (end - start > MAX_WINDOW_MS)
    issues.push({ path: ["windowEnd"], message: SCHEMA_MESSAGES.bookingWindowTooLong });
  return issues;
}

/** The cross-field rules, as plain data so the wizard can show each beside its field. */
export function bookingRequestIssues(request: BookingRequest, now: number = Date.now()): Issue[] {
  const issues: Issue[] = windowIssues(request, now);
  if (!request.charger.reservable) issues.push({ path: ["evseUid"], message: SCHEMA_MESSAGES.bookingNotReservable });

  if (!STRATEGIES_BY_PROVIDER[request.provider].includes(request.tokenStrategy)) {
    issues.push({ path: ["tokenStrategy"], message: SCHEMA_MESSAGES.bookingTokenStrategy });
  }
  switch (request.tokenStrategy) {
    case "DRIVER_TOKEN":
      if (!request.driverId) issues.push({ path: ["driverId"], message: SCHEMA_MESSAGES.bookingTokenDriver });
      if (!request.customerId && !request.tokenId)
        issues.push({ path: ["customerId"], message: SCHEMA_MESSAGES.bookingDriverTokenMissing });
      break;
    case "RFID":
      if (!request.rfidValue) issues.push({ path: ["rfidValue"], message: SCHEMA_MESSAGES.bookingRfidMissing });
      break;
    case "GROUP_TOKEN":
    case "AD_HOC":
      break;
  }
  return issues;
}

function refineRequest(value: BookingRequest, ctx: z.RefinementCtx) {
  for (const issue of bookingRequestIssues(value))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

export const createBookingInput = bookingRequestShape.extend({ fleetId: z.string().min(1) }).superRefine(refineRequest);
export type CreateBookingInput = z.infer<typeof createBookingInput>;

export const bookingIdInput = z.object({ fleetId: z.string().min(1), bookingId: z.string().min(1) });

export const cancelBookingInput = bookingIdInput.extend({
  /** Must be true to cancel a CONFIRMED booking, which may cost a fee. */
  acceptFee: z.boolean().default(false),
  reason: z.string().trim().max(200).default("Cancelled by dispatcher"),
});

/** A person's answer for a booking whose provider answer was lost: keep it, or remove it at the provider. */
export const resolveUnknownOutcomeInput = bookingIdInput.extend({
  choice: z.enum(["keep", "remove"], { message: SCHEMA_MESSAGES.bookingKeepOrRemove }),
});

export const assignBookingInput = bookingIdInput.extend({
  /** null removes the assignment. */
  driverId: z.string().min(1).nullable(),
});

/**
 * The dispatch board's move: the booking goes to another vehicle or driver (a field left out stays as it is;
 * null takes it off). Its charge point and window stay: the provider holds those.
 */
export const reassignBookingInput = bookingIdInput.extend({
  vehicleId: z.string().min(1).nullable().optional(),
  driverId: z.string().min(1).nullable().optional(),
});

/** The board's days: one, or the seven from `from`, in the reader's time zone. */
export const boardInput = z.object({
  fleetId: z.string().min(1),
  from: calendarDay,
  span: z.enum(BOARD_SPANS).default("day"),
  timeZone: z.string().default("UTC").refine(isTimeZone, SCHEMA_MESSAGES.timeZone),
});

export const retryBookingInput = bookingIdInput.extend({
  /** Book another charge point instead (an alternative offered after a 409). */
  evseUid: z.string().min(1).optional(),
  locationId: z.string().min(1).optional(),
  charger: chargerSnapshotSchema.optional(),
});

export const listBookingsInput = z.object({
  fleetId: z.string().min(1),
  status: z.union([z.enum(BOOKING_STATUSES), z.array(z.enum(BOOKING_STATUSES))]).optional(),
  attention: z.enum(["1"]).optional(),
  driverId: z.string().min(1).optional(),
  provider: z.enum(BOOKABLE_PROVIDERS).optional(),
  /** A calendar day, YYYY-MM-DD, matched against the window start (UTC). */
  date: calendarDay.optional(),
  /** Ids in view whose status should be refreshed from the provider now. */
  refresh: z.enum(["1"]).optional(),
  /** The pager's cursors (bookingCursor of a booking): the page after it in the list's order, or the one before. */
  before: z.string().max(200).optional(),
  after: z.string().max(200).optional(),
});
export type ListBookingsFilter = z.infer<typeof listBookingsInput>;

// ── Bulk actions of the bookings list: many selected bookings, each handled as one (lib/bookings/bulk-bookings.ts).

const bookingIdsInput = z.array(z.string().min(1).max(64)).min(1).max(BULK_BOOKINGS_MAX);

export const cancelManyBookingsInput = z.object({
  fleetId: z.string().min(1),
  bookingIds: bookingIdsInput,
  /** Must be true for the confirmed ones among them, which may cost a fee. */
  acceptFee: z.boolean().default(false),
  reason: z.string().trim().max(200).default("Cancelled by dispatcher"),
});

export const assignManyBookingsInput = z.object({
  fleetId: z.string().min(1),
  bookingIds: bookingIdsInput,
  /** null removes the assignment. */
  driverId: z.string().min(1).nullable(),
});

/** The list's filters, or the selected bookings by id (`?ids=a&ids=b`): one CSV format for both. */
export const exportBookingsInput = listBookingsInput.extend({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((ids) => (Array.isArray(ids) ? ids : [ids]))
    .pipe(z.array(z.string().min(1).max(64)).min(1).max(EXPORT_IDS_MAX))
    .optional(),
});
export type ExportBookingsFilter = z.infer<typeof exportBookingsInput>;
// ── end of the bulk actions' inputs

export const alternativesInput = z.object({
  fleetId: z.string().min(1),
  provider: z.enum(BOOKABLE_PROVIDERS),
  locationId: z.string().min(1),
  evseUid: z.string().min(1),
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
  windowStart: isoInstant,
  windowEnd: isoInstant,
});

/** A window on its own, as the batch form checks it before searching for free charge points. */
export const bookingWindowInput = z
  .object({ windowStart: isoInstant, windowEnd: isoInstant })
  .superRefine((value, ctx) => {
    for (const issue of windowIssues(value)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

export const searchChargersInput = z
  .object({
    fleetId: z.string().min(1),
    provider: z.enum(BOOKABLE_PROVIDERS),
    latitude: z.coerce.number().min(-90).max(90),
    longitude: z.coerce.number().min(-180).max(180),
    radiusKm: z.coerce.number().min(1).max(100).default(10),
    windowStart: isoInstant.optional(),
    windowEnd: isoInstant.optional(),
  })
  // A window the provider would refuse is answered here, beside its field, without a provider call.
  .superRefine((value, ctx) => {
    if (!value.windowStart || !value.windowEnd) return;
    for (const issue of windowIssues({ windowStart: value.windowStart, windowEnd: value.windowEnd }))
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

export const createBatchInput = z.object({
  fleetId: z.string().min(1),
  items: z
    .array(bookingRequestShape.superRefine(refineRequest))
    .min(1, SCHEMA_MESSAGES.batchAtLeastOne)
    .max(100, SCHEMA_MESSAGES.batchAtMost),
});
export type CreateBatchInput = z.infer<typeof createBatchInput>;

export const batchIdInput = z.object({ fleetId: z.string().min(1), batchId: z.string().min(1) });
export const retryBatchItemInput = batchIdInput.extend({
  position: z.number().int().nonnegative(),
  evseUid: z.string().min(1).optional(),
  locationId: z.string().min(1).optional(),
  charger: chargerSnapshotSchema.optional(),
});
