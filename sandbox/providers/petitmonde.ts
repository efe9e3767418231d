// Petit Monde client API: search, bookings (three token strategies, spending limits), cancel, usage.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { describeIssue, parseInstant, queryNumber, readJsonBody, roundMoney } from "../http";
import { petitMondePriceEur } from "../lifecycle/pricing";
import { bookingScenario, currentScenarios } from "../scenarios";
import { isOpenDuring } from "../network/opening-hours";
import type { NetEvse, NetLocation } from "../network/types";
import { SlidingWindowCounter, startOfNextUtcMonth, utcMonth } from "../rate-limits";
import { stableUuid } from "../random";
import type { FleetGroup, PetitMondeBooking } from "../state";
import type { World } from "../world";

export const PETIT_MONDE_API_KEY = "sandbox-petitmonde-key";
export const DEFAULT_FLEET_GROUP_LIMITS = { monthlyLimitEur: 2000, perSessionLimitEur: 60 };
const MIN_LEAD_MS = 15 * 60_000;
const MAX_WINDOW_MS = 4 * 3_600_000;

const OCPI_CONNECTOR_TYPES = [
  "IEC_62196_T2",
  "IEC_62196_T2_COMBO",
  "CHADEMO",
  "DOMESTIC_F",
  "DOMESTIC_G",
  "IEC_62196_T1",
  "IEC_62196_T1_COMBO",
];

function error(c: Context, status: 400 | 401 | 403 | 404 | 409 | 429, message: string, extra: object = {}) {
  return c.json({ error: message, ...extra }, status);
}

export interface PetitMondeLimiter {
  minute: SlidingWindowCounter;
}

/** The documented 429: Retry-After plus a message naming the wait, with the rate-limit headers set by the caller. */
export function petitMondeTooManyRequests(c: Context, retryAfterSeconds = 60) {
  c.header("Retry-After", String(retryAfterSeconds));
  return c.json({ error: `Rate limit exceeded. Retry after ${retryAfterSeconds} seconds.` }, 429);
}

