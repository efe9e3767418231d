// Reads the vehicle CSV: one vehicle a row, every problem said with its line and its column, in plain words.
// References to the fleet's depots, drivers and keys are by name, email and card number; vehicles.ts resolves
// them against the database.
import type { z } from "zod";
import { createTranslator } from "use-intl/core";
import { readCsv } from "@/lib/csv/read-csv";
import { CONNECTOR_STANDARDS, type ConnectorStandard } from "@/lib/domain";
import {
  ENGLISH_VALIDATION,
  plainErrors,
  translateSchemaMessage,
  type ValidationTranslator,
} from "@/lib/validation/plain-errors";
// Only this namespace: the words the server says a file's problems in.
import errors from "@/messages/en/errors.json";
import { MAX_VEHICLE_IMPORT_ROWS, VEHICLE_CSV_COLUMNS, VEHICLE_CSV_EXAMPLE, type VehicleColumn } from "./csv-format";
import { plateKey, vehicleValues, type VehicleValues } from "./schemas";

export { VEHICLE_CSV_COLUMNS, VEHICLE_CSV_EXAMPLE, type VehicleColumn };
const REQUIRED: readonly VehicleColumn[] = ["plate", "battery_kwh", "connectors"];

/** The field of a vehicle each column fills; references are resolved later. */
export const FIELD_OF: Record<VehicleColumn, keyof VehicleValues> = {
  plate: "plate",
  name: "name",
  make: "make",
  model: "model",
  battery_kwh: "batteryKwh",
  connectors: "connectorStandards",
  max_ac_kw: "maxAcKw",
  max_dc_kw: "maxDcKw",
  home_depot: "homeDepotId",
  default_driver: "defaultDriverId",
  charging_key: "chargingKeyId",
  petit_monde_token: "petitMondeTokenId",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column])) as Record<
  keyof VehicleValues,
  VehicleColumn
>;

/** Names people write connectors with, beside the OCPI ones. */
const ALIASES: Record<string, ConnectorStandard> = {
  ccs: "IEC_62196_T2_COMBO",
  ccs2: "IEC_62196_T2_COMBO",
  "ccs type 2": "IEC_62196_T2_COMBO",
  "ccs (type 2)": "IEC_62196_T2_COMBO",
  ccs1: "IEC_62196_T1_COMBO",
  "ccs type 1": "IEC_62196_T1_COMBO",
  "ccs (type 1)": "IEC_62196_T1_COMBO",
  "type 2": "IEC_62196_T2",
  type2: "IEC_62196_T2",
  t2: "IEC_62196_T2",
  "type 1": "IEC_62196_T1",
  type1: "IEC_62196_T1",
  t1: "IEC_62196_T1",
  chademo: "CHADEMO",
  schuko: "DOMESTIC_F",
};

export function connectorStandardFrom(text: string): ConnectorStandard | undefined {
  const plain = text.trim().toLowerCase().replace(/\s+/g, " ");
  return CONNECTOR_STANDARDS.find((s) => s.toLowerCase() === plain) ?? ALIASES[plain];
}

export interface CsvProblem {
  /** The column, as the file names it ("battery_kwh"); absent for a problem of the whole row. */
  column?: VehicleColumn;
  message: string;
}

export interface VehicleCsvError {
  /** The line in the file, counting the header as line 1 (as a spreadsheet numbers it). */
  line: number;
  plate?: string;
  problems: CsvProblem[];
}

/** A row that reads as a vehicle; its references are still the file's words. */
export interface VehicleCsvRow {
  line: number;
  values: Omit<VehicleValues, "homeDepotId" | "defaultDriverId" | "chargingKeyId">;
  references: { homeDepot?: string; defaultDriver?: string; chargingKey?: string };
}

export interface ParsedVehicleCsv {
  /** The columns the file has: a column it leaves out keeps what is stored. */
  columns: VehicleColumn[];
  rows: VehicleCsvRow[];
  errors: VehicleCsvError[];
}

/** The words a file's problems are said in: the `errors` and `validation` messages of one language. */
export interface VehicleCsvWords {
  errors: (key: string, values?: Record<string, string | number>) => string;
  validation: ValidationTranslator;
}

const englishErrors = createTranslator({ locale: "en", messages: { errors }, namespace: "errors" });
export const ENGLISH_VEHICLE_CSV_WORDS: VehicleCsvWords = {
  errors: (key, values) => englishErrors(key as never, values as never),
  validation: ENGLISH_VALIDATION,
};

