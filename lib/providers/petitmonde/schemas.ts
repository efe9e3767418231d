// zod of the Petit Monde client API wire format (snake_case, decimal EUR, km, kW).
import { z } from "zod";
import { decimal, keepValid, lenient, names, numeric, text, tolerantArray, tolerantPositions } from "../tolerant";

const PROVIDER = "PETITMONDE" as const;

// ── Search ───────────────────────────────────────────────────────────────────
// The docs name results[].location_id, name, address, distance_km, cpo_name, supports_reservation,
// evses[].evse_uid, evses[].status and pricing.estimated_price; everything else here is our reading.

/** Per-EVSE connector detail is not documented: every field is optional and several names are read. */
export const wireConnector = z.object({
  id: lenient(text),
  standard: lenient(z.string()),
  connector_type: lenient(z.string()),
  type: lenient(z.string()),
  power_type: lenient(z.string()),
  /** kW, like every power in this API. */
  max_power_kw: lenient(numeric),
  power_kw: lenient(numeric),
  /** kW, or W when above 1000 (an OCPI-minded implementation). */
  power: lenient(numeric),
  /** W, OCPI's name. */
  max_electric_power: lenient(numeric),
});
export type WireConnector = z.infer<typeof wireConnector>;

/** An EVSE with a single plug may describe it on itself, without a connectors list: the same names are read. */
export const wireEvse = wireConnector.omit({ id: true }).extend({
  evse_uid: text,
  evse_id: lenient(text),
  status: z.string(),
  capabilities: lenient(names),
  connectors: tolerantPositions(wireConnector, { provider: PROVIDER, path: "connectors", optional: true }),
});
export type WireEvse = z.infer<typeof wireEvse>;

const position = z.object({ latitude: numeric, longitude: numeric });

function pair(latitude: number | undefined, longitude: number | undefined) {
  return latitude === undefined || longitude === undefined ? undefined : { latitude, longitude };
}

const inRange = (c: { latitude: number; longitude: number }) =>
  Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180;

export const wireSearchResult = z
  .object({
    location_id: text,
    name: z.string(),
    address: lenient(z.string()),
    city: lenient(z.string()),
    postal_code: lenient(text),
    // Not in the docs' field list; read the likely names. Without any, the result is still bookable.
    coordinates: lenient(position),
    latitude: lenient(numeric),
    longitude: lenient(numeric),
    lat: lenient(numeric),
    lng: lenient(numeric),
    time_zone: lenient(z.string()),
    distance_km: lenient(numeric),
    cpo_name: lenient(z.string()),
    supports_reservation: z.boolean(),
    evses: tolerantArray(wireEvse, { provider: PROVIDER, path: "evses" }),
    pricing: lenient(
      z.object({
        estimated_price: lenient(decimal),
        currency: lenient(z.string()),
        price_per_kwh: lenient(decimal),
        vat_rate: lenient(decimal),
      }),
    ),
  })
  .transform(({ latitude, longitude, lat, lng, coordinates, ...rest }) => {
    const found = coordinates ?? pair(latitude, longitude) ?? pair(lat, lng);
    // A result without a usable position is kept: it can be booked, only not pinned on a map.
    return { ...rest, coordinates: found && inRange(found) ? found : undefined };
  });
export type WireSearchResult = z.infer<typeof wireSearchResult>;

export const searchResponse = z.object({
  total: lenient(numeric),
  results: tolerantArray(wireSearchResult, { provider: PROVIDER, path: "results" }),
});

// ── Bookings ─────────────────────────────────────────────────────────────────
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

/** id and status are promised; the rest is read when present, prices as numbers or decimal text. */
export const wireBooking = z.object({
  id: text,
  external_id: lenient(text),
  status: z.string(),
  status_updated_at: lenient(z.string()),
  cpo_reservation_id: lenient(text),
  client_price: lenient(decimal),
  client_price_currency: lenient(z.string()),
  location_id: lenient(text),
  evse_uid: lenient(text),
  location_city: lenient(z.string()),
  reservation_start: lenient(z.string()),
  reservation_end: lenient(z.string()),
  created_at: lenient(z.string()),
  no_show_fee: lenient(decimal),
  cancellation_fee: lenient(decimal),
  estimated_price: lenient(decimal),
});
export type WireBooking = z.infer<typeof wireBooking>;

/** `received` counts what was sent, dropped items included: offset paging must step by it. */
export const bookingsResponse = z
  .object({ bookings: z.array(z.unknown()), total: lenient(z.number().int()) })
  .transform(({ bookings, total }) => ({
    bookings: keepValid(bookings, wireBooking, { provider: PROVIDER, path: "bookings" }),
    received: bookings.length,
    total,
  }));

export const cancelBookingBody = z.object({ reason: z.string().min(1).max(500) });

/** The body of GET /usage is not documented: every field is optional and anything unreadable is left out. */
export const usageResponse = z
  .object({
    month_limit: lenient(numeric),
    month_used: lenient(numeric),
    minute_limit: lenient(numeric),
    minute_remaining: lenient(numeric),
    reset_at: lenient(z.string()),
  })
  .catch({});

export const petitMondeErrorBody = z.object({ error: z.string(), booking_id: z.string().nullish() });
