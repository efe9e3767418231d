// zod of the Plugsurfing Drive wire format (camelCase, money in minor units, coordinates as strings, power in W).
import { z } from "zod";
import { decimal, lenient, names, numeric, text, tolerantArray, tolerantPositions } from "../tolerant";

const PROVIDER = "PLUGSURFING" as const;
/** Coordinates are documented as strings; numbers are read too. toLocation checks they are numbers. */
const coordinate = z.union([z.string(), z.number()]);

// ── Users and user charging keys ─────────────────────────────────────────────
export const createUserBody = z.object({ id: z.string().min(1), email: z.string().email().optional() });

export const userChargingKey = z.object({
  name: lenient(z.string()),
  enabled: z.boolean(),
  keyId: text,
  referenceId: lenient(text),
  contractId: lenient(text),
  type: lenient(z.string()),
  validFrom: lenient(z.string()),
  validTo: lenient(z.string()),
  created: lenient(z.string()),
  updated: lenient(z.string()),
});
export const userChargingKeysResponse = z.object({
  keys: tolerantArray(userChargingKey, { provider: PROVIDER, path: "keys" }),
});

export const cardReservationBody = z.object({
  /** The chip UID in hex, little-endian. */
  uid: z.string().regex(/^[0-9A-Fa-f]+$/, "uid must be hexadecimal"),
  visualNumber: z.string().min(1),
  type: z.enum(["TAG", "CARD"]),
});
// The answer's shape is not documented: accept any JSON object (or none).
export const cardReservationResponse = z.record(z.string(), z.unknown()).nullish();

// ── Locations ────────────────────────────────────────────────────────────────
/** Documented: id, standard (Plugsurfing's names), power in W, power_type. Other names are read too. */
export const wireConnector = z.object({
  id: lenient(text),
  standard: lenient(z.string()),
  type: lenient(z.string()),
  connector_type: lenient(z.string()),
  /** Watts. */
  power: lenient(numeric),
  /** W, OCPI's name. */
  max_electric_power: lenient(numeric),
  power_kw: lenient(numeric),
  max_power_kw: lenient(numeric),
  power_type: lenient(z.string()),
});
export type WireConnector = z.infer<typeof wireConnector>;

export const wireEvse = z.object({
  uid: text,
  evse_id: lenient(text),
  status: z.string(),
  connectors: tolerantPositions(wireConnector, { provider: PROVIDER, path: "connectors", optional: true }),
  capabilities: lenient(names),
  last_updated: lenient(z.string()),
});

/** Not in the docs (a fleet's own pricing, [unknown] shape): read when it is whole, else left out. */
export const wireTariff = z.object({
  currencyCode: z.string(),
  /** Percent as text, "19". */
  vat: decimal,
  perKwhMinorInclVat: numeric.pipe(z.number().int()),
  perMinuteMinorInclVat: lenient(numeric.pipe(z.number().int())),
  perSessionMinorInclVat: lenient(numeric.pipe(z.number().int())),
  fleetId: lenient(text),
});

const regularHours = z.object({
  weekday: numeric.pipe(z.number().int()),
  period_begin: z.string(),
  period_end: z.string(),
});

export const wireLocation = z.object({
  id: text,
  name: z.string(),
  coordinates: z.object({ latitude: coordinate, longitude: coordinate }),
  evses: tolerantArray(wireEvse, { provider: PROVIDER, path: "evses" }),
  operator: lenient(z.object({ id: lenient(text), name: z.string() })),
  opening_times: lenient(
    z.object({
      twentyfourseven: lenient(z.boolean()),
      regular_hours: tolerantArray(regularHours, {
        provider: PROVIDER,
        path: "opening_times.regular_hours",
        optional: true,
      }),
    }),
  ),
  country: lenient(z.string()),
  city: lenient(z.string()),
  postal_code: lenient(text),
  address: lenient(z.string()),
  time_zone: lenient(z.string()),
  tariff: lenient(wireTariff),
});
export type WireLocation = z.infer<typeof wireLocation>;

