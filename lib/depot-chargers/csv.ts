// Reads and writes the depot-charger CSV: one charger a row, connectors in one cell, errors per row in plain words.
import type { z } from "zod";
import { createTranslator } from "use-intl/core";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
import {
  ENGLISH_VALIDATION,
  plainErrors,
  translateSchemaMessage,
  type ValidationTranslator,
} from "@/lib/validation/plain-errors";
// Only this namespace: the import preview in the browser parses with this file.
import errors from "@/messages/en/errors.json";
import { readCsv } from "@/lib/csv/read-csv";
import { MAX_IMPORT_ROWS, depotChargerValues, type DepotChargerValues } from "./schemas";

/** The header a file must start with; address and time_zone may be left out. */
export const CSV_COLUMNS = [
  "charger_id",
  "name",
  "latitude",
  "longitude",
  "connectors",
  "address",
  "time_zone",
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["charger_id", "name", "latitude", "longitude", "connectors"];

export const CSV_EXAMPLE = [
  "charger_id,name,latitude,longitude,connectors,address,time_zone",
  'BER-CH01,Tempelhof DC 1,52.4668,13.3951,1:IEC_62196_T2_COMBO:150,"Ordensmeisterstraße 14, 12099 Berlin",Europe/Berlin',
  "BER-CH05,Tempelhof AC 5,52.4672,13.3953,1:IEC_62196_T2:22|2:IEC_62196_T2:22,,",
].join("\n");

export interface CsvRowError {
  /** The row in the file, counting the header as row 1 (as a spreadsheet numbers it). */
  row: number;
  chargerId?: string;
  messages: string[];
}

export interface ParsedCsv {
  chargers: DepotChargerValues[];
  errors: CsvRowError[];
}

/** The words a file's problems are said in: the `errors` and `validation` messages of one language. */
export interface CsvWords {
  errors: (key: string, values?: Record<string, string | number>) => string;
  validation: ValidationTranslator;
}

const englishErrors = createTranslator({ locale: "en", messages: { errors }, namespace: "errors" });

const ENGLISH: CsvWords = {
  errors: (key, values) => englishErrors(key as never, values as never),
  validation: ENGLISH_VALIDATION,
};

/** A problem of the file, in these words. */
function problem(words: CsvWords, key: string, values?: Record<string, string | number>): string {
  return words.errors(`depotChargers.csv.${key}`, values);
}

const LABELS: Record<string, string> = {
  chargerId: "charger_id",
  name: "name",
  latitude: "latitude",
  longitude: "longitude",
  address: "address",
  timeZone: "time_zone",
  connectors: "connectors",
};

/** "1:IEC_62196_T2:22|2:IEC_62196_T2:22" → connector objects (validated with the charger). */
function parseConnectors(cell: string, words: CsvWords): unknown[] | string {
  const parts = cell
    .split("|")
    .map((p) => p.trim())
    .filter(Boolean);
  const connectors: unknown[] = [];
  for (const part of parts) {
    const pieces = part.split(":").map((p) => p.trim());
    if (pieces.length !== 3) {
      return problem(words, "connectorsFormat", { part });
    }
    const [connectorId, standard, powerKw] = pieces;
    // Spelling is forgiven ("iec_62196_t2"); anything that is no OCPI standard is reported by the schema.
    const known = CONNECTOR_STANDARDS.find((s) => s.toLowerCase() === standard.toLowerCase());
    connectors.push({ connectorId, standard: known ?? standard, powerKw });
  }
  return connectors;
}

function issueText(issue: z.core.$ZodIssue, words: CsvWords): string {
  const [field, index, sub] = issue.path;
  const label = LABELS[String(field)] ?? String(field ?? "row");
  const said = translateSchemaMessage(issue.message, words.validation);
  if (field === "connectors" && typeof index === "number") {
    return sub
      ? problem(words, "connectorFieldProblem", { number: index + 1, field: String(sub), problem: said })
      : problem(words, "connectorProblem", { number: index + 1, problem: said });
  }
  return problem(words, "fieldProblem", { field: label, problem: said });
}

function rowValues(header: string[], cells: string[]): Record<string, unknown> {
  const value = (column: Column) => {
    const at = header.indexOf(column);
    return at === -1 ? undefined : (cells[at] ?? "").trim();
  };
  return {
    chargerId: value("charger_id"),
    name: value("name"),
    latitude: value("latitude"),
    longitude: value("longitude"),
    address: value("address"),
    timeZone: value("time_zone"),
  };
}

/**
 * Every row checked; a file with any error imports nothing (see importDepotChargers). The problems are said
 * in `words` (the reader's); English by default.
 */
export function parseDepotChargersCsv(text: string, words: CsvWords = ENGLISH): ParsedCsv {
  const { header, headerLine: headerRow, rows: lines } = readCsv(text);
  if (header.length === 0) return { chargers: [], errors: [{ row: 1, messages: [problem(words, "fileEmpty")] }] };

  const headerProblems = [
    ...REQUIRED.filter((c) => !header.includes(c)).map((column) => problem(words, "missingColumn", { column })),
    ...header
      .filter((c) => c !== "" && !(CSV_COLUMNS as readonly string[]).includes(c))
      .map((column) => problem(words, "unknownColumn", { column, columns: CSV_COLUMNS.join(", ") })),
  ];
  if (headerProblems.length) return { chargers: [], errors: [{ row: headerRow, messages: headerProblems }] };

  const chargers: DepotChargerValues[] = [];
  const errors: CsvRowError[] = [];
  const firstRowOf = new Map<string, number>();
  const rows = lines.map(({ cells, line }) => ({ cells, row: line }));
  if (rows.length === 0) {
    return { chargers, errors: [{ row: headerRow + 1, messages: [problem(words, "noChargers")] }] };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      chargers,
      errors: [
        {
          row: headerRow,
          messages: [problem(words, "tooManyRows", { max: MAX_IMPORT_ROWS, count: rows.length })],
        },
      ],
    };
  }

  for (const { cells, row } of rows) {
    const values = rowValues(header, cells);
    const chargerId = typeof values.chargerId === "string" && values.chargerId ? values.chargerId : undefined;
    const messages: string[] = [];
    if (cells.length > header.length) {
      messages.push(problem(words, "tooManyCells", { cells: cells.length, header: header.length }));
    }
    const connectors = parseConnectors(cells[header.indexOf("connectors")] ?? "", words);
    if (typeof connectors === "string") messages.push(connectors);
    const parsed = depotChargerValues.safeParse(
      { ...values, connectors: typeof connectors === "string" ? [] : connectors },
      plainErrors(words.validation),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A malformed connectors cell is already explained; "add at least one" would only repeat it.
        if (typeof connectors === "string" && issue.path[0] === "connectors" && issue.path.length === 1) continue;
        messages.push(issueText(issue, words));
      }
    }
    if (chargerId) {
      const first = firstRowOf.get(chargerId);
      if (first !== undefined) messages.push(problem(words, "duplicateId", { chargerId, row: first }));
      else firstRowOf.set(chargerId, row);
    }
    if (messages.length) errors.push({ row, chargerId, messages });
    else if (parsed.success) chargers.push(parsed.data);
  }
  return { chargers, errors };
}

function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? "" : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The same format back, e.g. to export, or to review the chargers a provider lists before importing them. */
export function writeDepotChargersCsv(chargers: readonly DepotChargerValues[]): string {
  const lines = chargers.map((c) =>
    [
      c.chargerId,
      c.name,
      c.latitude,
      c.longitude,
      c.connectors.map((k) => `${k.connectorId}:${k.standard}:${k.powerKw}`).join("|"),
      c.address,
      c.timeZone,
    ]
      .map(csvCell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
