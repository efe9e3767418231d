// The charging-key table's state in the URL and what it asks the server for: no zod, so the browser's table
// carries none (the inputs themselves are in ./schemas).
import {
  createSerializer,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import type { z } from "zod";
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";
import type { listKeysInput } from "./schemas";

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
export const SORT_DIRECTIONS = ["asc", "desc"] as const;

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