export const geosearchBody = z.object({
  filters: z
    .object({
      connectorStandards: z.array(z.string()).optional(),
      locationStatuses: z.array(z.string()).optional(),
      powerType: z.enum(["AC", "DC"]).optional(),
      /** Minimum power in W. */
      power: z.number().int().positive().optional(),
      capabilities: z.array(z.string()).optional(),
      open247: z.boolean().optional(),
    })
    .optional(),
  options: z.object({ filterEvsesAndConnectors: z.boolean().optional() }).optional(),
});
export type GeosearchBody = z.infer<typeof geosearchBody>;

const aggregate = z.object({
  coordinates: z.object({ latitude: coordinate, longitude: coordinate }),
  count: numeric.pipe(z.number().int()),
});

export const geosearchResponse = z.object({
  locations: tolerantArray(wireLocation, { provider: PROVIDER, path: "locations" }),
  aggregates: lenient(tolerantArray(aggregate, { provider: PROVIDER, path: "aggregates", optional: true })),
});

// ── Sessions ─────────────────────────────────────────────────────────────────
export const startSessionBody = z.object({ connectorId: z.string().min(1) });
export const startSessionResponse = z
  .object({ sessionId: lenient(text), threeDSClientSecret: lenient(z.string()) })
  .refine((r) => Boolean(r.sessionId || r.threeDSClientSecret), {
    message: "sessionId or threeDSClientSecret is required",
  });

const minor = numeric.pipe(z.number().int());

/** sessionId, sessionStatus (any value: the list is open) and startTime are what a session needs. */
export const wireSession = z.object({
  sessionStatus: z.string(),
  balanceStatus: lenient(z.string()),
  charger: lenient(
    z.object({
      chargingStationName: lenient(z.string()),
      connectorLabel: lenient(text),
      evseId: lenient(z.string()),
    }),
  ),
  connectorId: lenient(text),
  duration: lenient(z.string()),
  energy: lenient(z.object({ unit: z.string(), value: numeric })),
  price: lenient(z.object({ currencyCode: z.string(), minorExclVat: minor, minorInclVat: minor, vat: decimal })),
  receiptAvailable: lenient(z.boolean()),
  sessionId: text,
  site: lenient(z.string()),
  startTime: z.string(),
  endTime: lenient(z.string()),
  paymentMethod: lenient(z.string()),
  /** The key the session was charged with (history entries; not in the seed examples). */
  chargingKeyId: lenient(text),
});
export type WireSession = z.infer<typeof wireSession>;

export const sessionHistoryBody = z.object({
  sessionStatus: z.array(z.string()).optional(),
  chargingKeyId: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
export const sessionHistoryResponse = z.object({
  sessions: tolerantArray(wireSession, { provider: PROVIDER, path: "sessions" }),
  cursor: lenient(text),
  count: lenient(numeric),
});

// ── EMP: fleets, invitation codes, fleet keys ─────────────────────────────────
export const createFleetBody = z.object({
  fleetId: z.string().min(1).max(100),
  fleetName: z.string().max(100).optional(),
});
export const renameFleetBody = z.object({ newName: z.string().min(1).max(100) });
export const wireFleet = z.object({ fleetId: text, fleetName: lenient(z.string()) });
export const invitationCodesResponse = tolerantArray(z.object({ code: text }), { provider: PROVIDER, path: "" });

export const empKey = z.object({
  keyIdentifier: text,
  visualNumber: lenient(text),
  contractId: lenient(text),
  fleetId: lenient(text),
  enabled: z.boolean(),
  validTo: lenient(z.string()),
});
export type EmpKey = z.infer<typeof empKey>;
export const empKeysResponse = z.object({
  keys: tolerantArray(empKey, { provider: PROVIDER, path: "keys" }),
  cursor: lenient(text),
});
export const createEmpKeyBody = z.object({
  keyIdentifier: z.string().min(1),
  visualNumber: z.string().min(1),
  fleetId: z.string().max(100).optional(),
  validTo: z.string().optional(),
});

export const plugsurfingErrorBody = z.object({ status: z.number().optional(), message: z.string().optional() });
