// Inputs of the charging-key table, its export and its actions, shared by client and server (the table's URL
// state is in ./table-params, which the browser reads without zod).
import { z } from "zod";
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";
import { KEY_SORTS, KEY_STATUSES, SORT_DIRECTIONS } from "./table-params";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";

export { KEY_SORTS, KEY_STATUSES, type KeySort } from "./table-params";
export { keyListParams, keysPageHref, keyTableParams, type KeyTableState } from "./table-params";

export const keyFiltersInput = z.object({
  fleetId: z.string().min(1),
  driverId: z.string().optional(),
  type: z.enum(CHARGING_KEY_TYPES).optional(),
  status: z.enum(KEY_STATUSES).optional(),
  /** Keys whose validity ends within this many days (already expired ones included). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  q: z.string().trim().max(100).optional(),
});
export type KeyFilters = z.infer<typeof keyFiltersInput>;

export const listKeysInput = keyFiltersInput.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
  sort: z.enum(KEY_SORTS).default("name"),
  dir: z.enum(SORT_DIRECTIONS).default("asc"),
});
export type ListKeysInput = z.infer<typeof listKeysInput>;

export const createFleetKeyInput = z.object({
  fleetId: z.string().min(1),
  keyIdentifier: z
    .string()
    .trim()
    .regex(/^[0-9A-Fa-f]{8,20}$/, say.keyIdentifier),
  visualNumber: z.string().trim().min(3, say.visualNumberRequired).max(40),
  validTo: z.coerce.date().optional(),
});

export const assignKeyInput = z.object({
  fleetId: z.string().min(1),
  keyId: z.string().min(1),
  /** null takes the key back from whoever holds it. */
  driverId: z.string().min(1).nullable(),
});

export const setKeyEnabledInput = z.object({
  fleetId: z.string().min(1),
  keyId: z.string().min(1),
  enabled: z.boolean(),
});

export const refreshKeysInput = z.object({ fleetId: z.string().min(1) });

/** From the fleet it is in (`fleetId`) to another fleet the admin also administers. */
export const moveKeyInput = z.object({
  fleetId: z.string().min(1).max(64),
  keyId: z.string().min(1).max(64),
  toFleetId: z.string().min(1, say.fleetRequired).max(64, say.fleetRequired),
});
