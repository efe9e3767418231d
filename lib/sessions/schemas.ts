// Inputs of the session history, its export, the live view, remote start/stop and odometer readings: one schema each.
import { z } from "zod";
import { calendarDay } from "@/lib/validation/calendar-day";
import { numberField } from "@/lib/validation/number-field";
import { SCHEMA_MESSAGES } from "@/lib/validation/plain-errors";
import { PROVIDER_FEATURES, PROVIDERS, type ProviderFeatures } from "@/lib/domain";

const isoDay = calendarDay;
type Source = ProviderFeatures["sessionSource"];
const SOURCES = PROVIDERS.map((p) => PROVIDER_FEATURES[p].sessionSource) as [Source, ...Source[]];

/** The history's filters, as they appear in the page URL. */
export const sessionFiltersInput = z.object({
  fleetId: z.string().min(1),
  status: z.string().max(40).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  driverId: z.string().optional(),
  keyId: z.string().optional(),
  operator: z.string().max(100).optional(),
  country: z.string().max(3).optional(),
  source: z.enum(SOURCES).optional(),
  timeZone: z.string().max(60).default("UTC"),
});
export type SessionFilters = z.infer<typeof sessionFiltersInput>;

export const listSessionsInput = sessionFiltersInput.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

export const sessionIdInput = z.object({ fleetId: z.string().min(1), sessionId: z.string().min(1) });

export const startSessionInput = z.object({
  fleetId: z.string().min(1),
  driverId: z.string().min(1, SCHEMA_MESSAGES.sessionChargingDriver),
  connectorId: z.string().min(1, SCHEMA_MESSAGES.sessionConnector),
  /** The provider of the charger; the first one with remote start when absent. */
  provider: z.enum(PROVIDERS).optional(),
  locationId: z.string().optional(),
  evseUid: z.string().optional(),
  chargerName: z.string().max(200).optional(),
  /** The fleet's booking the session is started for: the session is kept beside the estimate it was booked at. */
  bookingId: z.string().min(1).max(64).optional(),
});

export const stopSessionInput = sessionIdInput;
export const refreshSessionsInput = z.object({ fleetId: z.string().min(1) });

/** The vehicle's odometer when it charged, in whole km; empty removes the reading. */
export const MAX_ODOMETER_KM = 2_000_000;
export const setOdometerInput = z.object({
  fleetId: z.string().min(1),
  sessionId: z.string().min(1),
  odometerKm: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    numberField(SCHEMA_MESSAGES.odometerNumber, SCHEMA_MESSAGES.odometerNumber)
      .pipe(
        z
          .number()
          .int(SCHEMA_MESSAGES.odometerNumber)
          .min(0, SCHEMA_MESSAGES.odometerRange)
          .max(MAX_ODOMETER_KM, SCHEMA_MESSAGES.odometerRange),
      )
      .nullable(),
  ),
});
export type SetOdometerInput = z.infer<typeof setOdometerInput>;
