// DepotFinity (JSON:API-flavoured): OAuth2 client-credentials token, chargers, reservations, status, transactions, RFID.
import { randomBytes, randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { z } from "zod";
import { describeIssue, parseInstant, queryNumber, readJsonBody } from "../http";
import { unitHash } from "../random";
import type { World } from "../world";

export const DEPOT_CLIENT_ID = "sandbox-depot-client";
export const DEPOT_CLIENT_SECRET = "sandbox-depot-secret";

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 500;

function error(c: Context, status: ErrorStatus, title: string, detail: string) {
  return c.json({ errors: [{ status: String(status), title, detail }] }, status);
}

export function depotTooManyRequests(c: Context) {
  return error(c, 429, "Too Many Requests", "Rate limit exceeded");
}

/** The token endpoint (its own host in production, `/depotfinity-auth` here). */
export function depotAuthRoutes(world: World) {
  const app = new Hono();
  app.post("/oauth2/token", async (c) => {
    const basic = c.req.header("authorization")?.match(/^Basic\s+(.+)$/i)?.[1];
    const [clientId, clientSecret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
    // Documented: invalid credentials answer 403 (not 401).
    if (clientId !== DEPOT_CLIENT_ID || clientSecret !== DEPOT_CLIENT_SECRET) {
      return c.json({ error: "invalid_client", error_description: "Invalid client credentials" }, 403);
    }
    const text = await c.req.text();
    const grantType = new URLSearchParams(text).get("grant_type") ?? safeJson(text)?.grant_type;
    if (grantType !== "client_credentials") {
      return c.json(
        { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" },
        400,
      );
    }
    const token = randomBytes(24).toString("base64url");
    const ttl = world.options.depotTokenTtlSeconds;
    const tokens = world.state.depot.tokens;
    const now = Date.now();
    for (const [t, expiry] of Object.entries(tokens)) if (expiry <= now) delete tokens[t];
    tokens[token] = now + ttl * 1000;
    world.changed();
    return c.json({ access_token: token, expires_in: ttl, token_type: "bearer" });
  });
  return app;
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function depotRoutes(world: World) {
  const app = new Hono();

  app.use("*", async (c, next) => {
    const token = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    const expiry = token ? world.state.depot.tokens[token] : undefined;
    if (!token || expiry === undefined) return error(c, 401, "Unauthorized", "Missing or invalid access token");
    if (expiry <= Date.now()) return error(c, 401, "Unauthorized", "Access token expired");
    await next();
  });

  app.get("/v1/chargers", (c) =>
    c.json({
      data: world.network.depotChargers.map((ch) => ({
        id: ch.id,
        type: "charger",
        attributes: {
          Name: ch.name,
          Latitude: ch.latitude,
          Longitude: ch.longitude,
          Address: ch.address,
          DepotName: ch.depotName,
          TimeZone: ch.timeZone,
          Connectors: ch.connectors.map((k) => ({
            ConnectorId: k.connectorId,
            Standard: k.standard,
            PowerType: k.powerType,
            MaxPowerKw: k.maxPowerKw,
          })),
        },
      })),
    }),
  );

  const reservationBody = z.object({
    ReservationStart: z.string(),
    ReservationEnd: z.string(),
    AuthorizationType: z.literal("RFID", { message: 'must be "RFID"' }),
    AuthorizationValue: z.string().min(1).max(64),
  });

  app.post("/v1/reservations/chargers/:chargerId/connectors/:connectorId", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, "Bad Request", body.message);
    const parsed = reservationBody.safeParse(body.value);
    if (!parsed.success) return error(c, 400, "Bad Request", describeIssue(parsed.error));
    const start = parseInstant(parsed.data.ReservationStart);
    const end = parseInstant(parsed.data.ReservationEnd);
    if (start === undefined)
      return error(c, 400, "Bad Request", "Invalid ReservationStart: must be an ISO 8601 UTC timestamp");
    if (end === undefined)
      return error(c, 400, "Bad Request", "Invalid ReservationEnd: must be an ISO 8601 UTC timestamp");
    if (end <= start) return error(c, 400, "Bad Request", "ReservationEnd must be after ReservationStart");
    const now = world.now();
    if (end <= now) return error(c, 400, "Bad Request", "ReservationEnd must be in the future");
    const charger = world.network.depotChargerById.get(c.req.param("chargerId"));
    if (!charger) return error(c, 404, "Not Found", "Charger not found");
    const connectorId = c.req.param("connectorId");
    if (!charger.connectors.some((k) => k.connectorId === connectorId))
      return error(c, 404, "Not Found", "Connector not found");
    const overlapping = Object.values(world.state.depot.reservations).some(
      (r) =>
        !r.removedAt && r.chargerId === charger.id && r.connectorId === connectorId && r.start < end && start < r.end,
    );
    if (overlapping) return error(c, 409, "Conflict", "The connector is already reserved in this period");
    const id = randomUUID();
    world.state.depot.reservations[id] = {
      id,
      chargerId: charger.id,
      connectorId,
      start,
      end,
      authorizationType: parsed.data.AuthorizationType,
      authorizationValue: parsed.data.AuthorizationValue,
      createdAt: now,
    };
    world.changed();
    return c.json({ ChargerReservationID: id, message: "Charger Reservation is successful." }, 201);
  });

  app.delete("/v1/reservations/:reservationId", (c) => {
    const reservation = world.state.depot.reservations[c.req.param("reservationId")];
    if (!reservation || reservation.removedAt) return error(c, 404, "Not Found", "Reservation not found");
    reservation.removedAt = world.now();
    world.changed();
    return c.json({ code: 200, message: "Reservation is deleted successful." }, 200);
  });

  app.get("/v1/chargerStatus/chargers/:chargerId/availabilityStatus", (c) => {
    const charger = world.network.depotChargerById.get(c.req.param("chargerId"));
    if (!charger) return error(c, 404, "Not Found", "Charger not found");
    const now = world.now();
    const hour = Math.floor(now / 3_600_000);
    return c.json({
      items: charger.connectors.map((k) => {
        const faulted = unitHash(world.seed, charger.id, k.connectorId, "fault", Math.floor(now / 86_400_000)) < 0.04;
        const busy =
          world.depotReservationAt(charger.id, k.connectorId, now) !== undefined ||
          unitHash(world.seed, charger.id, k.connectorId, hour) < 0.35;
        return {
          connectorId: k.connectorId,
          timeStamp: new Date(Math.min(now, hour * 3_600_000)).toISOString(),
          errorCode: faulted ? "GroundFailure" : "NoError",
          vendorErrorCode: faulted ? "E-GF-01" : "",
          vendorId: "DepotFinity",
          status: faulted ? "Faulted" : busy ? "Unavailable" : "Available",
        };
      }),
    });
  });

  app.get("/v2/transactions", (c) => {
    const page = queryNumber(c.req.query("page")) ?? 1;
    const limit = queryNumber(c.req.query("limit")) ?? 100;
    if (!(Number.isInteger(page) && page >= 1))
      return error(c, 400, "Bad Request", "Invalid page: must be an integer ≥ 1");
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000))
      return error(c, 400, "Bad Request", "Invalid limit: must be an integer between 1 and 1000");
    const now = world.now();
    const fromText = c.req.query("from");
    const toText = c.req.query("to");
    const from = fromText ? parseInstant(fromText) : now - 90 * 86_400_000;
    const to = toText ? parseInstant(toText) : now + 1;
    if (from === undefined) return error(c, 400, "Bad Request", "Invalid from: must be an ISO 8601 timestamp");
    if (to === undefined) return error(c, 400, "Bad Request", "Invalid to: must be an ISO 8601 timestamp");
    const orderBy = c.req.query("orderBy") ?? "StartTime";
    const order = (c.req.query("order") ?? "desc").toLowerCase();
    if (!["StartTime", "StopTime", "EnergyWh"].includes(orderBy))
      return error(c, 400, "Bad Request", "Invalid orderBy: must be StartTime, StopTime or EnergyWh");
    if (order !== "asc" && order !== "desc") return error(c, 400, "Bad Request", "Invalid order: must be asc or desc");
    const chargerId = c.req.query("chargerId");
    const connectorId = c.req.query("connectorId");
    const vehicleId = c.req.query("vehicleId");
    const key = { StartTime: "start", StopTime: "stop", EnergyWh: "energyWh" } as const;
    const field = key[orderBy as keyof typeof key];
    const all = world
      .depotTransactions(from, to, now)
      .filter(
        (t) =>
          (!chargerId || t.chargerId === chargerId) &&
          (!connectorId || t.connectorId === connectorId) &&
          (!vehicleId || t.vehicleId === vehicleId),
      )
      .sort((a, b) => (order === "asc" ? 1 : -1) * (a[field] - b[field]) || (a.id < b.id ? -1 : 1));
    return c.json({
      data: all.slice((page - 1) * limit, page * limit).map((t) => ({
        id: t.id,
        type: "transaction",
        attributes: {
          ChargerId: t.chargerId,
          ConnectorId: t.connectorId,
          VehicleId: t.vehicleId,
          AuthorizationValue: t.authorizationValue,
          StartTime: new Date(t.start).toISOString(),
          StopTime: new Date(t.stop).toISOString(),
          EnergyWh: t.energyWh,
          Cost: t.cost,
          Currency: "EUR",
        },
      })),
      meta: { page, limit, total: all.length },
    });
  });

  app.post("/v2/rfid", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return error(c, 400, "Bad Request", body.message);
    const parsed = z
      .object({ interimVehicleIDs: z.array(z.string().min(1).max(64)).min(1).max(500) })
      .safeParse(body.value);
    if (!parsed.success) return error(c, 400, "Bad Request", describeIssue(parsed.error));
    const now = world.now();
    for (const tag of parsed.data.interimVehicleIDs)
      world.state.depot.rfid[tag] = { enabled: true, createdAt: world.state.depot.rfid[tag]?.createdAt ?? now };
    world.changed();
    return c.json(
      { data: parsed.data.interimVehicleIDs.map((tag) => ({ id: tag, type: "rfid", attributes: { Enabled: true } })) },
      201,
    );
  });

  app.post("/v2/rfid/:tag/:enabled", (c) => {
    const enabled = c.req.param("enabled");
    if (enabled !== "true" && enabled !== "false")
      return error(c, 400, "Bad Request", "The last path segment must be true or false");
    const tag = world.state.depot.rfid[c.req.param("tag")];
    if (!tag) return error(c, 404, "Not Found", "RFID tag not found");
    tag.enabled = enabled === "true";
    world.changed();
    return c.json({ data: { id: c.req.param("tag"), type: "rfid", attributes: { Enabled: tag.enabled } } });
  });

  app.notFound((c) => error(c, 404, "Not Found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  return app;
}
