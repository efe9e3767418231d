// Inputs of the depot-charger forms and CSV import, shared by the browser and the server actions.
import { z } from "zod";
import { isTimeZone } from "@/lib/format/reader";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
import { numberField } from "@/lib/validation/number-field";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";

export const MAX_CONNECTORS = 20;
export const MAX_IMPORT_ROWS = 1_000;
/** About 200 bytes a row: room for the largest import, small enough to refuse a stray file quickly. */
export const MAX_IMPORT_CHARS = 500_000;

/** Ids travel in DepotFinity URL paths: characters that need no escaping (empty is left to .min()). */
const ID_PATTERN = /^[A-Za-z0-9._:-]*$/;

export const chargerIdField = z
  .string({ error: say.chargerIdRequired })
  .trim()
  .min(1, say.chargerIdRequired)
  .max(100, say.atMost100Characters)
  .regex(ID_PATTERN, say.chargerIdCharacters);

export const connectorIdField = z
  .string({ error: say.connectorIdRequired })
  .trim()
  .min(1, say.connectorIdRequired)
  .max(50, say.atMost50Characters)
  .regex(ID_PATTERN, say.chargerIdCharacters);

export const connectorStandardField = z.enum(CONNECTOR_STANDARDS, {
  error: say.connectorStandard,
});

export const powerKwField = numberField(say.powerRequired, say.powerNumber).pipe(
  z.number().positive(say.powerAboveZero).max(1_000, say.powerAtMost),
);

export const latitudeField = numberField(say.latitudeRequired, say.latitudeNumber).pipe(
  z.number().min(-90, say.latitudeRange).max(90, say.latitudeRange),
);

export const longitudeField = numberField(say.longitudeRequired, say.longitudeNumber).pipe(
  z.number().min(-180, say.longitudeRange).max(180, say.longitudeRange),
);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
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
  name: z.string({ error: say.nameRequired }).trim().min(1, say.nameRequired).max(100, say.atMost100Characters),
  latitude: latitudeField,
  longitude: longitudeField,
  address: optionalText(200, say.atMost200Characters),
  timeZone: optionalText(64, say.atMost64Characters).refine((v) => v === undefined || isTimeZone(v), {
    message: say.timeZone,
  }),
  connectors: z
    .array(depotConnectorInput, { error: say.connectorsRequired })
    .min(1, say.connectorsRequired)
    .max(MAX_CONNECTORS, say.atMost20Connectors)
    .refine((list) => new Set(list.map((c) => c?.connectorId)).size === list.length, {
      message: say.connectorIdsUnique,
      // Also when a connector has other problems: the admin sees every problem of the row at once.
      when: (payload) => Array.isArray(payload.value),
    }),
});
export type DepotChargerValues = z.infer<typeof depotChargerValues>;

const fleetId = z.string().min(1).max(64);
const rowId = z.string().min(1, say.chargerRequired).max(64);

export const listDepotChargersInput = z.object({ fleetId });
export const addDepotChargerInput = depotChargerValues.extend({ fleetId });
export const editDepotChargerInput = depotChargerValues.extend({ fleetId, id: rowId });
export const deleteDepotChargerInput = z.object({ fleetId, id: rowId });
export const importDepotChargersInput = z.object({
  fleetId,
  csv: z.string({ error: say.csvFileRequired }).min(1, say.fileEmpty).max(MAX_IMPORT_CHARS, say.fileTooLarge),
});
export const chargerListFromProviderInput = z.object({ fleetId });

export type AddDepotChargerInput = z.infer<typeof addDepotChargerInput>;
export type EditDepotChargerInput = z.infer<typeof editDepotChargerInput>;
