// Plugsurfing Drive API (users, keys, geosearch, locations, remote start/stop, history) and its EMP fleet API.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { describeIssue, isoDuration, queryNumber, readJsonBody } from "../http";
import { sessionPrice } from "../lifecycle/pricing";
import { currentScenarios, sessionScenario } from "../scenarios";
import { geohash } from "../network/spatial-index";
import type { NetConnector, NetEvse, NetLocation, OcpiStandard } from "../network/types";
import { FixedWindowCounter } from "../rate-limits";
import { hash32, unitHash } from "../random";
import type { EmpKey, PlugsurfingSession, PlugsurfingUser } from "../state";
import { userKeyIds, type HistorySession, type World } from "../world";

export const PLUGSURFING_API_KEY = "sandbox-plugsurfing-key";

/** Plugsurfing's own connector standard names (not OCPI's). */
const STANDARD_NAMES: Record<OcpiStandard, string> = {
  IEC_62196_T2: "Type2",
  IEC_62196_T2_COMBO: "CCS",
  CHADEMO: "CHAdeMO",
  DOMESTIC_G: "3PinSquare",
  DOMESTIC_F: "Schuko",
};

/** A remote start on a connector that was started less than this ago is refused with 409. */
export const RESTART_GUARD_MS = 60_000;
/** Fleet tariffs are this much cheaper per kWh. */
const FLEET_KWH_FACTOR = 0.9;

function error(c: Context, status: 400 | 401 | 403 | 404 | 409 | 429 | 500, message: string) {
  return c.json({ status, message }, status);
}

export function plugsurfingTooManyRequests(c: Context) {
  return c.json({ status: 429, message: "Too many requests" }, 429);
}

