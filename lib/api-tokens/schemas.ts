// Inputs of the API token forms, shared by the browser and the server actions.
import { z } from "zod";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";
import { fleetName } from "@/lib/fleets/schemas";

/**
 * The roles a token may have. Not DRIVER: a driver is a person who charges with a key of their own, and a
 * service account in the driver lists would be offered keys, vehicles and bookings it can never use.
 */
export const API_TOKEN_ROLES = ["ADMIN", "DISPATCHER", "MANAGER"] as const;

export const createApiTokenInput = z.object({
  fleetId: z.string().min(1).max(64),
  name: fleetName,
  role: z.enum(API_TOKEN_ROLES, { message: say.apiTokenRole }),
  /** Empty: the token does not expire (it can always be revoked). */
  expiresInDays: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ message: say.daysRequired })
      .int(say.wholeDays)
      .min(1, say.atLeastOneDay)
      .max(365, say.atMost365Days)
      .optional(),
  ),
});

export const revokeApiTokenInput = z.object({
  fleetId: z.string().min(1).max(64),
  tokenId: z.string().min(1).max(64),
});

export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;
