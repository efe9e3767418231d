// The vehicle CSV's format: its columns, an example and the size limit. No zod here, so the import screen in
// the browser reads the same constants the server parses with.
export const VEHICLE_CSV_COLUMNS = [
  "plate",
  "name",
  "make",
  "model",
  "battery_kwh",
  "connectors",
  "max_ac_kw",
  "max_dc_kw",
  "home_depot",
  "default_driver",
  "charging_key",
  "petit_monde_token",
] as const;
export type VehicleColumn = (typeof VEHICLE_CSV_COLUMNS)[number];

export const VEHICLE_CSV_EXAMPLE = [
  VEHICLE_CSV_COLUMNS.join(","),
  "B-FC 1001,Van 1,Mercedes-Benz,eVito,90,Type 2|CCS,11,80,Berlin depot Tempelhof,driver@demo.fleet,,",
  "B-FC 1002,Van 2,Nissan,e-NV200,40,Type 2|CHAdeMO,6.6,46,,,,",
].join("\n");

export const MAX_VEHICLE_IMPORT_ROWS = 5_000;
/** About 150 bytes a row: room for the largest import, small enough to refuse a stray file quickly. */
export const MAX_VEHICLE_IMPORT_CHARS = 1_000_000;
