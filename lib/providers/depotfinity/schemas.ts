// zod of the DepotFinity wire format (PascalCase attributes in JSON:API-style envelopes).
import { z } from "zod";
import { decimal, keepValid, lenient, numeric, text, tolerantArray, tolerantPositions } from "../tolerant";

const PROVIDER = "DEPOTFINITY" as const;

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "token_type must be bearer"),
});

/** A charger list is not in the docs at all ([unknown]): only an id and a position are required. */
export const wireChargerConnector = z.object({
  ConnectorId: lenient(text),
  Standard: lenient(z.string()),
  ConnectorType: lenient(z.string()),
  Type: lenient(z.string()),
  PowerType: lenient(z.string()),
  /** kW. */
  MaxPowerKw: lenient(numeric),
  PowerKw: lenient(numeric),
});
export type WireChargerConnector = z.infer<typeof wireChargerConnector>;

export const wireCharger = z.object({
  id: text,
  type: lenient(z.string()),
  attributes: z.object({
    Name: lenient(z.string()),
    Latitude: numeric,
    Longitude: numeric,
    Address: lenient(z.string()),
    DepotName: lenient(z.string()),
    TimeZone: lenient(z.string()),
    Connectors: tolerantPositions(wireChargerConnector, {
      provider: PROVIDER,
      path: "attributes.Connectors",
      optional: true,
    }),
  }),
});
export type WireCharger = z.infer<typeof wireCharger>;
export const chargersResponse = z.object({ data: tolerantArray(wireCharger, { provider: PROVIDER, path: "data" }) });

export const reservationBody = z
  .object({
    ReservationStart: z.string().datetime(),
    ReservationEnd: z.string().datetime(),
    AuthorizationType: z.literal("RFID"),
    AuthorizationValue: z.string().min(1),
  })
  .refine((b) => Date.parse(b.ReservationEnd) > Date.parse(b.ReservationStart), {
    message: "ReservationEnd must be after ReservationStart",
    path: ["ReservationEnd"],
  });
export const reservationResponse = z.object({
  ChargerReservationID: text.pipe(z.string().min(1)),
  message: lenient(z.string()),
});

/** status is kept as sent (Available | Unavailable | Faulted documented; others pass through). */
export const availabilityResponse = z.object({
  items: tolerantArray(
    z.object({
      timeStamp: z.string(),
      errorCode: lenient(text),
      vendorErrorCode: lenient(text),
      vendorId: lenient(text),
      status: z.string(),
    }),
    { provider: PROVIDER, path: "items" },
  ),
});

/** The attribute names are our reading of "JSON:API with customizations": only what a charge needs is required. */
export const wireTransaction = z.object({
  id: text,
  type: lenient(z.string()),
  attributes: z.object({
    ChargerId: text,
    ConnectorId: text,
    VehicleId: lenient(text),
    AuthorizationValue: lenient(text),
    StartTime: z.string(),
    StopTime: lenient(z.string()),
    EnergyWh: lenient(numeric),
    Cost: lenient(decimal),
    Currency: lenient(z.string()),
  }),
});
export type WireTransaction = z.infer<typeof wireTransaction>;
/** `received` counts what was sent, dropped items included, so that a short page is not read as the last. */
export const transactionsResponse = z
  .object({
    data: z.array(z.unknown()),
    meta: lenient(z.object({ page: numeric, limit: numeric, total: numeric })),
  })
  .transform(({ data, meta }) => ({
    data: keepValid(data, wireTransaction, { provider: PROVIDER, path: "data" }),
    meta,
    received: data.length,
  }));

export const rfidRegisterBody = z.object({ interimVehicleIDs: z.array(z.string().min(1)).min(1) });
/** The RFID answers are not documented beyond JSON:API: a resource without its state reads as "as asked". */
const wireRfid = z.object({
  id: text,
  type: lenient(z.string()),
  attributes: lenient(z.object({ Enabled: lenient(z.boolean()) })),
});
export const rfidListResponse = z.object({ data: tolerantArray(wireRfid, { provider: PROVIDER, path: "data" }) });
export const rfidResponse = z.object({ data: wireRfid });

export const depotErrorBody = z.object({
  errors: z.array(
    z.object({
      status: z.union([z.string(), z.number()]).optional(),
      title: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
});

export const oauthErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });
