// A Petit Monde client API server built only from the docs' examples and text, for contract tests.
import { randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { LOCATIONS, type DocsConnector, type DocsEvse, type DocsLocation } from "./petitmonde-network";
import { distanceKm, isIsoInstant, isRecord, jsonBody, type DocsClock } from "./support";

const BOOKING_STATUSES = [
  "REQUESTED",
  "PENDING",
  "CONFIRMED",
  "ATTENDING",
  "COMPLETED",
  "EXPIRED",
  "NO_SHOW",
  "CANCELLED",
] as const;
type BookingStatus = (typeof BOOKING_STATUSES)[number];
const HOLDS_SLOT: readonly BookingStatus[] = ["REQUESTED", "PENDING", "CONFIRMED", "ATTENDING"];
const CANCELLABLE: readonly BookingStatus[] = ["REQUESTED", "PENDING", "CONFIRMED"];

interface DocsBooking {
  id: string;
  external_id?: string;
  status: BookingStatus;
  statusUpdatedMs: number;
  /** Set by a test; stops the operator's own progress. */
  forced: boolean;
  cpo_reservation_id: string | null;
  client_price: number;
  location: DocsLocation;
  evse_uid: string;
  startMs: number;
  endMs: number;
  createdMs: number;
}

const MINUTE = 60_000;
const MINUTE_LIMIT = 100;
const MONTH_LIMIT = 10_000;

export interface PetitMondeDocsControl {
  /** A fleet group's per-session spending limit, in EUR. */
  setFleetGroupLimit(fleetGroupId: string, perSessionLimitEur: number): void;
  /** Moves a booking to a state the operator would reach on its own (ATTENDING, COMPLETED, EXPIRED…). */
  setBookingStatus(bookingId: string, status: BookingStatus): void;
}

export function createPetitMondeDocsServer(options: { apiKey: string; clock: DocsClock }) {
  const { apiKey, clock } = options;
  const bookings = new Map<string, DocsBooking>();
  const groupLimits = new Map<string, number>();
  const recent: number[] = [];
  let month = { key: "", used: 0 };

  const error = (c: Context, status: number, text: string) =>
    c.json({ error: text }, status as 400 | 401 | 404 | 409 | 429);
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

  /** The operator answers on its own: PENDING after a few seconds, CONFIRMED a few seconds later. */
  function progress(b: DocsBooking): DocsBooking {
    if (b.forced) return b;
    const age = clock.now() - b.createdMs;
    const next: BookingStatus | undefined =
      b.status === "REQUESTED" && age >= 3_000
        ? "PENDING"
        : b.status === "PENDING" && age >= 8_000
          ? "CONFIRMED"
          : undefined;
    if (next) {
      b.status = next;
      b.statusUpdatedMs = clock.now();
      if (next === "CONFIRMED") b.cpo_reservation_id = `CPO-${b.id.slice(0, 8).toUpperCase()}`;
      return progress(b);
    }
    return b;
  }

  const app = new Hono().basePath("/api/v1/client");

  // Auth (X-API-Key or Bearer) and the per-client limits, with their headers on every response.
  app.use("*", async (c, next) => {
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    const key = c.req.header("x-api-key") ?? bearer;
    const now = clock.now();
    while (recent.length > 0 && recent[0] <= now - MINUTE) recent.shift();
    const setHeaders = () => {
      c.header("X-RateLimit-Limit", String(MINUTE_LIMIT));
      c.header("X-RateLimit-Remaining", String(Math.max(0, MINUTE_LIMIT - recent.length)));
      c.header("X-RateLimit-Reset", iso(recent.length > 0 ? recent[0] + MINUTE : now + MINUTE));
    };
    if (key !== apiKey) {
      setHeaders();
      return error(c, 401, "Invalid API key");
    }
    const monthKey = new Date(now).toISOString().slice(0, 7);
    if (month.key !== monthKey) month = { key: monthKey, used: 0 };
    if (recent.length >= MINUTE_LIMIT || month.used >= MONTH_LIMIT) {
      const d = new Date(now);
      const resetMs =
        recent.length >= MINUTE_LIMIT ? recent[0] + MINUTE : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      const seconds = Math.max(1, Math.ceil((resetMs - now) / 1000));
      setHeaders();
      c.header("Retry-After", String(seconds));
      return error(c, 429, `Rate limit exceeded. Retry after ${seconds} seconds.`);
    }
    recent.push(now);
    month.used++;
    setHeaders();
    await next();
  });

  app.get("/search", (c) => {
    const q = (name: string) => c.req.query(name);
    const lat = Number(q("lat"));
    const lng = Number(q("lng"));
    const radius = q("radius") === undefined ? 50 : Number(q("radius"));
    if (q("lat") === undefined || !Number.isFinite(lat) || Math.abs(lat) > 90)
      return error(c, 400, "Invalid latitude: must be between -90 and 90");
    if (q("lng") === undefined || !Number.isFinite(lng) || Math.abs(lng) > 180)
      return error(c, 400, "Invalid longitude: must be between -180 and 180");
    if (!Number.isFinite(radius) || radius <= 0 || radius > 200)
      return error(c, 400, "Invalid radius: must be between 0 and 200");
    const powerMin = q("power_min") === undefined ? undefined : Number(q("power_min"));
    if (powerMin !== undefined && !Number.isFinite(powerMin)) return error(c, 400, "Invalid power_min");
    const limit = q("limit") === undefined ? undefined : Number(q("limit"));
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) return error(c, 400, "Invalid limit");
    const startTime = q("start_time");
    const endTime = q("end_time");
    if ((startTime === undefined) !== (endTime === undefined))
      return error(c, 400, "start_time and end_time go together");
    if (startTime !== undefined && (!isIsoInstant(startTime) || !isIsoInstant(endTime)))
      return error(c, 400, "Invalid start_time or end_time: must be ISO 8601");
    const window = startTime === undefined ? undefined : { start: Date.parse(startTime), end: Date.parse(endTime!) };
    const connectorType = q("connector_type");

    const connectorOk = (k: DocsConnector) =>
      (!connectorType || k.standard === connectorType) &&
      (powerMin === undefined || k.max_electric_power / 1000 >= powerMin);
    const evseFree = (l: DocsLocation, e: DocsEvse) =>
      !window ||
      ![...bookings.values()].some(
        (b) =>
          b.location === l &&
          b.evse_uid === e.evse_uid &&
          HOLDS_SLOT.includes(progress(b).status) &&
          b.startMs < window.end &&
          window.start < b.endMs,
      );
    const centre = { lat, lng };
    const found = LOCATIONS.map((l) => ({ l, km: distanceKm(centre, l) }))
      .filter(({ km }) => km <= radius)
      .filter(({ l }) => l.evses.some((e) => e.connectors.some(connectorOk)))
      .filter(({ l }) => !window || (l.supports_reservation && l.evses.some((e) => evseFree(l, e))))
      .sort((a, b) => a.km - b.km);
    const results = found.slice(0, limit).map(({ l, km }) => ({
      location_id: l.location_id,
      name: l.name,
      address: l.address,
      distance_km: Math.round(km * 100) / 100,
      cpo_name: l.cpo_name,
      supports_reservation: l.supports_reservation,
      evses: l.evses
        .filter((e) => evseFree(l, e))
        .map((e) =>
          e.showConnectors
            ? { evse_uid: e.evse_uid, status: e.status, connectors: e.connectors }
            : { evse_uid: e.evse_uid, status: e.status },
        ),
      pricing: { estimated_price: l.estimated_price },
    }));
    return c.json({ total: found.length, results });
  });

  app.post("/bookings", async (c) => {
    const body = await jsonBody(c);
    const b = body.ok && isRecord(body.value) ? body.value : undefined;
    if (!b) return error(c, 400, "Invalid request body");
    for (const field of ["location_id", "evse_uid"] as const)
      if (typeof b[field] !== "string" || b[field] === "") return error(c, 400, `${field} is required`);
    for (const field of ["reservation_start", "reservation_end"] as const)
      if (!isIsoInstant(b[field]) || !(b[field] as string).endsWith("Z"))
        return error(c, 400, `${field} must be an ISO 8601 timestamp in UTC`);
    const startMs = Date.parse(b.reservation_start as string);
    const endMs = Date.parse(b.reservation_end as string);
    if (startMs < clock.now() + 15 * MINUTE)
      return error(c, 400, "reservation_start must be at least 15 minutes in the future");
    if (endMs <= startMs) return error(c, 400, "reservation_end must be after reservation_start");
    const strategy = b.token_strategy;
    if (strategy !== "driver_token" && strategy !== "group_token" && strategy !== "ad_hoc")
      return error(c, 400, "token_strategy must be driver_token, group_token or ad_hoc");
    if (strategy === "driver_token" && !b.customer_id && !b.token_id)
      return error(c, 400, "driver_token needs customer_id or token_id");
    if (strategy === "group_token" && !b.fleet_group_id) return error(c, 400, "group_token needs fleet_group_id");
    if (b.external_id !== undefined && typeof b.external_id !== "string")
      return error(c, 400, "external_id must be a string");
    const location = LOCATIONS.find((l) => l.location_id === b.location_id);
    if (!location) return error(c, 404, "Location not found");
    if (!location.evses.some((e) => e.evse_uid === b.evse_uid)) return error(c, 404, "EVSE not found");
    const taken = [...bookings.values()].some(
      (o) =>
        o.location === location &&
        o.evse_uid === b.evse_uid &&
        HOLDS_SLOT.includes(progress(o).status) &&
        o.startMs < endMs &&
        startMs < o.endMs,
    );
    if (!location.supports_reservation || taken)
      return error(c, 409, "EVSE not available for the requested time window");
    const groupLimit = strategy === "group_token" ? groupLimits.get(String(b.fleet_group_id)) : undefined;
    if (groupLimit !== undefined && location.estimated_price > groupLimit)
      return error(c, 400, "Fleet group spending limit exceeded");
    const now = clock.now();
    const booking: DocsBooking = {
      id: randomUUID(),
      external_id: b.external_id as string | undefined,
      status: "REQUESTED",
      statusUpdatedMs: now,
      forced: false,
      cpo_reservation_id: null,
      client_price: location.estimated_price,
      location,
      evse_uid: b.evse_uid as string,
      startMs,
      endMs,
      createdMs: now,
    };
    bookings.set(booking.id, booking);
    return c.json({ id: booking.id, status: booking.status }, 202);
  });

  const detail = (b: DocsBooking) => ({
    id: b.id,
    status: b.status,
    status_updated_at: iso(b.statusUpdatedMs),
    cpo_reservation_id: b.cpo_reservation_id,
    client_price: b.client_price,
    client_price_currency: "EUR",
  });

  app.get("/bookings/:id", (c) => {
    const booking = bookings.get(c.req.param("id"));
    if (!booking) return error(c, 404, "Booking not found");
    return c.json(detail(progress(booking)));
  });

  app.get("/bookings", (c) => {
    const statuses = c.req
      .queries("status")
      ?.flatMap((s) => s.split(","))
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    if (statuses?.some((s) => !(BOOKING_STATUSES as readonly string[]).includes(s)))
      return error(c, 400, `Invalid status: must be one of ${BOOKING_STATUSES.join(", ")}`);
    const from = c.req.query("from_date");
    const to = c.req.query("to_date");
    if ((from !== undefined && !isIsoInstant(from)) || (to !== undefined && !isIsoInstant(to)))
      return error(c, 400, "Invalid from_date or to_date: must be ISO 8601");
    const limit = Number(c.req.query("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1) return error(c, 400, "Invalid limit");
    const list = [...bookings.values()]
      .map(progress)
      .filter((b) => !statuses?.length || statuses.includes(b.status))
      .filter((b) => from === undefined || b.createdMs >= Date.parse(from))
      .filter((b) => to === undefined || b.createdMs <= Date.parse(to))
      .sort((a, b) => b.createdMs - a.createdMs)
      .slice(0, limit)
      .map((b) => ({
        id: b.id,
        external_id: b.external_id ?? null,
        status: b.status,
        client_price: b.client_price,
        location_city: b.location.city,
        created_at: iso(b.createdMs),
      }));
    return c.json({ bookings: list });
  });

  app.post("/bookings/:id/cancel", async (c) => {
    const booking = bookings.get(c.req.param("id"));
    if (!booking) return error(c, 404, "Booking not found");
    const body = await jsonBody(c);
    const reason = body.ok && isRecord(body.value) ? body.value.reason : undefined;
    if (reason !== undefined && typeof reason !== "string") return error(c, 400, "reason must be a string");
    progress(booking);
    if (!CANCELLABLE.includes(booking.status))
      return error(c, 400, `Booking cannot be cancelled in status ${booking.status}`);
    booking.status = "CANCELLED";
    booking.forced = true;
    booking.statusUpdatedMs = clock.now();
    return c.json(detail(booking));
  });

  // The docs say only that it reports the quota; the X-RateLimit-* headers carry it.
  app.get("/usage", (c) => c.json({}));

  app.notFound((c) => error(c, 404, "Not found"));

  const control: PetitMondeDocsControl = {
    setFleetGroupLimit(fleetGroupId, perSessionLimitEur) {
      groupLimits.set(fleetGroupId, perSessionLimitEur);
    },
    setBookingStatus(bookingId, status) {
      const booking = bookings.get(bookingId);
      if (!booking) throw new Error(`no booking ${bookingId}`);
      booking.status = status;
      booking.forced = true;
      booking.statusUpdatedMs = clock.now();
    },
  };
  return { app, control };
}
