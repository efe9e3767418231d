// Inputs of the depot-charger forms and CSV import, shared by the browser and the server actions.
import { z } from "zod";
import { isTimeZone } from "@/lib/format/reader";
import { CONNECTOR_STANDARDS } from "@/lib/domain";

export const MAX_CONNECTORS = 20;
export const MAX_IMPORT_ROWS = 1_000;
/** About 200 bytes a row: room for the largest import, small enough to refuse a stray file quickly. */
export const MAX_IMPORT_CHARS = 500_000;

/** Ids travel in DepotFinity URL paths: characters that need no escaping (empty is left to .min()). */
const ID_PATTERN = /^[A-Za-z0-9._:-]*$/;
const ID_RULES = "Use letters, digits, “.”, “-”, “_” or “:” only";

/** "52,4672" (German spreadsheets) or "52.4672"; empty stays empty so that it reads as missing, not as 0. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
  const number = Number(normalised);
  return Number.isFinite(number) ? number : value;
}

function numberField(missing: string, notNumber: string) {
  return z.preprocess(toNumber, z.number({ error: (issue) => (issue.input === undefined ? missing : notNumber) }));
}

export const chargerIdField = z
  .string({ error: "Enter the charger id" })
  .trim()
  .min(1, "Enter the charger id")
  .max(100, "Use at most 100 characters")
  .regex(ID_PATTERN, ID_RULES);

export const connectorIdField = z
  .string({ error: "Enter the connector id" })
  .trim()
  .min(1, "Enter the connector id")
  .max(50, "Use at most 50 characters")
  .regex(ID_PATTERN, ID_RULES);

export const connectorStandardField = z.enum(CONNECTOR_STANDARDS, {
  error: "Choose a connector standard (OCPI name, e.g. IEC_62196_T2)",
});

export const powerKwField = numberField("Enter the power in kW", "Enter the power as a number of kW, e.g. 22").pipe(
  z.number().positive("Power must be more than 0 kW").max(1_000, "Power can be at most 1,000 kW"),
);

export const latitudeField = numberField("Enter the latitude", "Enter the latitude as a number, e.g. 52.4672").pipe(
  z.number().min(-90, "Latitude is between -90 and 90").max(90, "Latitude is between -90 and 90"),
);

export const longitudeField = numberField("Enter the longitude", "Enter the longitude as a number, e.g. 13.3953").pipe(
  z.number().min(-180, "Longitude is between -180 and 180").max(180, "Longitude is between -180 and 180"),
);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => v || undefined);

export const depotConnectorInput = z.object({
  connectorId: connectorIdField,
  standard: connectorStandardField,
  powerKw: powerKwField,
});
export type DepotConnectorInput = z.infer<typeof depotConnectorInput>;

/** One charger as the admin describes it; the same for the form, the CSV rows and the import from DepotFinity. */
export const depotChargerValues = z.object({
  chargerId: chargerIdField,
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
  latitude: latitudeField,
  longitude: longitudeField,
  address: optionalText(200),
  timeZone: optionalText(64).refine((v) => v === undefined || isTimeZone(v), {
    message: "Enter an IANA time zone, e.g. Europe/Berlin",
  }),
  connectors: z
    .array(depotConnectorInput, { error: "Add at least one connector" })
    .min(1, "Add at least one connector")
    .max(MAX_CONNECTORS, `A charger can have at most ${MAX_CONNECTORS} connectors`)
    .refine((list) => new Set(list.map((c) => c?.connectorId)).size === list.length, {
      message: "Each connector id can appear only once per charger",
      // Also when a connector has other problems: the admin sees every problem of the row at once.
      when: (payload) => Array.isArray(payload.value),
    }),
});
export type DepotChargerValues = z.infer<typeof depotChargerValues>;

const fleetId = z.string().min(1).max(64);
const rowId = z.string().min(1, "Choose a charger").max(64);

export const listDepotChargersInput = z.object({ fleetId });
export const addDepotChargerInput = depotChargerValues.extend({ fleetId });
export const editDepotChargerInput = depotChargerValues.extend({ fleetId, id: rowId });
export const deleteDepotChargerInput = z.object({ fleetId, id: rowId });
export const importDepotChargersInput = z.object({
  fleetId,
  csv: z
    .string({ error: "Choose a CSV file" })
    .min(1, "The file is empty")
    .max(MAX_IMPORT_CHARS, "The file is too large: split it into files of at most 1,000 chargers"),
});
export const chargerListFromProviderInput = z.object({ fleetId });

export type AddDepotChargerInput = z.infer<typeof addDepotChargerInput>;
export type EditDepotChargerInput = z.infer<typeof editDepotChargerInput>;

export const depotChargersQueryKey = (fleetId: string) => ["depot-chargers", fleetId] as const;
