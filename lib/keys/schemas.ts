// Inputs of the charging-key table, its export and its actions: one schema each, shared by client and server.
import { z } from "zod";
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";

export const KEY_SORTS = [
  "name",
  "visualNumber",
  "keyId",
  "type",
  "enabled",
  "validFrom",
  "validTo",
  "driver",
  "syncedAt",
] as const;
export type KeySort = (typeof KEY_SORTS)[number];

export const keyFiltersInput = z.object({
  fleetId: z.string().min(1),
  driverId: z.string().optional(),
  type: z.enum(CHARGING_KEY_TYPES).optional(),
  status: z.enum(["enabled", "disabled"]).optional(),
  /** Keys whose validity ends within this many days (already expired ones included). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  q: z.string().trim().max(100).optional(),
});
export type KeyFilters = z.infer<typeof keyFiltersInput>;

export const listKeysInput = keyFiltersInput.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
  sort: z.enum(KEY_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListKeysInput = z.infer<typeof listKeysInput>;

export const createFleetKeyInput = z.object({
  fleetId: z.string().min(1),
  keyIdentifier: z
    .string()
    .trim()
    .regex(/^[0-9A-Fa-f]{8,20}$/, "The key identifier is the card's UID in hex (8–20 characters, e.g. 04A1B2C3)"),
  visualNumber: z.string().trim().min(3, "Enter the number printed on the card").max(40),
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

/** The table's URL parameters; the page prefetches and the client reads exactly these. */
export const KEY_TABLE_PARAMS = [
  "driverId",
  "type",
  "status",
  "expiringWithinDays",
  "q",
  "page",
  "pageSize",
  "sort",
  "dir",
] as const;
export type KeyTableParams = Partial<Record<(typeof KEY_TABLE_PARAMS)[number], string>>;

/** The TanStack Query key of one page of the table. */
export function keysQueryKey(fleetId: string, params: KeyTableParams) {
  return ["keys", fleetId, params] as const;
}
