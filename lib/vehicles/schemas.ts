// Inputs of the vehicle screens and the CSV import, shared by the browser and the server actions.
import { z } from "zod";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
import { numberField } from "@/lib/validation/number-field";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";
import { takesAc, takesDc } from "./compatibility";
import { MAX_VEHICLE_IMPORT_CHARS } from "./csv-format";
import { SORT_DIRECTIONS, VEHICLE_SORTS, VEHICLE_STATUSES } from "./table-params";

/** Letters (ä, ö, ü… too), digits, spaces, hyphens and dots: "B-FC 1234", "M-ÜV 77E" (empty is left to .min()). */
const PLATE_PATTERN = /^(?:[\p{L}\p{N}][\p{L}\p{N} .-]*)?$/u;
/** Ids that travel in provider URL paths. */
const TOKEN_PATTERN = /^[A-Za-z0-9._:-]*$/;

/** The plate as stored: upper case, single spaces. */
export function normalisePlate(plate: string): string {
  return plate.trim().replace(/\s+/g, " ").toLocaleUpperCase("de");
}

/** One vehicle per plateKey in a fleet: "B-FC 1234", "b fc1234" and "BFC 1234" are the same plate. */
export function plateKey(plate: string): string {
  return normalisePlate(plate).replace(/[^\p{L}\p{N}]/gu, "");
}

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || undefined);

/** An id picked from a list (depot, driver, key): empty means none. */
const optionalId = z
  .string()
  .max(64)
  .optional()
  .transform((v) => v || undefined);

const optionalPower = (max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    numberField(say.powerRequired, say.powerNumber)
      .pipe(z.number().positive(say.powerAboveZero).max(max, say.powerAtMost))
      .optional(),
  );

function standardsGiven(payload: { value: unknown }): boolean {
  const value = payload.value as { connectorStandards?: unknown } | undefined;
  return Array.isArray(value?.connectorStandards);
}

const vehicleShape = z.object({
  plate: z
    .string({ error: say.plateRequired })
    .trim()
    .min(1, say.plateRequired)
    .max(20, say.plateTooLong)
    .regex(PLATE_PATTERN, say.plateCharacters)
    .transform(normalisePlate),
  name: optionalText(100, say.atMost100Characters),
  make: optionalText(50, say.atMost50Characters),
  model: optionalText(50, say.atMost50Characters),
  batteryKwh: numberField(say.batteryRequired, say.batteryNumber).pipe(
    z.number().positive(say.batteryRange).max(1_000, say.batteryRange),
  ),
  connectorStandards: z
    .array(z.enum(CONNECTOR_STANDARDS, { error: say.connectorStandard }), { error: say.vehicleStandardsRequired })
    .min(1, say.vehicleStandardsRequired)
    .max(CONNECTOR_STANDARDS.length)
    .refine((list) => new Set(list).size === list.length, { message: say.vehicleStandardsUnique }),
  maxAcKw: optionalPower(50),
  maxDcKw: optionalPower(1_000),
  homeDepotId: optionalId,
  defaultDriverId: optionalId,
  chargingKeyId: optionalId,
  petitMondeTokenId: optionalText(100, say.atMost100Characters).refine((v) => !v || TOKEN_PATTERN.test(v), {
    message: say.chargerIdCharacters,
  }),
});

/**
 * The power a vehicle draws decides which chargers are worth booking and how long it stays. Checked also when
 * other fields have problems, so that the admin sees every problem of a line at once.
 */
function withPowerChecks<S extends z.ZodType<{ connectorStandards: string[]; maxAcKw?: number; maxDcKw?: number }>>(
  schema: S,
): S {
  return schema
    .refine((v) => !takesAc(v.connectorStandards) || v.maxAcKw !== undefined, {
      path: ["maxAcKw"],
      message: say.vehicleAcPowerRequired,
      when: standardsGiven,
    })
    .refine((v) => !takesDc(v.connectorStandards) || v.maxDcKw !== undefined, {
      path: ["maxDcKw"],
      message: say.vehicleDcPowerRequired,
      when: standardsGiven,
    });
}

export const vehicleValues = withPowerChecks(vehicleShape);
export type VehicleValues = z.infer<typeof vehicleValues>;
export type VehicleField = keyof VehicleValues;

const fleetId = z.string().min(1).max(64);
const vehicleId = z.string().min(1, say.vehicleRequired).max(64);

export const addVehicleInput = withPowerChecks(vehicleShape.extend({ fleetId }));
export const editVehicleInput = withPowerChecks(vehicleShape.extend({ fleetId, id: vehicleId }));
export const retireVehicleInput = z.object({ fleetId, id: vehicleId, retired: z.boolean() });
export const vehicleOptionsInput = z.object({ fleetId });
export const importVehiclesInput = z.object({
  fleetId,
  csv: z.string({ error: say.csvFileRequired }).min(1, say.fileEmpty).max(MAX_VEHICLE_IMPORT_CHARS, say.fileTooLarge),
});

export const vehicleFiltersInput = z.object({
  fleetId,
  q: z.string().trim().max(100).optional(),
  status: z.enum(VEHICLE_STATUSES).default("active"),
  depotId: z.string().max(64).optional(),
  driverId: z.string().max(64).optional(),
  standard: z.enum(CONNECTOR_STANDARDS).optional(),
});
export type VehicleFilters = z.infer<typeof vehicleFiltersInput>;

export const listVehiclesInput = vehicleFiltersInput.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(50),
  sort: z.enum(VEHICLE_SORTS).default("plate"),
  dir: z.enum(SORT_DIRECTIONS).default("asc"),
});
export type ListVehiclesInput = z.infer<typeof listVehiclesInput>;