export function plugsurfingRoutes(world: World) {
  const app = new Hono();
  const limits = world.options.rateLimits;
  const perMinute = new FixedWindowCounter(limits.plugsurfingPerMinute, 60_000);
  const perDay = new FixedWindowCounter(limits.plugsurfingPerDay, 86_400_000);

  app.use("*", async (c, next) => {
    if (c.req.header("x-api-key") !== PLUGSURFING_API_KEY) return error(c, 401, "Missing or invalid API key");
    const now = Date.now();
    // Documented: no Retry-After; the client waits for the next clock minute.
    if (!perMinute.take(now).allowed || !perDay.take(now).allowed) return plugsurfingTooManyRequests(c);
    await next();
  });

  // ---- users and keys ----------------------------------------------------------------------------

  const createUser = z.object({ id: z.string().min(1).max(255), email: z.email().optional() });
  app.post("/v1/users", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = createUser.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const users = world.state.plugsurfing.users;
    if (users[parsed.data.id]) return error(c, 409, `User ${parsed.data.id} already exists`);
    const email = parsed.data.email?.toLowerCase();
    if (email && Object.values(users).some((u) => u.email === email)) return error(c, 409, "Email already in use");
    users[parsed.data.id] = { id: parsed.data.id, email, createdAt: world.now() };
    world.changed();
    return c.body(null, 201);
  });

  const userOr404 = (c: Context): PlugsurfingUser | Response => {
    const user = world.state.plugsurfing.users[c.req.param("userId")!];
    return user ?? error(c, 404, "User not found");
  };

  app.get("/v1/users/:userId/charging-keys", (c) => {
    const user = userOr404(c);
    if (user instanceof Response) return user;
    return c.json({ keys: userKeys(world, user) });
  });

  const cardReservation = z.object({
    uid: z
      .string()
      .regex(/^([0-9a-fA-F]{2}){4,10}$/, { message: "must be 8–20 hexadecimal characters (little-endian bytes)" }),
    visualNumber: z.string().min(1).max(64),
    type: z.enum(["TAG", "CARD"]),
  });
  app.post("/v1/charging-keys/reservations", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = cardReservation.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const uid = parsed.data.uid.toUpperCase();
    const now = world.now();
    const previous = world.state.plugsurfing.cardReservations[uid];
    if (previous && now - previous.reservedAt < limits.cardOrderIntervalMs) {
      return error(c, 429, "Only one card reservation per uid every 5 minutes");
    }
    const reservation = { uid, visualNumber: parsed.data.visualNumber, type: parsed.data.type, reservedAt: now };
    world.state.plugsurfing.cardReservations[uid] = reservation;
    world.changed();
    return c.json({ ...reservation, reservedAt: new Date(now).toISOString(), status: "RESERVED" }, 201);
  });

  // ---- geosearch and locations -------------------------------------------------------------------

  const geosearchBody = z.object({
    filters: z
      .object({
        connectorStandards: z.array(z.string()).optional(),
        locationStatuses: z.array(z.string()).optional(),
        powerType: z.enum(["AC", "DC"]).optional(),
        power: z.number().min(0).optional(),
        capabilities: z.array(z.string()).optional(),
        open247: z.boolean().optional(),
      })
      .optional(),
    options: z.object({ filterEvsesAndConnectors: z.boolean().optional() }).optional(),
  });

  app.post("/v1/geosearch/radius", async (c) => {
    const latitude = queryNumber(c.req.query("latitude"));
    const longitude = queryNumber(c.req.query("longitude"));
    const distance = queryNumber(c.req.query("distance")) ?? 3000;
    const limit = queryNumber(c.req.query("limit")) ?? 100;
    const aggregate = c.req.query("aggregate") === "true";
    const precision = queryNumber(c.req.query("aggregationPrecision")) ?? 5;
    if (latitude === undefined) return error(c, 400, "Missing required parameter: latitude");
    if (longitude === undefined) return error(c, 400, "Missing required parameter: longitude");
    if (!(latitude >= -90 && latitude <= 90)) return error(c, 400, "Invalid latitude: must be between -90 and 90");
    if (!(longitude >= -180 && longitude <= 180))
      return error(c, 400, "Invalid longitude: must be between -180 and 180");
    if (!(distance > 0 && distance <= 1_000_000))
      return error(c, 400, "Invalid distance: must be between 1 and 1000000 metres");
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 300))
      return error(c, 400, "Invalid limit: must be an integer between 1 and 300");
    if (!(Number.isInteger(precision) && precision >= 2 && precision <= 9)) {
      return error(c, 400, "Invalid aggregationPrecision: must be an integer between 2 and 9");
    }
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = geosearchBody.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const filters = parsed.data.filters ?? {};
    const trimEvses = parsed.data.options?.filterEvsesAndConnectors ?? false;
    const now = world.now();

    const connectorMatches = (connector: NetConnector) =>
      (!filters.connectorStandards?.length ||
        filters.connectorStandards.includes(STANDARD_NAMES[connector.standard])) &&
      (!filters.powerType || (filters.powerType === "DC") === (connector.powerType === "DC")) &&
      (filters.power === undefined || connector.maxPowerKw * 1000 >= filters.power);
    const evseMatches = (evse: NetEvse) =>
      (!filters.capabilities?.length || filters.capabilities.every((cap) => evse.capabilities.includes(cap))) &&
      (!filters.locationStatuses?.length || filters.locationStatuses.includes(world.evseStatus(evse, now).status)) &&
      evse.connectors.some(connectorMatches);
    const locationMatches = (location: NetLocation) =>
      (filters.open247 === undefined || location.twentyFourSeven === filters.open247) &&
      location.evses.some(evseMatches);

    const hits = world.network.plugsurfingIndex.within(latitude, longitude, distance / 1000, locationMatches);
    const locations = hits
      .slice(0, limit)
      .map((hit) =>
        plugsurfingLocation(
          world,
          hit.item,
          now,
          trimEvses ? { evse: evseMatches, connector: connectorMatches } : undefined,
        ),
      );
    if (!aggregate) return c.json({ locations });
    return c.json({
      locations,
      aggregates: aggregateByGeohash(
        hits.map((h) => h.item),
        precision,
      ),
    });
  });

  app.get("/v1/locations/:locationId", (c) => {
    const location = world.network.byPlugsurfingId.get(c.req.param("locationId"));
    if (!location) return error(c, 404, "Location not found");
    const fleetId = c.req.query("fleetId");
    const fleet = fleetId ? world.state.plugsurfing.fleets[fleetId] : undefined;
    const t = location.tariff;
    const tariff = {
      currencyCode: t.currency,
      vat: String(t.vat),
      perKwhMinorInclVat: fleet ? Math.round(t.perKwhMinor * FLEET_KWH_FACTOR) : t.perKwhMinor,
      perMinuteMinorInclVat: t.perMinuteMinor,
      perSessionMinorInclVat: t.perSessionMinor,
      ...(fleet ? { fleetId: fleet.fleetId } : {}),
    };
    return c.json({ ...plugsurfingLocation(world, location, world.now()), tariff });
  });

  // ---- sessions ----------------------------------------------------------------------------------

  app.post("/v1/users/:userId/sessions/start", async (c) => {
    const user = userOr404(c);
    if (user instanceof Response) return user;
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = z.object({ connectorId: z.string().min(1) }).safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const ref = world.network.connectorByPlugsurfingId.get(parsed.data.connectorId);
    if (!ref) return error(c, 404, "Connector not found");
    const now = world.now();
    const previous = world.sessionsOnConnector(parsed.data.connectorId).at(-1);
    if (previous && now - previous.createdAt < RESTART_GUARD_MS) {
      return error(c, 409, "A session was started on this connector less than 60 seconds ago; wait before retrying");
    }
    const count = Object.keys(world.state.plugsurfing.sessions).length;
    const id = world.shortId("session", user.id, count, now);
    const h = (salt: string) => unitHash(world.seed, id, salt);
    const status = world.evseStatus(ref.evse, now).status;
    const failure = !ref.evse.capabilities.includes("REMOTE_START_STOP_CAPABLE")
      ? "Charger does not support remote start"
      : status !== "AVAILABLE"
        ? `Charger is ${status}`
        : undefined;
    const dc = ref.connector.powerType === "DC";
    const vehicleKw = dc ? Math.round(50 + h("kw") * 120) : 11;
    const energyNeedWh = Math.round((dc ? 15 + h("need") * 50 : 5 + h("need") * 35) * 1000);
    const chargeMs = (energyNeedWh / 1000 / Math.min(vehicleKw, ref.connector.maxPowerKw)) * 3_600_000;
    const session: PlugsurfingSession = {
      id,
      userId: user.id,
      connectorId: parsed.data.connectorId,
      chargingKeyId: userKeyIds(world.seed, user.id).virtualKeyId,
      createdAt: now,
      failure,
      startDelayMs: 3_000 + Math.floor(h("delay") ** 3 * 117_000),
      plugDurationMs: Math.round(chargeMs + h("idle") * (dc ? 10 : 90) * 60_000),
      vehicleKw,
      energyNeedWh,
      stopAttempts: 0,
      ...sessionScenario(currentScenarios(world.state)),
    };
    world.addSession(session);
    return c.json({ sessionId: id });
  });

  const sessionOr404 = (c: Context, user: PlugsurfingUser): PlugsurfingSession | Response => {
    const session = world.state.plugsurfing.sessions[c.req.param("sessionId")!];
    return session && session.userId === user.id ? session : error(c, 404, "Session not found");
  };

  app.get("/v1/users/:userId/sessions/:sessionId", (c) => {
    const user = userOr404(c);
    if (user instanceof Response) return user;
    const session = sessionOr404(c, user);
    if (session instanceof Response) {
      const past = world.userHistory(user).find((s) => s.id === c.req.param("sessionId"));
      return past ? c.json(historyWire(past)) : session;
    }
    return c.json(liveSessionWire(world, session, world.now()));
  });

  app.post("/v1/users/:userId/sessions/:sessionId/stop", (c) => {
    const user = userOr404(c);
    if (user instanceof Response) return user;
    const session = sessionOr404(c, user);
    if (session instanceof Response) {
      return world.userHistory(user).some((s) => s.id === c.req.param("sessionId")) ? c.body(null, 200) : session;
    }
    const now = world.now();
    const snapshot = world.sessionSnapshot(session, now);
    if (snapshot.active && session.stopRequestedAt === undefined) {
      session.stopAttempts++;
      // A few stops fail at the charger (STOP_FAILED); calling stop again succeeds. Under the stopFails
      // scenario every stop fails.
      if (
        session.stopFails ||
        (snapshot.status === "STARTED" &&
          session.stopAttempts === 1 &&
          unitHash(world.seed, session.id, "stop-fails") < 0.05)
      ) {
        session.stopFailedAt = now;
      } else {
        session.stopRequestedAt = now;
      }
      world.changed();
    }
    return c.body(null, 200);
  });

  const historyBody = z.object({
    sessionStatus: z.array(z.string()).optional(),
    chargingKeyId: z.string().optional(),
    startTime: z.iso.datetime({ offset: true }).optional(),
    endTime: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(100).optional(),
  });

  app.post("/v1/users/:userId/sessions/history", async (c) => {
    const user = userOr404(c);
    if (user instanceof Response) return user;
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = historyBody.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const q = parsed.data;
    const statuses = q.sessionStatus?.length ? q.sessionStatus : ["COMPLETE"];
    const from = q.startTime ? Date.parse(q.startTime) : -Infinity;
    const to = q.endTime ? Date.parse(q.endTime) : Infinity;
    let after: { startTime: number; id: string } | undefined;
    if (q.cursor) {
      after = decodeCursor(q.cursor);
      if (!after) return error(c, 400, "Invalid cursor");
    }
    const now = world.now();
    const rows: Array<{ startTime: number; id: string; chargingKeyId: string; wire: () => object; status: string }> =
      [];
    for (const past of world.userHistory(user)) {
      rows.push({
        startTime: past.startTime,
        id: past.id,
        chargingKeyId: past.chargingKeyId,
        status: "COMPLETE",
        wire: () => historyWire(past),
      });
    }
    for (const session of Object.values(world.state.plugsurfing.sessions)) {
      if (session.userId !== user.id) continue;
      const snapshot = world.sessionSnapshot(session, now);
      rows.push({
        startTime: snapshot.startTime,
        id: session.id,
        chargingKeyId: session.chargingKeyId,
        status: snapshot.status,
        wire: () => liveSessionWire(world, session, now),
      });
    }
    const matching = rows
      .filter(
        (r) =>
          statuses.includes(r.status) &&
          r.startTime >= from &&
          r.startTime < to &&
          (!q.chargingKeyId || r.chargingKeyId === q.chargingKeyId),
      )
      .sort((a, b) => a.startTime - b.startTime || a.id.localeCompare(b.id));
    const start = after
      ? matching.findIndex((r) => r.startTime > after.startTime || (r.startTime === after.startTime && r.id > after.id))
      : 0;
    const page = start < 0 ? [] : matching.slice(start, start + (q.limit ?? 50));
    const more = start >= 0 && start + page.length < matching.length;
    const last = page.at(-1);
    return c.json({
      sessions: page.map((r) => r.wire()),
      ...(more && last ? { cursor: encodeCursor({ startTime: last.startTime, id: last.id }) } : {}),
      count: page.length,
    });
  });

  // ---- EMP: fleets and keys ----------------------------------------------------------------------

  const createFleet = z.object({ fleetId: z.string().min(1).max(100), fleetName: z.string().max(100).optional() });
  app.post("/emp/v1/fleets", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = createFleet.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const { fleetId, fleetName } = parsed.data;
    if (world.state.plugsurfing.fleets[fleetId]) return error(c, 409, `Fleet ${fleetId} already exists`);
    const codeCount = hash32(world.seed, "invitation-codes", fleetId) % 3;
    const invitationCodes = Array.from(
      { length: codeCount },
      (_, i) =>
        `FLEET${hash32(world.seed, "code", fleetId, i).toString(36).toUpperCase().padStart(7, "0").slice(0, 7)}`,
    );
    world.state.plugsurfing.fleets[fleetId] = { fleetId, fleetName, invitationCodes, createdAt: world.now() };
    world.changed();
    return c.json({ fleetId, ...(fleetName !== undefined ? { fleetName } : {}) });
  });

  app.put("/emp/v1/fleets/:fleetId/rename", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = z.object({ newName: z.string().min(1).max(100) }).safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const fleet = world.state.plugsurfing.fleets[c.req.param("fleetId")];
    if (!fleet) return error(c, 404, "Fleet not found");
    fleet.fleetName = parsed.data.newName;
    world.changed();
    return c.json({ fleetId: fleet.fleetId, fleetName: fleet.fleetName });
  });

  app.get("/emp/v1/fleets/:fleetId/invitation", (c) => {
    const fleet = world.state.plugsurfing.fleets[c.req.param("fleetId")];
    if (!fleet) return error(c, 404, "Fleet not found");
    if (fleet.invitationCodes.length === 0) return error(c, 404, "No active invitation codes");
    return c.json(fleet.invitationCodes.map((code) => ({ code })));
  });

  app.get("/emp/v1/charging-keys", (c) => {
    const pageSize = queryNumber(c.req.query("page_size")) ?? 100;
    if (!(Number.isInteger(pageSize) && pageSize >= 10 && pageSize <= 500)) {
      return error(c, 400, "Invalid page_size: must be an integer between 10 and 500");
    }
    const fleetId = c.req.query("fleetId");
    let afterKey: string | undefined;
    const cursor = c.req.query("cursor");
    if (cursor) {
      afterKey = Buffer.from(cursor, "base64url").toString("utf8");
      if (!afterKey.startsWith("k:")) return error(c, 400, "Invalid cursor");
      afterKey = afterKey.slice(2);
    }
    const keys = Object.values(world.state.plugsurfing.empKeys)
      .filter((k) => !fleetId || k.fleetId === fleetId)
      .sort((a, b) => (a.keyIdentifier < b.keyIdentifier ? -1 : 1))
      .filter((k) => afterKey === undefined || k.keyIdentifier > afterKey);
    const page = keys.slice(0, pageSize);
    const next =
      keys.length > pageSize ? Buffer.from(`k:${page.at(-1)!.keyIdentifier}`).toString("base64url") : undefined;
    return c.json({ keys: page.map(empKeyWire), ...(next ? { cursor: next } : {}) });
  });

  const createKey = z.object({
    keyIdentifier: z.string().min(1).max(64),
    visualNumber: z.string().min(1).max(64),
    fleetId: z.string().min(1).max(100).optional(),
    validTo: z.iso.datetime({ offset: true }).optional(),
  });
  app.post("/emp/v1/charging-keys", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, body.message);
    const parsed = createKey.safeParse(body.value);
    if (!parsed.success) return error(c, 400, describeIssue(parsed.error));
    const k = parsed.data;
    if (world.state.plugsurfing.empKeys[k.keyIdentifier])
      return error(c, 409, `Charging key ${k.keyIdentifier} already exists`);
    if (k.fleetId && !world.state.plugsurfing.fleets[k.fleetId]) return error(c, 404, "Fleet not found");
    const key: EmpKey = {
      keyIdentifier: k.keyIdentifier,
      visualNumber: k.visualNumber,
      contractId: `DE-8PS-C${hash32(world.seed, "contract", k.keyIdentifier).toString(16).toUpperCase().padStart(8, "0")}-${"ABCDEFGHJKLMNPQRSTUVWXYZ"[hash32(k.keyIdentifier) % 24]}`,
      fleetId: k.fleetId,
      enabled: true,
      validTo: k.validTo,
      createdAt: world.now(),
    };
    world.state.plugsurfing.empKeys[key.keyIdentifier] = key;
    world.changed();
    return c.json(empKeyWire(key), 201);
  });

  for (const action of ["enable", "disable"] as const) {
    app.post(`/emp/v1/charging-keys/:keyIdentifier/${action}`, (c) => {
      const key = world.state.plugsurfing.empKeys[c.req.param("keyIdentifier")];
      if (!key) return error(c, 404, "Charging key not found");
      key.enabled = action === "enable";
      world.changed();
      return c.json(empKeyWire(key));
    });
  }

  app.notFound((c) => error(c, 404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  return app;
}

function empKeyWire(key: EmpKey) {
  return {
    keyIdentifier: key.keyIdentifier,
    visualNumber: key.visualNumber,
    contractId: key.contractId,
    fleetId: key.fleetId ?? null,
    enabled: key.enabled,
    validTo: key.validTo ?? null,
  };
}

function userKeys(world: World, user: PlugsurfingUser) {
  const ids = userKeyIds(world.seed, user.id);
  const created = new Date(user.createdAt).toISOString();
  const validTo = new Date(user.createdAt + 10 * 365 * 86_400_000).toISOString();
  const suffix = ids.tagKeyId.toUpperCase().slice(0, 6);
  return [
    {
      name: `key ${ids.tagKeyId}`,
      enabled: true,
      keyId: ids.tagKeyId,
      referenceId: `DE*8PS*${suffix}*1`,
      contractId: `DE-8PS-C${suffix}1-${"ABCDEFGHJKLMNPQRSTUVWXYZ"[hash32(user.id, "check") % 24]}`,
      type: "tag",
      validFrom: created,
      validTo,
      created,
      updated: created,
    },
    {
      name: "Virtual key",
      enabled: true,
      keyId: ids.virtualKeyId,
      contractId: `DE-8PS-C${ids.virtualKeyId.toUpperCase().slice(0, 6)}2-${"ABCDEFGHJKLMNPQRSTUVWXYZ"[hash32(user.id, "vcheck") % 24]}`,
      type: "virtual",
      validFrom: created,
      validTo,
      created,
      updated: created,
    },
  ];
}

function plugsurfingLocation(
  world: World,
  location: NetLocation,
  now: number,
  trim?: { evse: (e: NetEvse) => boolean; connector: (c: NetConnector) => boolean },
) {
  const evses = trim ? location.evses.filter(trim.evse) : location.evses;
  return {
    id: location.plugsurfingId,
    name: location.name,
    coordinates: { latitude: location.latitude.toFixed(6), longitude: location.longitude.toFixed(6) },
    evses: evses.map((evse) => {
      const live = world.evseStatus(evse, now);
      const connectors = trim ? evse.connectors.filter(trim.connector) : evse.connectors;
      return {
        uid: evse.plugsurfingUid,
        evse_id: evse.evseId,
        status: live.status,
        connectors: connectors.map((c) => ({
          id: c.plugsurfingId,
          standard: STANDARD_NAMES[c.standard],
          power: c.maxPowerKw * 1000,
          power_type: c.powerType,
        })),
        capabilities: evse.capabilities,
        last_updated: new Date(live.since).toISOString(),
      };
    }),
    operator: { id: `${location.country.code}*${location.operator.partyId}`, name: location.operator.name },
    opening_times: {
      twentyfourseven: location.twentyFourSeven,
      regular_hours: location.regularHours.map((h) => ({
        weekday: h.weekday,
        period_begin: h.periodBegin,
        period_end: h.periodEnd,
      })),
      exceptional_openings: [],
      exceptional_closings: [],
    },
    directions: [],
    country: location.country.alpha3,
    city: location.city,
    postal_code: location.postalCode,
    address: location.address,
    time_zone: location.timeZone,
    tariff: {
      currencyCode: location.tariff.currency,
      vat: String(location.tariff.vat),
      perKwhMinorInclVat: location.tariff.perKwhMinor,
      perMinuteMinorInclVat: location.tariff.perMinuteMinor,
      perSessionMinorInclVat: location.tariff.perSessionMinor,
    },
  };
}

function aggregateByGeohash(locations: NetLocation[], precision: number) {
  const buckets = new Map<string, { lat: number; lon: number; count: number }>();
  for (const l of locations) {
    const key = geohash(l.latitude, l.longitude, precision);
    const b = buckets.get(key) ?? { lat: 0, lon: 0, count: 0 };
    b.lat += l.latitude;
    b.lon += l.longitude;
    b.count++;
    buckets.set(key, b);
  }
  return [...buckets.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([geohash, b]) => ({
      coordinates: { latitude: (b.lat / b.count).toFixed(6), longitude: (b.lon / b.count).toFixed(6) },
      count: b.count,
      geohash,
    }));
}

function chargerWire(location: NetLocation, evse: NetEvse, connectorLabel: string) {
  return {
    chargingStationName: `${location.name} ${evse.evseId.split("*").at(-1)}`,
    connectorLabel,
    evseId: evse.evseId,
  };
}

function liveSessionWire(world: World, session: PlugsurfingSession, now: number) {
  const ref = world.network.connectorByPlugsurfingId.get(session.connectorId)!;
  const snapshot = world.sessionSnapshot(session, now);
  const complete = snapshot.status === "COMPLETE";
  const charged = snapshot.status === "STARTED" || snapshot.status === "STOP_FAILED" || complete;
  return {
    sessionStatus: snapshot.status,
    // Payment settles a minute after the session ends.
    ...(complete ? { balanceStatus: now - snapshot.endTime! < 60_000 ? "PROCESSING" : "PAID" } : {}),
    charger: chargerWire(ref.location, ref.evse, ref.connector.number),
    connectorId: session.connectorId,
    duration: isoDuration(snapshot.durationMs),
    ...(charged ? { energy: { unit: "WH", value: snapshot.energyWh } } : {}),
    ...(charged
      ? { price: sessionPrice(ref.location.tariff, snapshot.energyWh, snapshot.durationMs, 1, session.priceFactor) }
      : {}),
    ...(complete ? { paymentMethod: "EXTERNAL" } : {}),
    receiptAvailable: complete && now - snapshot.endTime! >= 60_000,
    sessionId: session.id,
    site: ref.location.name,
    startTime: new Date(snapshot.startTime).toISOString(),
    ...(snapshot.endTime !== undefined ? { endTime: new Date(snapshot.endTime).toISOString() } : {}),
    chargingKeyId: session.chargingKeyId,
  };
}

function historyWire(s: HistorySession) {
  return {
    sessionStatus: "COMPLETE",
    balanceStatus: s.balanceStatus,
    charger: chargerWire(s.location, s.evse, s.connectorLabel),
    connectorId: s.connectorId,
    duration: isoDuration(s.endTime - s.startTime),
    energy: { unit: "WH", value: s.energyWh },
    paymentMethod: "EXTERNAL",
    price: s.price,
    receiptAvailable: true,
    sessionId: s.id,
    site: s.location.name,
    startTime: new Date(s.startTime).toISOString(),
    endTime: new Date(s.endTime).toISOString(),
    chargingKeyId: s.chargingKeyId,
  };
}

function encodeCursor(position: { startTime: number; id: string }): string {
  return Buffer.from(`${position.startTime}|${position.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { startTime: number; id: string } | undefined {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const startTime = Number(time);
  return Number.isFinite(startTime) && id ? { startTime, id } : undefined;
}
