// zod of the Petit Monde client API wire format (snake_case, decimal EUR, km, kW).
import { z } from "zod";

const decimal = z.union([z.number(), z.string()]);

export const wireConnector = z.object({
  id: z.string(),
  standard: z.string(),
  power_type: z.string().nullish(),
  max_power_kw: z.number().nullish(),
});

export const wireEvse = z.object({
  evse_uid: z.string(),
  evse_id: z.string().nullish(),
  status: z.string(),
  capabilities: z.array(z.string()).nullish(),
  connectors: z.array(wireConnector).nullish(),
});

export const wireSearchResult = z.object({
  location_id: z.string(),
  name: z.string(),
  address: z.string().nullish(),
  city: z.string().nullish(),
  postal_code: z.string().nullish(),
  coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullish(),
  time_zone: z.string().nullish(),
  distance_km: z.number().nullish(),
  cpo_name: z.string().nullish(),
  supports_reservation: z.boolean(),
  evses: z.array(wireEvse).default([]),
  pricing: z
    .object({
      estimated_price: decimal.nullish(),
      currency: z.string().nullish(),
      price_per_kwh: decimal.nullish(),
      vat_rate: decimal.nullish(),
    })
    .nullish(),
});
export type WireSearchResult = z.infer<typeof wireSearchResult>;

export const searchResponse = z.object({ total: z.number().int().nullish(), results: z.array(wireSearchResult) });

export const TOKEN_STRATEGY_WIRE = ["driver_token", "group_token", "ad_hoc"] as const;

export const createBookingBody = z
  .object({
    location_id: z.string().min(1),
    evse_uid: z.string().min(1),
    connector_id: z.string().optional(),
    reservation_start: z.string().datetime(),
    reservation_end: z.string().datetime(),
    external_id: z.string().min(1),
    token_strategy: z.enum(TOKEN_STRATEGY_WIRE),
    customer_id: z.string().optional(),
    token_id: z.string().optional(),
    fleet_group_id: z.string().optional(),
  })
  .refine((b) => b.token_strategy !== "driver_token" || Boolean(b.customer_id || b.token_id), {
    message: "driver_token needs customer_id or token_id",
    path: ["customer_id"],
  })
  .refine((b) => b.token_strategy !== "group_token" || Boolean(b.fleet_group_id), {
    message: "group_token needs fleet_group_id",
    path: ["fleet_group_id"],
  })
  .refine((b) => Date.parse(b.reservation_end) > Date.parse(b.reservation_start), {
    message: "reservation_end must be after reservation_start",
    path: ["reservation_end"],
  });
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const wireBooking = z.object({
  id: z.string(),
  external_id: z.string().nullish(),
  status: z.string(),
  status_updated_at: z.string().nullish(),
  cpo_reservation_id: z.string().nullish(),
  client_price: decimal.nullish(),
  client_price_currency: z.string().nullish(),
  location_id: z.string().nullish(),
  evse_uid: z.string().nullish(),
  location_city: z.string().nullish(),
  reservation_start: z.string().nullish(),
  reservation_end: z.string().nullish(),
  created_at: z.string().nullish(),
  no_show_fee: decimal.nullish(),
  cancellation_fee: decimal.nullish(),
  estimated_price: decimal.nullish(),
});
export type WireBooking = z.infer<typeof wireBooking>;

export const bookingsResponse = z.object({ bookings: z.array(wireBooking), total: z.number().int().nullish() });

export const cancelBookingBody = z.object({ reason: z.string().min(1).max(500) });

export const usageResponse = z.object({
  month_limit: z.number().int(),
  month_used: z.number().int(),
  minute_limit: z.number().int(),
  minute_remaining: z.number().int(),
  reset_at: z.string(),
});

export const petitMondeErrorBody = z.object({ error: z.string(), booking_id: z.string().nullish() });
