// zod of the Plugsurfing Drive wire format (camelCase, money in minor units, coordinates as strings, power in W).
import { z } from "zod";

const numeric = z.union([z.string(), z.number()]);

// ── Users and user charging keys ─────────────────────────────────────────────
export const createUserBody = z.object({ id: z.string().min(1), email: z.string().email().optional() });

export const userChargingKey = z.object({
  name: z.string().nullish(),
  enabled: z.boolean(),
  keyId: z.string(),
  referenceId: z.string().nullish(),
  contractId: z.string().nullish(),
  type: z.string(),
  validFrom: z.string().nullish(),
  validTo: z.string().nullish(),
  created: z.string().nullish(),
  updated: z.string().nullish(),
});
export const userChargingKeysResponse = z.object({ keys: z.array(userChargingKey) });

export const cardReservationBody = z.object({
  /** The chip UID in hex, little-endian. */
  uid: z.string().regex(/^[0-9A-Fa-f]+$/, "uid must be hexadecimal"),
  visualNumber: z.string().min(1),
  type: z.enum(["TAG", "CARD"]),
});
// The answer's shape is not documented: accept any JSON object (or none).
export const cardReservationResponse = z.record(z.string(), z.unknown()).nullish();

// ── Locations ────────────────────────────────────────────────────────────────
export const wireConnector = z.object({
  id: z.string(),
  standard: z.string(),
  /** Watts. */
  power: z.number(),
  power_type: z.string().nullish(),
});

export const wireEvse = z.object({
  uid: z.string(),
  evse_id: z.string().nullish(),
  status: z.string(),
  connectors: z.array(wireConnector).default([]),
  capabilities: z.array(z.string()).nullish(),
  last_updated: z.string().nullish(),
});

const wirePeriod = z.object({ period_begin: z.string(), period_end: z.string() });

export const wireTariff = z.object({
  currencyCode: z.string(),
  /** Percent as text, "19". */
  vat: numeric,
  perKwhMinorInclVat: z.number().int(),
  perMinuteMinorInclVat: z.number().int().nullish(),
  perSessionMinorInclVat: z.number().int().nullish(),
  fleetId: z.string().nullish(),
});

export const wireLocation = z.object({
  id: z.string(),
  name: z.string(),
  coordinates: z.object({ latitude: numeric, longitude: numeric }),
  evses: z.array(wireEvse).default([]),
  operator: z.object({ id: z.string().nullish(), name: z.string() }).nullish(),
  opening_times: z
    .object({
      twentyfourseven: z.boolean(),
      regular_hours: z
        .array(z.object({ weekday: z.number().int(), period_begin: z.string(), period_end: z.string() }))
        .nullish(),
      exceptional_openings: z.array(wirePeriod).nullish(),
      exceptional_closings: z.array(wirePeriod).nullish(),
    })
    .nullish(),
  directions: z.array(z.object({ language: z.string(), text: z.string() })).nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  postal_code: z.string().nullish(),
  address: z.string().nullish(),
  time_zone: z.string().nullish(),
  tariff: wireTariff.nullish(),
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

export const geosearchResponse = z.object({
  locations: z.array(wireLocation),
  aggregates: z
    .array(z.object({ coordinates: z.object({ latitude: numeric, longitude: numeric }), count: z.number().int() }))
    .nullish(),
});

// ── Sessions ─────────────────────────────────────────────────────────────────
export const startSessionBody = z.object({ connectorId: z.string().min(1) });
export const startSessionResponse = z
  .object({ sessionId: z.string().nullish(), threeDSClientSecret: z.string().nullish() })
  .refine((r) => Boolean(r.sessionId || r.threeDSClientSecret), {
    message: "sessionId or threeDSClientSecret is required",
  });

export const wireSession = z.object({
  sessionStatus: z.string(),
  balanceStatus: z.string().nullish(),
  charger: z
    .object({
      chargingStationName: z.string().nullish(),
      connectorLabel: z.string().nullish(),
      evseId: z.string().nullish(),
    })
    .nullish(),
  connectorId: z.string().nullish(),
  duration: z.string().nullish(),
  energy: z.object({ unit: z.string(), value: z.number() }).nullish(),
  price: z
    .object({ currencyCode: z.string(), minorExclVat: z.number().int(), minorInclVat: z.number().int(), vat: numeric })
    .nullish(),
  receiptAvailable: z.boolean().default(false),
  sessionId: z.string(),
  site: z.string().nullish(),
  startTime: z.string(),
  endTime: z.string().nullish(),
  paymentMethod: z.string().nullish(),
  /** The key the session was charged with (history entries; not in the seed examples). */
  chargingKeyId: z.string().nullish(),
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
  sessions: z.array(wireSession),
  cursor: z.string().nullish(),
  count: z.number().int().nullish(),
});

// ── EMP: fleets, invitation codes, fleet keys ─────────────────────────────────
export const createFleetBody = z.object({
  fleetId: z.string().min(1).max(100),
  fleetName: z.string().max(100).optional(),
});
export const renameFleetBody = z.object({ newName: z.string().min(1).max(100) });
export const wireFleet = z.object({ fleetId: z.string(), fleetName: z.string().nullish() });
export const invitationCodesResponse = z.array(z.object({ code: z.string() }));

export const empKey = z.object({
  keyIdentifier: z.string(),
  visualNumber: z.string().nullish(),
  contractId: z.string().nullish(),
  fleetId: z.string().nullish(),
  enabled: z.boolean(),
  validTo: z.string().nullish(),
});
export type EmpKey = z.infer<typeof empKey>;
export const empKeysResponse = z.object({ keys: z.array(empKey), cursor: z.string().nullish() });
export const createEmpKeyBody = z.object({
  keyIdentifier: z.string().min(1),
  visualNumber: z.string().min(1),
  fleetId: z.string().max(100).optional(),
  validTo: z.string().optional(),
});

export const plugsurfingErrorBody = z.object({ status: z.number().optional(), message: z.string().optional() });
