// A DepotFinity server (token host and API host) built only from the docs' text and examples, for contract tests.
import { randomBytes, randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { isIsoInstant, isRecord, jsonBody, type DocsClock } from "./support";

/** The fleet's depot chargers, as its admin would configure them: the docs have no list endpoint. */
export const DOCS_DEPOT_CHARGERS = [
  { chargerId: "CHG-DEPOT-01", connectorIds: ["1", "2"], status: "Available" },
  { chargerId: "CHG-DEPOT-02", connectorIds: ["1"], status: "Unavailable" },
  { chargerId: "CHG-DEPOT-03", connectorIds: ["1", "2"], status: "Faulted" },
] as const;

const TOKEN_LIFETIME_S = 3600;
const DAY = 86_400_000;

interface DocsTransaction {
  id: string;
  ChargerId: string;
  ConnectorId: string;
  VehicleId: string;
  StartTime: string;
  StopTime: string;
}

interface DocsReservation {
  chargerId: string;
  connectorId: string;
  startMs: number;
  endMs: number;
}

export function createDepotFinityDocsServer(options: { clientId: string; clientSecret: string; clock: DocsClock }) {
  const { clientId, clientSecret, clock } = options;
  const tokens = new Map<string, number>();
  const reservations = new Map<string, DocsReservation>();
  const rfid = new Map<string, boolean>();

  // Transactions are metered at the chargers; the API only reads them.
  const transactions: DocsTransaction[] = Array.from({ length: 7 }, (_, i) => {
    const charger = DOCS_DEPOT_CHARGERS[i % 2];
    const start = Date.parse("2026-11-20T06:00:00Z") + i * DAY;
    return {
      id: `TX-${String(1000 + i)}`,
      ChargerId: charger.chargerId,
      ConnectorId: charger.connectorIds[i % charger.connectorIds.length],
      VehicleId: `VAN-${String((i % 3) + 1).padStart(2, "0")}`,
      StartTime: new Date(start).toISOString(),
      StopTime: new Date(start + (45 + i * 5) * 60_000).toISOString(),
    };
  });

  // ── Token host: OAuth2 client credentials, Basic auth ──
  const auth = new Hono();
  auth.post("/oauth2/token", async (c) => {
    const basic = c.req.header("authorization")?.match(/^Basic\s+(.+)$/i)?.[1];
    const expected = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    if (basic !== expected) return c.json({ error: "invalid_client" }, 403);
    const form = new URLSearchParams(await c.req.text());
    if (!(c.req.header("content-type") ?? "").includes("application/x-www-form-urlencoded"))
      return c.json({ error: "invalid_request" }, 400);
    if (form.get("grant_type") !== "client_credentials") return c.json({ error: "unsupported_grant_type" }, 400);
    const token = randomBytes(24).toString("base64url");
    tokens.set(token, clock.now() + TOKEN_LIFETIME_S * 1000);
    return c.json({ access_token: token, expires_in: TOKEN_LIFETIME_S, token_type: "bearer" });
  });

  // ── API host: Bearer tokens, JSON:API-style bodies ──
  const errors = (c: Context, status: number, title: string, detail: string) =>
    c.json({ errors: [{ status: String(status), title, detail }] }, status as 400 | 401 | 404 | 409);
  const notFound = (c: Context, detail: string) => errors(c, 404, "Not Found", detail);
  const charger = (id: string) => DOCS_DEPOT_CHARGERS.find((ch) => ch.chargerId === id);

  const api = new Hono();
  api.use("*", async (c, next) => {
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    const expiresAt = bearer === undefined ? undefined : tokens.get(bearer);
    if (expiresAt === undefined || expiresAt <= clock.now())
      return errors(c, 401, "Unauthorized", "Missing, invalid or expired access token");
    await next();
  });

  api.post("/v1/reservations/chargers/:chargerId/connectors/:connectorId", async (c) => {
    const ch = charger(c.req.param("chargerId"));
    if (!ch) return notFound(c, "Charger not found");
    const connectorId = c.req.param("connectorId");
    if (!(ch.connectorIds as readonly string[]).includes(connectorId)) return notFound(c, "Connector not found");
    const body = await jsonBody(c);
    const r = body.ok && isRecord(body.value) ? body.value : undefined;
    if (!r) return errors(c, 400, "Bad Request", "Invalid request body");
    if (!isIsoInstant(r.ReservationStart) || !isIsoInstant(r.ReservationEnd))
      return errors(c, 400, "Bad Request", "ReservationStart and ReservationEnd must be ISO 8601 UTC timestamps");
    if (r.AuthorizationType !== "RFID") return errors(c, 400, "Bad Request", "AuthorizationType must be RFID");
    if (typeof r.AuthorizationValue !== "string" || r.AuthorizationValue === "")
      return errors(c, 400, "Bad Request", "AuthorizationValue is required");
    const startMs = Date.parse(r.ReservationStart);
    const endMs = Date.parse(r.ReservationEnd);
    if (endMs <= startMs) return errors(c, 400, "Bad Request", "ReservationEnd must be after ReservationStart");
    if (endMs <= clock.now()) return errors(c, 400, "Bad Request", "ReservationEnd must be in the future");
    const overlap = [...reservations.values()].some(
      (o) => o.chargerId === ch.chargerId && o.connectorId === connectorId && o.startMs < endMs && startMs < o.endMs,
    );
    if (overlap) return errors(c, 409, "Conflict", "The connector is already reserved for this time");
    const id = randomUUID();
    reservations.set(id, { chargerId: ch.chargerId, connectorId, startMs, endMs });
    return c.json({ ChargerReservationID: id, message: "Charger Reservation is successful." }, 201);
  });

  // The text says 201, the example body says code 200: answer both at once.
  api.delete("/v1/reservations/:reservationId", (c) => {
    if (!reservations.delete(c.req.param("reservationId"))) return notFound(c, "Reservation not found");
    return c.json({ code: 200, message: "Reservation is deleted successful." }, 201);
  });

  api.get("/v1/chargerStatus/chargers/:chargerId/availabilityStatus", (c) => {
    const ch = charger(c.req.param("chargerId"));
    if (!ch) return notFound(c, "Charger not found");
    return c.json({
      items: [
        {
          timeStamp: new Date(clock.now() - 60_000).toISOString(),
          errorCode: ch.status === "Faulted" ? "GroundFailure" : "NoError",
          vendorErrorCode: "",
          vendorId: "",
          status: ch.status,
        },
      ],
    });
  });

  api.get("/v2/transactions", (c) => {
    const q = (name: string) => c.req.query(name);
    const page = Number(q("page") ?? 1);
    const limit = Number(q("limit") ?? 100);
    if (!Number.isInteger(page) || page < 1) return errors(c, 400, "Bad Request", "page must be a positive integer");
    if (!Number.isInteger(limit) || limit < 1) return errors(c, 400, "Bad Request", "limit must be a positive integer");
    const orderBy = q("orderBy") ?? "StartTime";
    if (orderBy !== "StartTime" && orderBy !== "StopTime")
      return errors(c, 400, "Bad Request", "orderBy must be StartTime or StopTime");
    const order = q("order") ?? "desc";
    if (order !== "asc" && order !== "desc") return errors(c, 400, "Bad Request", "order must be asc or desc");
    for (const name of ["from", "to"])
      if (q(name) !== undefined && !isIsoInstant(q(name)))
        return errors(c, 400, "Bad Request", `${name} must be an ISO 8601 timestamp`);
    const from = q("from") === undefined ? -Infinity : Date.parse(q("from")!);
    const to = q("to") === undefined ? Infinity : Date.parse(q("to")!);
    const matching = transactions
      .filter((t) => !q("chargerId") || t.ChargerId === q("chargerId"))
      .filter((t) => !q("connectorId") || t.ConnectorId === q("connectorId"))
      .filter((t) => !q("vehicleId") || t.VehicleId === q("vehicleId"))
      .filter((t) => Date.parse(t.StartTime) >= from && Date.parse(t.StartTime) <= to)
      .sort((a, b) => (order === "asc" ? 1 : -1) * (Date.parse(a[orderBy]) - Date.parse(b[orderBy])));
    const data = matching
      .slice((page - 1) * limit, page * limit)
      .map(({ id, ...attributes }) => ({ type: "transactions", id, attributes }));
    return c.json({ data });
  });

  api.post("/v2/rfid", async (c) => {
    const body = await jsonBody(c);
    const ids = body.ok && isRecord(body.value) ? body.value.interimVehicleIDs : undefined;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((t) => typeof t !== "string" || t === ""))
      return errors(c, 400, "Bad Request", "interimVehicleIDs must be a non-empty list of tags");
    for (const tag of ids as string[]) rfid.set(tag, true);
    return c.json({ data: (ids as string[]).map((id) => ({ type: "rfid", id })) }, 201);
  });

  api.post("/v2/rfid/:tag/:enabled", (c) => {
    const tag = c.req.param("tag");
    const enabled = c.req.param("enabled");
    if (enabled !== "true" && enabled !== "false") return notFound(c, "Not found");
    if (!rfid.has(tag)) return notFound(c, "RFID tag not found");
    rfid.set(tag, enabled === "true");
    return c.json({ data: { type: "rfid", id: tag } });
  });

  api.notFound((c) => notFound(c, "Not found"));
  auth.notFound((c) => c.json({ error: "not_found" }, 404));
  return { api, auth };
}