export function csvProblem(words: VehicleCsvWords, key: string, values?: Record<string, string | number>): string {
  return words.errors(`vehicles.csv.${key}`, values);
}

function issueProblem(issue: z.core.$ZodIssue, words: VehicleCsvWords): CsvProblem {
  const field = issue.path[0] as keyof VehicleValues | undefined;
  const message = translateSchemaMessage(issue.message, words.validation);
  return field && COLUMN_OF[field] ? { column: COLUMN_OF[field], message } : { message };
}

/**
 * Every row checked against the vehicle schema; a file with any error imports nothing. The problems are said
 * in `words` (the reader's); English by default.
 */
export function parseVehiclesCsv(text: string, words: VehicleCsvWords = ENGLISH_VEHICLE_CSV_WORDS): ParsedVehicleCsv {
  const { header, headerLine, rows: lines } = readCsv(text);
  const fileError = (line: number, message: string): ParsedVehicleCsv => ({
    columns: [],
    rows: [],
    errors: [{ line, problems: [{ message }] }],
  });
  if (header.length === 0) return fileError(1, csvProblem(words, "fileEmpty"));
  const headerProblems = [
    ...REQUIRED.filter((c) => !header.includes(c)).map((column) => csvProblem(words, "missingColumn", { column })),
    ...header
      .filter((c) => c !== "" && !(VEHICLE_CSV_COLUMNS as readonly string[]).includes(c))
      .map((column) => csvProblem(words, "unknownColumn", { column, columns: VEHICLE_CSV_COLUMNS.join(", ") })),
  ];
  if (headerProblems.length) {
    return {
      columns: [],
      rows: [],
      errors: [{ line: headerLine, problems: headerProblems.map((message) => ({ message })) }],
    };
  }
  if (lines.length === 0) return fileError(headerLine + 1, csvProblem(words, "noVehicles"));
  if (lines.length > MAX_VEHICLE_IMPORT_ROWS) {
    return fileError(
      headerLine,
      csvProblem(words, "tooManyRows", { max: MAX_VEHICLE_IMPORT_ROWS, count: lines.length }),
    );
  }

  const rows: VehicleCsvRow[] = [];
  const errors: VehicleCsvError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of lines) {
    const cell = (column: VehicleColumn) => {
      const at = header.indexOf(column);
      return at === -1 ? "" : (cells[at] ?? "").trim();
    };
    const problems: CsvProblem[] = [];
    if (cells.length > header.length) {
      problems.push({ message: csvProblem(words, "tooManyCells", { cells: cells.length, header: header.length }) });
    }
    const standards: string[] = [];
    for (const part of cell("connectors")
      .split("|")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const standard = connectorStandardFrom(part);
      if (standard) standards.push(standard);
      else problems.push({ column: "connectors", message: csvProblem(words, "unknownConnector", { part }) });
    }
    const parsed = vehicleValues.safeParse(
      {
        plate: cell("plate"),
        name: cell("name"),
        make: cell("make"),
        model: cell("model"),
        batteryKwh: cell("battery_kwh"),
        connectorStandards: standards,
        maxAcKw: cell("max_ac_kw"),
        maxDcKw: cell("max_dc_kw"),
        petitMondeTokenId: cell("petit_monde_token"),
      },
      plainErrors(words.validation),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // An unknown connector is already explained; "choose at least one" would only repeat it.
        if (issue.path[0] === "connectorStandards" && problems.some((p) => p.column === "connectors")) continue;
        problems.push(issueProblem(issue, words));
      }
    }
    const plate = cell("plate") || undefined;
    const key = plate ? plateKey(plate) : "";
    if (key) {
      const first = firstLineOf.get(key);
      if (first !== undefined) {
        problems.push({
          column: "plate",
          message: csvProblem(words, "duplicatePlate", { plate: cell("plate"), line: first }),
        });
      } else firstLineOf.set(key, line);
    }
    if (problems.length || !parsed.success) {
      errors.push({ line, plate, problems });
      continue;
    }
    const { homeDepotId: _d, defaultDriverId: _p, chargingKeyId: _k, ...values } = parsed.data;
    rows.push({
      line,
      values,
      references: {
        homeDepot: cell("home_depot") || undefined,
        defaultDriver: cell("default_driver") || undefined,
        chargingKey: cell("charging_key") || undefined,
      },
    });
  }
  const columns = VEHICLE_CSV_COLUMNS.filter((c) => header.includes(c));
  return { columns, rows, errors };
}
