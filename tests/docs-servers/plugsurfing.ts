// A Plugsurfing Drive (user and EMP mode) server built only from the docs' examples, for contract tests.
import { randomBytes, randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { LOCATIONS, type DocsConnector, type DocsEvse, type DocsLocation } from "./plugsurfing-network";
import { distanceKm, isIsoInstant, isRecord, jsonBody, type DocsClock } from "./support";

interface DocsSession {
  sessionId: string;
  userId: string;
  keyId: string;
  location: DocsLocation;
  evse: DocsEvse;
  connector: DocsConnector;
  status: "WAITING_TO_START" | "STARTED" | "FAILED" | "COMPLETE";
  startMs: number;
  stopMs?: number;
  energyWh?: number;
}

interface DocsUserKey {
  name: string;
  enabled: boolean;
  keyId: string;
  contractId: string;
  type: string;
  validFrom: string;
  validTo: string;
  created: string;
  updated: string;
}

interface DocsFleetKey {
  keyIdentifier: string;
  visualNumber: string;
  contractId: string;
  fleetId?: string;
  enabled: boolean;
  validTo?: string;
}

const POWER_TYPES_OF = { AC: ["AC_1_PHASE", "AC_2_PHASE", "AC_2_PHASE_SPLIT", "AC_3_PHASE"], DC: ["DC"] };

function wireLocation(l: DocsLocation, evses: DocsEvse[]) {
  return {
    id: l.id,
    name: l.name,
    coordinates: { latitude: l.lat.toFixed(6), longitude: l.lng.toFixed(6) },
    evses: evses.map((e) => ({
      uid: e.uid,
      evse_id: e.evse_id,
      status: e.status,
      connectors: e.connectors,
      capabilities: e.capabilities,
      last_updated: "2026-01-05T06:12:15.806Z",
    })),
    operator: l.operator,
    opening_times: {
      twentyfourseven: l.twentyfourseven,
      regular_hours: l.regular_hours,
      exceptional_openings: [],
      exceptional_closings: [],
    },
    directions: [{ language: "de", text: `Einfahrt über ${l.address}` }],
    country: "DEU",
    city: l.city,
    postal_code: l.postal_code,
    address: l.address,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** ISO 8601 duration as the docs write it: PT21.379S, PT15M. */
function isoDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `PT${minutes > 0 ? `${minutes}M` : ""}${seconds > 0 || minutes === 0 ? `${seconds}S` : ""}`;
}

const alphanumeric = (length: number) =>
  Array.from(randomBytes(length), (b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[b % 62]).join(
    "",
  );

export interface PlugsurfingDocsControl {
  /** Invitation codes are issued outside the API (the docs only show how to read them). */
  addInvitationCode(fleetId: string, code: string): void;
}

export function createPlugsurfingDocsServer(options: { apiKey: string; clock: DocsClock }) {
  const { apiKey, clock } = options;
  const users = new Map<string, { email?: string; keys: DocsUserKey[] }>();
  const sessions = new Map<string, DocsSession>();
  const lastStartByConnector = new Map<string, number>();
  const fleets = new Map<string, { fleetId: string; fleetName?: string; codes: string[] }>();
  const fleetKeys: DocsFleetKey[] = [];

  const message = (c: Context, status: number, text: string) =>
    c.json({ message: text }, status as 400 | 401 | 404 | 409);

  const app = new Hono().basePath("/drive");
  app.use("*", async (c, next) => {
    if (c.req.header("x-api-key") !== apiKey) return message(c, 401, "Missing or invalid API key");
    await next();
  });

  // ── 1. Create a user: 201 no body; an email already in use → 409 ──
  app.post("/v1/users", async (c) => {
    const body = await jsonBody(c);
    const user = body.ok && isRecord(body.value) ? body.value : undefined;
    if (!user || typeof user.id !== "string" || user.id === "") return message(c, 400, "id is required");
    if (user.email !== undefined && (typeof user.email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(user.email)))
      return message(c, 400, "email is invalid");
    const email = typeof user.email === "string" ? user.email.toLowerCase() : undefined;
    if (email && [...users.values()].some((u) => u.email === email)) return message(c, 409, "Email already in use");
    if (users.has(user.id)) return message(c, 409, "User already exists");
    const now = iso(clock.now());
    const keyId = randomBytes(4).toString("hex");
    users.set(user.id, {
      email,
      // Every user has a virtual key: the one without a referenceId.
      keys: [
        {
          name: `key ${keyId}`,
          enabled: true,
          keyId,
          contractId: `DE-8PS-C${keyId.toUpperCase()}0-V`,
          type: "virtual",
          validFrom: now,
          validTo: iso(clock.now() + 10 * 365 * 86_400_000),
          created: now,
          updated: now,
        },
      ],
    });
    return c.body(null, 201);
  });

  // ── 2. Charging keys of a user ──
  app.get("/v1/users/:userId/charging-keys", (c) => {
    const user = users.get(c.req.param("userId"));
    if (!user) return message(c, 404, "User not found");
    return c.json({ keys: user.keys });
  });

  // ── 3. Geosearch radius ──
  app.post("/v1/geosearch/radius", async (c) => {
    const latitude = Number(c.req.query("latitude"));
    const longitude = Number(c.req.query("longitude"));
    const distance = Number(c.req.query("distance") ?? 3000);
    const limit = Number(c.req.query("limit") ?? 100);
    const aggregate = c.req.query("aggregate") === "true";
    const precision = Number(c.req.query("aggregationPrecision") ?? 5);
    if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) return message(c, 400, "latitude is invalid");
    if (!Number.isFinite(longitude) || Math.abs(longitude) > 180) return message(c, 400, "longitude is invalid");
    if (!(distance > 0)) return message(c, 400, "distance is invalid");
    if (!Number.isInteger(limit) || limit < 1 || limit > 300) return message(c, 400, "limit must be 1–300");
    if (!Number.isInteger(precision) || precision < 2 || precision > 9)
      return message(c, 400, "aggregationPrecision must be 2–9");
    const body = await jsonBody(c);
    if (!body.ok || (body.value !== undefined && !isRecord(body.value))) return message(c, 400, "invalid body");
    const request = (body.value ?? {}) as Record<string, unknown>;
    const filters = (isRecord(request.filters) ? request.filters : {}) as {
      connectorStandards?: string[];
      locationStatuses?: string[];
      powerType?: "AC" | "DC";
      power?: number;
      capabilities?: string[];
      open247?: boolean;
    };
    const narrow = isRecord(request.options) && request.options.filterEvsesAndConnectors === true;
    const connectorMatches = (k: DocsConnector) =>
      (!filters.connectorStandards?.length || filters.connectorStandards.includes(k.standard)) &&
      (!filters.powerType || POWER_TYPES_OF[filters.powerType]?.includes(k.power_type)) &&
      (!filters.power || k.power >= filters.power);
    const evseMatches = (e: DocsEvse) =>
      (!filters.locationStatuses?.length || filters.locationStatuses.includes(e.status)) &&
      (!filters.capabilities?.length || filters.capabilities.every((cap) => e.capabilities.includes(cap))) &&
      e.connectors.some(connectorMatches);

    const centre = { lat: latitude, lng: longitude };
    const matches = LOCATIONS.map((l) => ({ l, km: distanceKm(centre, l) }))
      .filter(({ l, km }) => km * 1000 <= distance && (!filters.open247 || l.twentyfourseven))
      .filter(({ l }) => l.evses.some(evseMatches))
      .sort((a, b) => a.km - b.km);
    const locations = matches
      .slice(0, limit)
      .map(({ l }) =>
        wireLocation(
          l,
          narrow
            ? l.evses.filter(evseMatches).map((e) => ({ ...e, connectors: e.connectors.filter(connectorMatches) }))
            : l.evses,
        ),
      );
    const response: Record<string, unknown> = { locations };
    if (aggregate) {
      const decimals = Math.max(0, precision - 3);
      const cells = new Map<string, { lat: number; lng: number; count: number }>();
      for (const { l } of matches) {
        const key = `${l.lat.toFixed(decimals)},${l.lng.toFixed(decimals)}`;
        const cell = cells.get(key) ?? { lat: 0, lng: 0, count: 0 };
        cell.lat += l.lat;
        cell.lng += l.lng;
        cell.count++;
        cells.set(key, cell);
      }
      response.aggregates = [...cells.values()].map((cell) => ({
        coordinates: { latitude: (cell.lat / cell.count).toFixed(6), longitude: (cell.lng / cell.count).toFixed(6) },
        count: cell.count,
      }));
    }
    return c.json(response);
  });

  // ── 4–6. Remote start, get session, remote stop ──
  const findConnector = (id: string) => {
    for (const location of LOCATIONS)
      for (const e of location.evses)
        for (const connector of e.connectors) if (connector.id === id) return { location, evse: e, connector };
    return undefined;
  };

  app.post("/v1/users/:userId/sessions/start", async (c) => {
    const user = users.get(c.req.param("userId"));
    if (!user) return message(c, 404, "User not found");
    const body = await jsonBody(c);
    const id = body.ok && isRecord(body.value) ? body.value.connectorId : undefined;
    if (typeof id !== "string" || id === "") return message(c, 400, "connectorId is required");
    const found = findConnector(id);
    if (!found) return message(c, 400, "Unknown connectorId");
    const now = clock.now();
    const last = lastStartByConnector.get(id);
    // Every attempt is stored and answered with a session id; the refused ones fail.
    const refused =
      (last !== undefined && now - last < 60_000) ||
      found.evse.status !== "AVAILABLE" ||
      !found.evse.capabilities.includes("REMOTE_START_STOP_CAPABLE");
    if (!refused) lastStartByConnector.set(id, now);
    const sessionId = alphanumeric(11);
    sessions.set(sessionId, {
      sessionId,
      userId: c.req.param("userId"),
      keyId: user.keys[0].keyId,
      ...found,
      status: refused ? "FAILED" : "WAITING_TO_START",
      startMs: now,
    });
    return c.json({ sessionId });
  });

  function sessionView(s: DocsSession) {
    // WAITING_TO_START → STARTED after a moment.
    if (s.status === "WAITING_TO_START" && clock.now() - s.startMs >= 1_000) s.status = "STARTED";
    const end = s.stopMs ?? (s.status === "FAILED" ? s.startMs : clock.now());
    const view: Record<string, unknown> = { sessionStatus: s.status };
    if (s.status === "COMPLETE") view.balanceStatus = "PAID";
    view.charger = {
      chargingStationName: s.location.name,
      connectorLabel: String(s.evse.connectors.indexOf(s.connector) + 1),
      evseId: s.evse.evse_id,
    };
    view.connectorId = s.connector.id;
    view.duration = isoDuration(end - s.startMs);
    if (s.status === "COMPLETE") {
      const energyWh = s.energyWh ?? 0;
      const minorInclVat = 100 + Math.round((energyWh * 59) / 1000);
      view.energy = { unit: "WH", value: energyWh };
      view.paymentMethod = "EXTERNAL";
      view.price = { currencyCode: "EUR", minorExclVat: Math.round(minorInclVat / 1.19), minorInclVat, vat: "19" };
    }
    view.receiptAvailable = s.status === "COMPLETE";
    view.sessionId = s.sessionId;
    view.site = s.location.name;
    view.startTime = iso(s.startMs);
    return view;
  }

  app.get("/v1/users/:userId/sessions/:sessionId", (c) => {
    if (!users.has(c.req.param("userId"))) return message(c, 404, "User not found");
    const session = sessions.get(c.req.param("sessionId"));
    if (!session || session.userId !== c.req.param("userId")) return message(c, 404, "Session not found");
    return c.json(sessionView(session));
  });

  app.post("/v1/users/:userId/sessions/:sessionId/stop", (c) => {
    if (!users.has(c.req.param("userId"))) return message(c, 404, "User not found");
    const session = sessions.get(c.req.param("sessionId"));
    if (!session || session.userId !== c.req.param("userId")) return message(c, 404, "Session not found");
    // Stopping a stopped (or failed) session is a harmless 200.
    if (session.status === "WAITING_TO_START" || session.status === "STARTED") {
      session.stopMs = Math.max(clock.now(), session.startMs + 1_000);
      session.status = "COMPLETE";
      session.energyWh = Math.max(
        1,
        Math.round(((session.stopMs - session.startMs) / 3_600_000) * session.connector.power),
      );
    }
    return c.body(null, 200);
  });

  // ── 7. Session history: newest first, an opaque cursor until the last page ──
  app.post("/v1/users/:userId/sessions/history", async (c) => {
    const userId = c.req.param("userId");
    if (!users.has(userId)) return message(c, 404, "User not found");
    const body = await jsonBody(c);
    if (!body.ok || (body.value !== undefined && !isRecord(body.value))) return message(c, 400, "invalid body");
    const q = (body.value ?? {}) as Record<string, unknown>;
    const statuses = q.sessionStatus ?? ["COMPLETE"];
    const limit = q.limit ?? 50;
    if (!Array.isArray(statuses)) return message(c, 400, "sessionStatus must be an array");
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) return message(c, 400, "limit is invalid");
    for (const field of ["startTime", "endTime"] as const)
      if (q[field] !== undefined && !isIsoInstant(q[field])) return message(c, 400, `${field} is invalid`);
    let offset = 0;
    if (q.cursor !== undefined) {
      offset = typeof q.cursor === "string" ? Number(Buffer.from(q.cursor, "base64url").toString()) : Number.NaN;
      if (!Number.isInteger(offset) || offset < 0) return message(c, 400, "cursor is invalid");
    }
    const from = typeof q.startTime === "string" ? Date.parse(q.startTime) : -Infinity;
    const to = typeof q.endTime === "string" ? Date.parse(q.endTime) : Infinity;
    const matching = [...sessions.values()]
      .filter((s) => s.userId === userId)
      .map((s) => ({ s, view: sessionView(s) }))
      .filter(({ s, view }) => statuses.includes(view.sessionStatus) && s.startMs >= from && s.startMs < to)
      .filter(({ s }) => q.chargingKeyId === undefined || s.keyId === q.chargingKeyId)
      .sort((a, b) => b.s.startMs - a.s.startMs);
    const page = matching.slice(offset, offset + limit).map(({ view }) => view);
    const response: Record<string, unknown> = { sessions: page, count: page.length };
    if (offset + limit < matching.length) response.cursor = Buffer.from(String(offset + limit)).toString("base64url");
    return c.json(response);
  });

  // ── EMP: fleets and invitation codes ──
  const validName = (v: unknown) => typeof v === "string" && v.length >= 1 && v.length <= 100;

  app.post("/emp/v1/fleets", async (c) => {
    const body = await jsonBody(c);
    const fleet = body.ok && isRecord(body.value) ? body.value : undefined;
    if (!fleet || !validName(fleet.fleetId)) return message(c, 400, "fleetId is missing, invalid or too long");
    if (fleet.fleetName !== undefined && !validName(fleet.fleetName)) return message(c, 400, "fleetName is invalid");
    const fleetId = fleet.fleetId as string;
    // fleetId must be unique; the docs list only 400 for a bad fleetId.
    if (fleets.has(fleetId)) return message(c, 400, "fleetId is already in use");
    const fleetName = fleet.fleetName as string | undefined;
    fleets.set(fleetId, { fleetId, fleetName, codes: [] });
    return c.json({ fleetId, fleetName }, 201);
  });

  app.put("/emp/v1/fleets/:fleetId/rename", async (c) => {
    const body = await jsonBody(c);
    const newName = body.ok && isRecord(body.value) ? body.value.newName : undefined;
    if (!validName(newName)) return message(c, 400, "newName is missing, invalid or too long");
    const fleet = fleets.get(c.req.param("fleetId"));
    if (!fleet) return message(c, 404, "Fleet not found");
    fleet.fleetName = newName as string;
    return c.json({ fleetId: fleet.fleetId, fleetName: fleet.fleetName });
  });

  app.get("/emp/v1/fleets/:fleetId/invitation", (c) => {
    const fleet = fleets.get(c.req.param("fleetId"));
    // 404 for an unknown fleet and for a fleet without active codes alike.
    if (!fleet || fleet.codes.length === 0) return message(c, 404, "No active invitation codes");
    return c.json(fleet.codes.map((code) => ({ code })));
  });

  // ── EMP: charging keys ──
  app.get("/emp/v1/charging-keys", (c) => {
    const pageSize = Number(c.req.query("page_size") ?? 100);
    if (!Number.isInteger(pageSize) || pageSize < 10 || pageSize > 500)
      return message(c, 400, "page_size must be 10–500");
    const cursor = c.req.query("cursor");
    const offset = cursor === undefined ? 0 : Number(Buffer.from(cursor, "base64url").toString());
    if (!Number.isInteger(offset) || offset < 0) return message(c, 400, "cursor is invalid");
    const fleetId = c.req.query("fleetId");
    const matching = fleetKeys.filter((k) => fleetId === undefined || k.fleetId === fleetId);
    const response: Record<string, unknown> = { keys: matching.slice(offset, offset + pageSize) };
    if (offset + pageSize < matching.length)
      response.cursor = Buffer.from(String(offset + pageSize)).toString("base64url");
    return c.json(response);
  });

  app.post("/emp/v1/charging-keys", async (c) => {
    const body = await jsonBody(c);
    const key = body.ok && isRecord(body.value) ? body.value : undefined;
    if (!key || typeof key.keyIdentifier !== "string" || key.keyIdentifier === "")
      return message(c, 400, "keyIdentifier is required");
    if (typeof key.visualNumber !== "string" || key.visualNumber === "")
      return message(c, 400, "visualNumber is required");
    if (key.fleetId !== undefined && (typeof key.fleetId !== "string" || !fleets.has(key.fleetId)))
      return message(c, 404, "Fleet not found");
    if (key.validTo !== undefined && !isIsoInstant(key.validTo)) return message(c, 400, "validTo is invalid");
    if (fleetKeys.some((k) => k.keyIdentifier === key.keyIdentifier)) return message(c, 409, "Key already exists");
    const created: DocsFleetKey = {
      keyIdentifier: key.keyIdentifier,
      visualNumber: key.visualNumber,
      contractId: `DE-8PS-C${randomUUID().slice(0, 8).toUpperCase()}-E`,
      ...(key.fleetId === undefined ? {} : { fleetId: key.fleetId as string }),
      enabled: true,
      ...(key.validTo === undefined ? {} : { validTo: key.validTo as string }),
    };
    fleetKeys.push(created);
    return c.json(created, 201);
  });

  app.notFound((c) => message(c, 404, "Not found"));

  const control: PlugsurfingDocsControl = {
    addInvitationCode(fleetId, code) {
      const fleet = fleets.get(fleetId);
      if (!fleet) throw new Error(`no fleet ${fleetId}`);
      fleet.codes.push(code);
    },
  };
  return { app, control };
}
