// The vehicle table's state in the page's URL (filters, page, sort), read alike by the page and the browser.
// No zod here: the list's first load carries none (the forms load their schemas when they open).
import {
  createSerializer,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { CONNECTOR_STANDARDS } from "@/lib/domain/location";

export const VEHICLE_SORTS = ["plate", "name", "make", "batteryKwh", "maxDcKw", "updatedAt"] as const;
export type VehicleSort = (typeof VEHICLE_SORTS)[number];
export const VEHICLE_STATUSES = ["active", "retired", "all"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export const VEHICLE_PAGE_SIZE = 50;

export const vehicleTableParams = {
  q: parseAsString,
  status: parseAsStringLiteral(VEHICLE_STATUSES).withDefault("active"),
  depotId: parseAsString,
  driverId: parseAsString,
  standard: parseAsStringLiteral(CONNECTOR_STANDARDS),
  page: parseAsInteger.withDefault(1),
  sort: parseAsStringLiteral(VEHICLE_SORTS).withDefault("plate"),
  dir: parseAsStringLiteral(SORT_DIRECTIONS).withDefault("asc"),
};
export const serializeVehicleTable = createSerializer(vehicleTableParams);
export type VehicleTableState = inferParserType<typeof vehicleTableParams>;

/** The list endpoint's parameters for a table state (nulls left out). */
export function vehicleListParams(fleetId: string, state: VehicleTableState) {
  return {
    fleetId,
    status: state.status,
    page: state.page,
    pageSize: VEHICLE_PAGE_SIZE,
    sort: state.sort,
    dir: state.dir,
    ...(state.q ? { q: state.q } : {}),
    ...(state.depotId ? { depotId: state.depotId } : {}),
    ...(state.driverId ? { driverId: state.driverId } : {}),
    ...(state.standard ? { standard: state.standard } : {}),
  };
}

export const vehicleOptionsQueryKey = (fleetId: string) => ["vehicles", "options", fleetId] as const;
