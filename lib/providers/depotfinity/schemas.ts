// zod of the DepotFinity wire format (PascalCase attributes in JSON:API-style envelopes).
import { z } from "zod";

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "token_type must be bearer"),
});

export const wireCharger = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: z.object({
    Name: z.string(),
    Latitude: z.union([z.number(), z.string()]),
    Longitude: z.union([z.number(), z.string()]),
    Address: z.string().nullish(),
    DepotName: z.string().nullish(),
    TimeZone: z.string().nullish(),
    Connectors: z
      .array(
        z.object({
          ConnectorId: z.union([z.string(), z.number()]).transform(String),
          Standard: z.string(),
          PowerType: z.string().nullish(),
          MaxPowerKw: z.number().nullish(),
        }),
      )
      .default([]),
  }),
});
export type WireCharger = z.infer<typeof wireCharger>;
export const chargersResponse = z.object({ data: z.array(wireCharger) });

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
export const reservationResponse = z.object({ ChargerReservationID: z.string().min(1), message: z.string().nullish() });

export const availabilityResponse = z.object({
  items: z.array(
    z.object({
      timeStamp: z.string(),
      errorCode: z.string().nullish(),
      vendorErrorCode: z.string().nullish(),
      vendorId: z.string().nullish(),
      status: z.string(),
    }),
  ),
});

export const wireTransaction = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: z.object({
    ChargerId: z.string(),
    ConnectorId: z.union([z.string(), z.number()]).transform(String),
    VehicleId: z.string().nullish(),
    AuthorizationValue: z.string().nullish(),
    StartTime: z.string(),
    StopTime: z.string().nullish(),
    EnergyWh: z.number().nullish(),
    Cost: z.union([z.number(), z.string()]).nullish(),
    Currency: z.string().nullish(),
  }),
});
export type WireTransaction = z.infer<typeof wireTransaction>;
export const transactionsResponse = z.object({
  data: z.array(wireTransaction),
  meta: z.object({ page: z.number().int(), limit: z.number().int(), total: z.number().int() }).nullish(),
});

export const rfidRegisterBody = z.object({ interimVehicleIDs: z.array(z.string().min(1)).min(1) });
const wireRfid = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: z.object({ Enabled: z.boolean() }),
});
export const rfidListResponse = z.object({ data: z.array(wireRfid) });
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
