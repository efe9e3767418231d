// Reads and writes the depot-charger CSV: one charger a row, connectors in one cell, errors per row in plain words.
import type { z } from "zod";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
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

const LABELS: Record<string, string> = {
  chargerId: "charger_id",
  name: "name",
  latitude: "latitude",
  longitude: "longitude",
  address: "address",
  timeZone: "time_zone",
  connectors: "connectors",
};

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function headerName(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Spreadsheets set to German write ";" between cells; the header says which one the file uses. */
function delimiterOf(firstLine: string): string {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** "1:IEC_62196_T2:22|2:IEC_62196_T2:22" → connector objects (validated with the charger). */
function parseConnectors(cell: string): unknown[] | string {
  const parts = cell
    .split("|")
    .map((p) => p.trim())
    .filter(Boolean);
  const connectors: unknown[] = [];
  for (const part of parts) {
    const pieces = part.split(":").map((p) => p.trim());
    if (pieces.length !== 3) {
      return `connectors: “${part}” should read connector id:standard:kW, e.g. 1:IEC_62196_T2:22`;
    }
    const [connectorId, standard, powerKw] = pieces;
    // Spelling is forgiven ("iec_62196_t2"); anything that is no OCPI standard is reported by the schema.
    const known = CONNECTOR_STANDARDS.find((s) => s.toLowerCase() === standard.toLowerCase());
    connectors.push({ connectorId, standard: known ?? standard, powerKw });
  }
  return connectors;
}

function issueText(issue: z.core.$ZodIssue): string {
  const [field, index, sub] = issue.path;
  const label = LABELS[String(field)] ?? String(field ?? "row");
  if (field === "connectors" && typeof index === "number") {
    return `connector ${index + 1}${sub ? ` (${String(sub)})` : ""}: ${issue.message}`;
  }
  return `${label}: ${issue.message}`;
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

/** Every row checked; a file with any error imports nothing (see importDepotChargers). */
export function parseDepotChargersCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = delimiterOf(body.split(/\r?\n/, 1)[0] ?? "");
  const records = parseCsvRecords(body, delimiter);
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIndex === -1) return { chargers: [], errors: [{ row: 1, messages: ["The file is empty."] }] };

  const header = records[headerIndex].map(headerName);
  const headerRow = headerIndex + 1;
  const headerProblems = [
    ...REQUIRED.filter((c) => !header.includes(c)).map((c) => `The header has no “${c}” column.`),
    ...header
      .filter((c) => c !== "" && !(CSV_COLUMNS as readonly string[]).includes(c))
      .map((c) => `“${c}” is not a column of this format (expected ${CSV_COLUMNS.join(", ")}).`),
  ];
  if (headerProblems.length) return { chargers: [], errors: [{ row: headerRow, messages: headerProblems }] };

  const chargers: DepotChargerValues[] = [];
  const errors: CsvRowError[] = [];
  const firstRowOf = new Map<string, number>();
  const rows = records
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) return { chargers, errors: [{ row: headerRow + 1, messages: ["The file has no chargers."] }] };
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      chargers,
      errors: [
        { row: headerRow, messages: [`At most ${MAX_IMPORT_ROWS} chargers per file; this one has ${rows.length}.`] },
      ],
    };
  }

  for (const { cells, row } of rows) {
    const values = rowValues(header, cells);
    const chargerId = typeof values.chargerId === "string" && values.chargerId ? values.chargerId : undefined;
    const messages: string[] = [];
    if (cells.length > header.length)
      messages.push(`The row has ${cells.length} cells but the header only ${header.length}.`);
    const connectors = parseConnectors(cells[header.indexOf("connectors")] ?? "");
    if (typeof connectors === "string") messages.push(connectors);
    const parsed = depotChargerValues.safeParse({
      ...values,
      connectors: typeof connectors === "string" ? [] : connectors,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A malformed connectors cell is already explained; "add at least one" would only repeat it.
        if (typeof connectors === "string" && issue.path[0] === "connectors" && issue.path.length === 1) continue;
        messages.push(issueText(issue));
      }
    }
    if (chargerId) {
      const first = firstRowOf.get(chargerId);
      if (first !== undefined) messages.push(`charger_id: “${chargerId}” is already on row ${first}.`);
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