export function petitMondeRoutes(world: World, limiter: PetitMondeLimiter) {
  const app = new Hono();
  const monthLimit = world.options.rateLimits.petitMondePerMonth;

  app.use("*", async (c, next) => {
    const bearer = c.req.header("authorization")?.replace(/^Bearer\s+/i, "");
    if (c.req.header("x-api-key") !== PETIT_MONDE_API_KEY && bearer !== PETIT_MONDE_API_KEY)
      return error(c, 401, "Invalid API key");
    const now = Date.now();
    const setHeaders = () => {
      c.header("X-RateLimit-Limit", String(limiter.minute.limit));
      c.header("X-RateLimit-Remaining", String(limiter.minute.remaining(now)));
      c.header("X-RateLimit-Reset", new Date(limiter.minute.resetAt(now)).toISOString());
    };
    const usage = world.state.petitMonde.monthlyUsage;
    const month = utcMonth(now);
    if ((usage[month] ?? 0) >= monthLimit) {
      setHeaders();
      c.header("X-RateLimit-Reset", new Date(startOfNextUtcMonth(now)).toISOString());
      return petitMondeTooManyRequests(c, Math.ceil((startOfNextUtcMonth(now) - now) / 1000));
    }
    if (!limiter.minute.take(now)) {
      setHeaders();
      return petitMondeTooManyRequests(c, Math.max(1, Math.ceil((limiter.minute.resetAt(now) - now) / 1000)));
    }
    usage[month] = (usage[month] ?? 0) + 1;
    world.changed();
    await next();
    setHeaders();
  });

  // ---- search ------------------------------------------------------------------------------------

  app.get("/search", (c) => {
    const q = (name: string) => queryNumber(c.req.query(name));
    const lat = q("lat");
    const lng = q("lng");
    const radius = q("radius") ?? 50;
    const powerMin = q("power_min");
    const limit = q("limit") ?? 50;
    const connectorType = c.req.query("connector_type");
    if (lat === undefined) return error(c, 400, "Missing required parameter: lat");
    if (lng === undefined) return error(c, 400, "Missing required parameter: lng");
    if (!(lat >= -90 && lat <= 90)) return error(c, 400, "Invalid latitude: must be between -90 and 90");
    if (!(lng >= -180 && lng <= 180)) return error(c, 400, "Invalid longitude: must be between -180 and 180");
    if (!(radius > 0 && radius <= 200)) return error(c, 400, "Invalid radius: must be between 0 and 200 km");
    if (powerMin !== undefined && !(powerMin >= 0))
      return error(c, 400, "Invalid power_min: must be a non-negative number of kW");
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 500))
      return error(c, 400, "Invalid limit: must be an integer between 1 and 500");
    if (connectorType && !OCPI_CONNECTOR_TYPES.includes(connectorType)) {
      return error(c, 400, `Invalid connector_type: must be one of ${OCPI_CONNECTOR_TYPES.join(", ")}`);
    }
    const startText = c.req.query("start_time");
    const endText = c.req.query("end_time");
    let window: { start: number; end: number } | undefined;
    if (startText !== undefined || endText !== undefined) {
      const start = parseInstant(startText);
      const end = parseInstant(endText);
      if (start === undefined)
        return error(c, 400, "Invalid start_time: must be an ISO 8601 timestamp with a time zone");
      if (end === undefined) return error(c, 400, "Invalid end_time: must be an ISO 8601 timestamp with a time zone");
      if (end <= start) return error(c, 400, "Invalid end_time: must be after start_time");
      window = { start, end };
    }
    const now = world.now();
    const evseMatches = (location: NetLocation, evse: NetEvse) =>
      evse.connectors.some(
        (connector) =>
          (!connectorType || connector.standard === connectorType) &&
          (powerMin === undefined || connector.maxPowerKw >= powerMin),
      ) &&
      (!window || reservableDuring(world, location, evse, window.start, window.end, now));
    const hits = world.network.petitMondeIndex.within(lat, lng, radius, (l) => l.evses.some((e) => evseMatches(l, e)));
    const hours = window ? (window.end - window.start) / 3_600_000 : 1;
    const results = hits.slice(0, limit).map(({ item: location, distanceKm }) => {
      const evses = location.evses.filter((e) => evseMatches(location, e));
      const bestKw = Math.max(...evses.flatMap((e) => e.connectors.map((k) => k.maxPowerKw)));
      return {
        location_id: location.petitMondeId,
        name: location.name,
        address: location.address,
        city: location.city,
        postal_code: location.postalCode,
        coordinates: { latitude: location.latitude, longitude: location.longitude },
        time_zone: location.timeZone,
        distance_km: Math.round(distanceKm * 100) / 100,
        cpo_name: location.operator.name,
        supports_reservation: location.evses.some((e) => e.capabilities.includes("RESERVABLE")),
        evses: evses.map((evse) => ({
          evse_uid: evse.evseId,
          evse_id: evse.evseId,
          status: world.evseStatus(evse, now).status,
          capabilities: evse.capabilities,
          connectors: evse.connectors.map((k) => ({
            id: k.number,
            standard: k.standard,
            power_type: k.powerType,
            max_power_kw: k.maxPowerKw,
          })),
        })),
        pricing: {
          estimated_price: petitMondePriceEur(location.tariff, bestKw, hours),
          currency: "EUR",
          price_per_kwh: location.tariff.perKwhMinor / 100,
          vat_rate: location.tariff.vat,
        },
      };
    });
    return c.json({ total: hits.length, results });
  });

  // ---- bookings ----------------------------------------------------------------------------------

  const createBooking = z.object({
    location_id: z.string().min(1),
    evse_uid: z.string().min(1),
    connector_id: z.string().min(1).optional(),
    reservation_start: z.string(),
    reservation_end: z.string(),
    external_id: z.string().min(1).max(255),
    token_strategy: z.enum(["driver_token", "group_token", "ad_hoc"], {
      message: "must be one of driver_token, group_token, ad_hoc",
    }),
    customer_id: z.string().min(1).optional(),
    token_id: z.string().min(1).optional(),
    fleet_group_id: z.string().min(1).optional(),
  });

  app.post("/bookings", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = createBooking.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const b = parsed.data;
    if (b.token_strategy === "driver_token" && !b.customer_id && !b.token_id) {
      return error(c, 400, "customer_id or token_id is required for token_strategy driver_token");
    }
    if (b.token_strategy === "group_token" && !b.fleet_group_id)
      return error(c, 400, "fleet_group_id is required for token_strategy group_token");
    const start = parseInstant(b.reservation_start);
    const end = parseInstant(b.reservation_end);
    if (start === undefined) return error(c, 400, "Invalid reservation_start: must be an ISO 8601 timestamp in UTC");
    if (end === undefined) return error(c, 400, "Invalid reservation_end: must be an ISO 8601 timestamp in UTC");
    const now = world.now();
    if (start < now + MIN_LEAD_MS) return error(c, 400, "reservation_start must be at least 15 minutes in the future");
    if (end <= start) return error(c, 400, "reservation_end must be after reservation_start");
    if (end - start > MAX_WINDOW_MS) return error(c, 400, "Reservation window must not exceed 4 hours");

    const existing = world.bookingsByExternalId.get(b.external_id);
    if (existing)
      return error(c, 409, `Booking with external_id ${b.external_id} already exists`, { booking_id: existing.id });
    const location = world.network.byPetitMondeId.get(b.location_id);
    if (!location) return error(c, 404, "Location not found");
    const evse = location.evses.find((e) => e.evseId === b.evse_uid);
    if (!evse) return error(c, 404, "EVSE not found at this location");
    if (b.connector_id && !evse.connectors.some((k) => k.number === b.connector_id))
      return error(c, 404, "Connector not found on this EVSE");
    if (!evse.capabilities.includes("RESERVABLE")) return error(c, 409, "EVSE does not accept reservations");
    if (!isOpenDuring(location, start, end)) return error(c, 409, "Location is closed during the requested window");
    if (world.hasOverlappingBooking(evse.evseId, start, end, now))
      return error(c, 409, "EVSE not available for the requested window");

    const kw = b.connector_id
      ? evse.connectors.find((k) => k.number === b.connector_id)!.maxPowerKw
      : Math.max(...evse.connectors.map((k) => k.maxPowerKw));
    const estimate = petitMondePriceEur(location.tariff, kw, (end - start) / 3_600_000);
    if (b.token_strategy === "group_token") {
      const group = fleetGroup(world, b.fleet_group_id!);
      const month = utcMonth(start);
      const spent = Object.values(world.state.petitMonde.bookings)
        .filter((x) => x.fleetGroupId === group.id && utcMonth(x.reservationStart) === month)
        .reduce((sum, x) => {
          const s = world.bookingSnapshot(x, now);
          if (s.status === "CANCELLED" || s.status === "EXPIRED") return sum + (s.clientPriceEur ?? 0);
          return sum + (s.clientPriceEur ?? s.noShowFeeEur ?? x.estimatedPriceEur);
        }, 0);
      if (estimate > group.perSessionLimitEur || spent + estimate > group.monthlyLimitEur) {
        return error(c, 400, "Fleet group spending limit exceeded", {
          fleet_group_id: group.id,
          estimated_price: estimate,
          monthly_limit: group.monthlyLimitEur,
          monthly_spent: roundMoney(spent),
          per_session_limit: group.perSessionLimitEur,
        });
      }
    }
    const booking: PetitMondeBooking = {
      // Derived from external_id (unique per booking), so a booking's fate is reproducible across runs.
      id: stableUuid(world.seed, "booking", b.external_id),
      externalId: b.external_id,
      locationId: location.petitMondeId,
      evseUid: evse.evseId,
      connectorId: b.connector_id,
      reservationStart: start,
      reservationEnd: end,
      createdAt: now,
      tokenStrategy: b.token_strategy,
      customerId: b.customer_id,
      tokenId: b.token_id,
      fleetGroupId: b.fleet_group_id,
      estimatedPriceEur: estimate,
      ...bookingScenario(currentScenarios(world.state)),
      cpoReservationId: `${location.operator.partyId}-R${stableUuid(world.seed, b.external_id).slice(0, 8).toUpperCase()}`,
    };
    world.addBooking(booking);
    return c.json(bookingWire(world, booking, now, true), 202);
  });

  app.get("/bookings", (c) => {
    const limit = queryNumber(c.req.query("limit")) ?? 100;
    const offset = queryNumber(c.req.query("offset")) ?? 0;
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000))
      return error(c, 400, "Invalid limit: must be an integer between 1 and 1000");
    if (!(Number.isInteger(offset) && offset >= 0))
      return error(c, 400, "Invalid offset: must be a non-negative integer");
    const statuses = c.req
      .query("status")
      ?.split(",")
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const fromText = c.req.query("from_date");
    const toText = c.req.query("to_date");
    const from = fromText ? parseDate(fromText) : undefined;
    const to = toText ? parseDate(toText, true) : undefined;
    if (Number.isNaN(from)) return error(c, 400, "Invalid from_date: must be an ISO 8601 date or timestamp");
    if (Number.isNaN(to)) return error(c, 400, "Invalid to_date: must be an ISO 8601 date or timestamp");
    const externalId = c.req.query("external_id");
    const now = world.now();
    const matching = Object.values(world.state.petitMonde.bookings)
      .filter(
        (b) =>
          (!externalId || b.externalId === externalId) &&
          (from === undefined || b.createdAt >= from) &&
          (to === undefined || b.createdAt < to) &&
          (!statuses?.length || statuses.includes(world.bookingSnapshot(b, now).status)),
      )
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    return c.json({
      bookings: matching.slice(offset, offset + limit).map((b) => bookingWire(world, b, now, false)),
      total: matching.length,
      limit,
      offset,
    });
  });

  app.get("/bookings/:id", (c) => {
    const booking = world.state.petitMonde.bookings[c.req.param("id")];
    if (!booking) return error(c, 404, "Booking not found");
    return c.json(bookingWire(world, booking, world.now(), true));
  });

  app.post("/bookings/:id/cancel", async (c) => {
    const booking = world.state.petitMonde.bookings[c.req.param("id")];
    if (!booking) return error(c, 404, "Booking not found");
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = z.object({ reason: z.string().max(500).optional() }).safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const now = world.now();
    const status = world.bookingSnapshot(booking, now).status;
    if (status !== "REQUESTED" && status !== "PENDING" && status !== "CONFIRMED") {
      return error(c, 400, `Booking cannot be cancelled in status ${status}`);
    }
    const location = world.network.byPetitMondeId.get(booking.locationId)!;
    booking.cancelledAt = now;
    booking.cancelReason = parsed.data.reason;
    booking.cancellationFeeEur = status === "CONFIRMED" ? location.operator.cancellationFeeEur : 0;
    if (booking.forced && booking.forced.at <= now) booking.forced = undefined;
    world.changed();
    return c.json(bookingWire(world, booking, now, true));
  });

  app.get("/usage", (c) => {
    const now = Date.now();
    const used = world.state.petitMonde.monthlyUsage[utcMonth(now)] ?? 0;
    return c.json({
      month_limit: monthLimit,
      month_used: used,
      minute_limit: limiter.minute.limit,
      minute_remaining: limiter.minute.remaining(now),
      reset_at: new Date(startOfNextUtcMonth(now)).toISOString(),
    });
  });

  app.notFound((c) => error(c, 404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  return app;
}

export function fleetGroup(world: World, id: string): FleetGroup {
  const groups = world.state.petitMonde.fleetGroups;
  if (!groups[id]) {
    groups[id] = { id, ...DEFAULT_FLEET_GROUP_LIMITS };
    world.changed();
  }
  return groups[id];
}

function reservableDuring(
  world: World,
  location: NetLocation,
  evse: NetEvse,
  start: number,
  end: number,
  now: number,
): boolean {
  return (
    evse.capabilities.includes("RESERVABLE") &&
    isOpenDuring(location, start, end) &&
    !world.hasOverlappingBooking(evse.evseId, start, end, now)
  );
}

function parseDate(text: string, endOfDay = false): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0);
  return parseInstant(text) ?? NaN;
}

