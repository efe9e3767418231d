// Inputs of the charging-key table (its URL state too), its export and its actions, shared by client and server.
import { z } from "zod";
import {
  createSerializer,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";

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
export const KEY_STATUSES = ["enabled", "disabled"] as const;
const SORT_DIRECTIONS = ["asc", "desc"] as const;

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

/** The table's state in the page's URL: its filters, paging and sort, read alike by the page and the browser. */
export const keyTableParams = {
  driverId: parseAsString,
  type: parseAsStringLiteral(CHARGING_KEY_TYPES),
  status: parseAsStringLiteral(KEY_STATUSES),
  expiringWithinDays: parseAsInteger,
  q: parseAsString,
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(25),
  sort: parseAsStringLiteral(KEY_SORTS).withDefault("name"),
  dir: parseAsStringLiteral(SORT_DIRECTIONS).withDefault("asc"),
  /** A driver still without a key: the page offers to give them one (from the members page or a notification). */
  assignTo: parseAsString,
  /** The fleet such a link is about, which need not be the fleet the admin is working in. */
  fleet: parseAsString,
};
export type KeyTableState = inferParserType<typeof keyTableParams>;

/** Links into the key table: `keysPageHref("/keys", { driverId: "none", assignTo })`. */
export const keysPageHref = createSerializer(keyTableParams);

/** What the table asks the server for: its URL state without the parts that only steer the page. */
export function keyListParams(fleetId: string, state: KeyTableState): z.input<typeof listKeysInput> {
  return {
    fleetId,
    driverId: state.driverId ?? undefined,
    type: state.type ?? undefined,
    status: state.status ?? undefined,
    expiringWithinDays: state.expiringWithinDays ?? undefined,
    q: state.q ?? undefined,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    dir: state.dir,
  };
}