function bookingWire(world: World, booking: PetitMondeBooking, now: number, detailed: boolean) {
  const snapshot = world.bookingSnapshot(booking, now);
  const location = world.network.byPetitMondeId.get(booking.locationId)!;
  const confirmedOnce =
    ["CONFIRMED", "ATTENDING", "COMPLETED", "NO_SHOW"].includes(snapshot.status) ||
    (booking.cancellationFeeEur ?? 0) > 0;
  return {
    id: booking.id,
    external_id: booking.externalId,
    status: snapshot.status,
    status_updated_at: new Date(snapshot.statusUpdatedAt).toISOString(),
    client_price: snapshot.clientPriceEur ?? null,
    client_price_currency: "EUR",
    estimated_price: booking.estimatedPriceEur,
    location_id: booking.locationId,
    evse_uid: booking.evseUid,
    connector_id: booking.connectorId ?? null,
    location_city: location.city,
    reservation_start: new Date(booking.reservationStart).toISOString(),
    reservation_end: new Date(booking.reservationEnd).toISOString(),
    created_at: new Date(booking.createdAt).toISOString(),
    token_strategy: booking.tokenStrategy,
    ...(booking.customerId ? { customer_id: booking.customerId } : {}),
    ...(booking.tokenId ? { token_id: booking.tokenId } : {}),
    ...(booking.fleetGroupId ? { fleet_group_id: booking.fleetGroupId } : {}),
    ...(snapshot.noShowFeeEur !== undefined ? { no_show_fee: snapshot.noShowFeeEur } : {}),
    ...(snapshot.status === "CANCELLED"
      ? { cancellation_fee: booking.cancellationFeeEur ?? 0, cancel_reason: booking.cancelReason ?? null }
      : {}),
    ...(detailed ? { cpo_reservation_id: confirmedOnce ? booking.cpoReservationId : null } : {}),
  };
}
